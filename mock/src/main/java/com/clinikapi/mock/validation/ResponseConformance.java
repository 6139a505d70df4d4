package com.clinikapi.mock.validation;

import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.OperationMatch;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks every response the mock derives against the spec (status, media type, headers, body
 * schema) and records what does not conform in the {@link ConformanceLog}. The mock's own tests
 * run with it on and fail on any record, which is how the build fails if the mock answers
 * something the spec does not define. Off by default in the jar: it roughly halves throughput.
 */
public final class ResponseConformance implements ResponseTransformerV2 {

    public static final String NAME = "clinikapi-response-conformance";
    private static final Logger LOG = LoggerFactory.getLogger(ResponseConformance.class);

    private final Supplier<ApiContract> contract;
    private final Supplier<SpecValidator> validator;
    private final ConformanceLog log;

    public ResponseConformance(Supplier<ApiContract> contract, Supplier<SpecValidator> validator, ConformanceLog log) {
        this.contract = contract;
        this.validator = validator;
        this.log = log;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String path = pathOf(request.getUrl());
        Optional<OperationMatch> match = contract.get().match(request.getMethod().getName(), path);
        if (match.isEmpty() || response.getFault() != null || answeredByPartnersStub(serveEvent)) {
            return response;
        }
        // The operation's method: a HEAD is answered as its GET (the body is dropped later, on the wire).
        String method = match.get().operation().method();
        ValidationReport report = validator.get().validateResponse(path, method, toValidatorResponse(response));
        if (report.hasErrors()) {
            List<String> findings = report.getMessages().stream()
                    .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .map(ResponseFindings::describe)
                    .toList();
            ResponseViolation violation = new ResponseViolation(match.get().operation().operationId(),
                    request.getMethod().getName(), response.getStatus(), findings);
            LOG.warn("response does not conform to the spec: {}", violation);
            log.record(violation);
        }
        return response;
    }

    /**
     * A partner's stub was checked when it was registered (status and body); its headers are its
     * author's. The mock's own answers (a request filter's) carry no stub at all.
     */
    private static boolean answeredByPartnersStub(ServeEvent serveEvent) {
        StubMapping stub = serveEvent.getStubMapping();
        return stub != null && stub != StubMapping.NOT_CONFIGURED;
    }

    @Override
    public String getName() {
        return NAME;
    }

    private static SimpleResponse toValidatorResponse(Response response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.getStatus());
        for (HttpHeader header : response.getHeaders().all()) {
            builder.withHeader(header.key(), header.values());
        }
        byte[] body = response.getBody();
        if (body != null && body.length > 0) {
            builder.withBody(response.getBodyAsString());
        }
        return builder.build();
    }

    private static String pathOf(String url) {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question);
    }
}
