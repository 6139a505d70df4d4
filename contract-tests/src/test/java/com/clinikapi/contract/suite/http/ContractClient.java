package com.clinikapi.contract.suite.http;

import com.clinikapi.contract.suite.spec.SpecModel;
import com.clinikapi.contract.suite.spec.SpecOperation;
import com.clinikapi.contract.suite.target.ContractTarget;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The only way the suite talks to a target. Every response passes {@link ResponseContract} before a
 * test sees it, and every exchange is handed to the recorder (coverage, differential log), so no test
 * can forget either. A connection the target drops is a failure too.
 */
public final class ContractClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            // plain HTTP/1.1: no h2c upgrade header on every request
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final ContractTarget target;
    private final ExchangeRecorder recorder;

    public ContractClient(ContractTarget target, ExchangeRecorder recorder) {
        this.target = target;
        this.recorder = recorder;
    }

    public ContractTarget target() {
        return target;
    }

    public ApiCall call(String method, String pathAndQuery) {
        return new ApiCall(this, method, pathAndQuery);
    }

    public ApiCall get(String pathAndQuery) {
        return call("GET", pathAndQuery);
    }

    public ApiCall post(String pathAndQuery) {
        return call("POST", pathAndQuery);
    }

    public ApiCall patch(String pathAndQuery) {
        return call("PATCH", pathAndQuery);
    }

    public ApiCall delete(String pathAndQuery) {
        return call("DELETE", pathAndQuery);
    }

    /** Sends, checks the answer against the contract, records it; throws {@link ContractViolation} on a breach. */
    ApiResponse exchange(ApiCall call) {
        RawHttp.Answer raw;
        try {
            raw = send(call);
        } catch (IOException e) {
            throw new ContractViolation(call.method() + " " + call.path() + " on " + target.name(),
                    List.of("the connection was dropped without an answer: " + e));
        }
        Optional<SpecOperation> operation = SpecModel.get().resolve(call.method(), call.path());
        ApiResponse response = new ApiResponse(operation.map(SpecOperation::operationId).orElse("(undeclared)"),
                call.method(), call.path(), raw.status(), raw.headers(), raw.body());
        List<String> problems = ResponseContract.get().problems(call.sent(), operation, response);
        recorder.record(new Exchange(target.name(), operation.map(SpecOperation::operationId),
                call.method(), call.path(), response, problems.isEmpty()));
        if (!problems.isEmpty()) {
            throw new ContractViolation(response.describe() + " on " + target.name(), problems);
        }
        return response;
    }

    /** Sends without checks, for the scenarios that ask the target to drop the connection. */
    IOException exchangeExpectingDrop(ApiCall call) {
        try {
            RawHttp.Answer raw = send(call);
            throw new AssertionError(call.method() + " " + call.path() + " on " + target.name()
                    + ": expected a dropped connection, got " + raw.status());
        } catch (IOException e) {
            return e;
        }
    }

    private RawHttp.Answer sendRaw(ApiCall call) throws IOException {
        return RawHttp.exchange(target.baseUrl(), call.method(), call.path(), call.headers(), call.body(),
                call.isChunkedVerbatim(), (int) TIMEOUT.toMillis());
    }

    private RawHttp.Answer send(ApiCall call) throws IOException {
        URI uri;
        try {
            uri = URI.create(target.baseUrl() + call.path());
        } catch (IllegalArgumentException notAUri) {
            // java.net.http cannot send it; the target must answer it all the same
            return sendRaw(call);
        }
        if (call.isChunkedVerbatim()) {
            return sendRaw(call);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .method(call.method(), call.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach(h -> builder.header(h.name(), h.value()));
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new RawHttp.Answer(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
