package com.clinikapi.contract.suite.selfcheck;

import com.clinikapi.contract.suite.target.ContractTarget;
import com.clinikapi.contract.suite.target.KeyRole;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A deliberately wrong implementation: a proxy in front of a working target that breaks each answer
 * in one chosen way (a field the spec does not declare, a status it does not document, a missing
 * header, a 5xx, …). The self-check runs the real suite through it and expects failures.
 */
final class BrokenTarget implements AutoCloseable {

    /** An answer as the proxy passes it on, with the body of the request it answers. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, byte[] requestBody) {

        Answer withBody(String text) {
            return new Answer(status, headers, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), requestBody);
        }

        Answer withStatus(int newStatus) {
            return new Answer(newStatus, headers, body, requestBody);
        }

        Answer withoutHeader(String name) {
            Map<String, List<String>> copy = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(headers);
            copy.remove(name);
            return new Answer(status, copy, body, requestBody);
        }

        Answer withHeader(String name, String value) {
            Answer without = withoutHeader(name);
            without.headers().put(name, List.of(value));
            return without;
        }

        String requestText() {
            return new String(requestBody, java.nio.charset.StandardCharsets.UTF_8);
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "date");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final HttpServer server;
    private final ContractTarget broken;

    private BrokenTarget(HttpServer server, ContractTarget broken) {
        this.server = server;
        this.broken = broken;
    }

    /** A proxy to {@code working} that passes every answer through {@code breakage}. */
    static BrokenTarget around(ContractTarget working, UnaryOperator<Answer> breakage) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> forward(exchange, working, breakage));
        server.start();
        // its own sandbox (the mock keeps one per key), so that it can run beside the working target
        Map<KeyRole, String> keys = new java.util.EnumMap<>(working.keys());
        working.key(KeyRole.OTHER_TENANT).ifPresent(other -> {
            keys.put(KeyRole.OTHER_TENANT, working.apiKey());
            keys.put(KeyRole.PRIMARY, other);
        });
        ContractTarget broken = new ContractTarget("broken-" + working.name(),
                "http://localhost:" + server.getAddress().getPort(), keys, working.scenarios());
        return new BrokenTarget(server, broken);
    }

    ContractTarget target() {
        return broken;
    }

    private static void forward(HttpExchange exchange, ContractTarget working, UnaryOperator<Answer> breakage) throws IOException {
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(working.baseUrl() + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), requestBody.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Answer answer = breakage.apply(new Answer(response.statusCode(), response.headers().map(), response.body(), requestBody));
            answer.headers().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
