package com.clinikapi.mock.stub;

import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.ContractOperation;
import com.clinikapi.mock.validation.ResponseFindings;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Judges a partner's stub against the spec: for every operation the stub can answer, its status
 * must be one the operation documents and its media type and body must fit that status's schema.
 * A stub whose URL is exact ({@code urlEqualTo}, {@code urlPathEqualTo}) answers the operation of
 * that path; one with a pattern or template answers every operation whose path, with each path
 * parameter taken as {@value #SAMPLE_PARAMETER}, it matches. A stub for a path the spec does not
 * have, a fault, a proxy or a HEAD stub has no API answer to judge; a body from a file is not read
 * (its status still is).
 */
final class StubResponseCheck {

    /** Shaped as the spec's ids are, so that a pattern written for ids matches it. */
    static final String SAMPLE_PARAMETER = "appt_sample";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}/]+}");

    private final ApiContract contract;
    private final ResponseFindings findings;

    StubResponseCheck(ApiContract contract, ResponseFindings findings) {
        this.contract = contract;
        this.findings = findings;
    }

    /** What breaks the spec, one line per operation the stub answers wrongly; empty when nothing does. */
    List<String> objections(StubMapping stub) {
        ResponseDefinition response = stub.getResponse();
        if (response.getFault() != null || response.isProxyResponse()) {
            return List.of();
        }
        List<String> objections = new ArrayList<>();
        for (Answered answered : answered(stub.getRequest())) {
            ContractOperation operation = answered.operation();
            String where = operation.operationId() + " (" + operation.method() + " " + operation.pathTemplate() + ")";
            int status = response.getStatus();
            if (!operation.documents(status)) {
                objections.add(where + ": status " + status + " is not documented; it documents "
                        + operation.responses().keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            } else if (!response.specifiesBodyFile()) {
                List<String> found = findings.of(answered.path(), operation.method(), status, contentType(response),
                        response.getByteBody());
                if (!found.isEmpty()) {
                    objections.add(where + ": " + String.join("; ", found));
                }
            }
        }
        return objections;
    }

    private record Answered(ContractOperation operation, String path) {
    }

    /** The operations a stub with this request pattern can answer, each with a path it answers. */
    private List<Answered> answered(RequestPattern request) {
        String exact = request.getUrl() != null ? request.getUrl() : request.getUrlPath();
        List<Answered> answered = new ArrayList<>();
        for (ContractOperation operation : contract.operations()) {
            if (!request.getMethod().match(RequestMethod.fromString(operation.method())).isExactMatch()) {
                continue;
            }
            if (exact != null) {
                String path = withoutQuery(exact);
                contract.match(operation.method(), path)
                        .filter(match -> match.operation().operationId().equals(operation.operationId()))
                        .ifPresent(match -> answered.add(new Answered(operation, path)));
            } else {
                String sample = PATH_PARAMETER.matcher(operation.pathTemplate()).replaceAll(SAMPLE_PARAMETER);
                if (request.getUrlMatcher().match(sample).isExactMatch()) {
                    answered.add(new Answered(operation, sample));
                }
            }
        }
        return answered;
    }

    private static String contentType(ResponseDefinition response) {
        HttpHeaders headers = response.getHeaders();
        return headers != null && headers.getContentTypeHeader().isPresent()
                ? headers.getContentTypeHeader().firstValue() : null;
    }

    private static String withoutQuery(String url) {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question);
    }
}
