package com.clinikapi.contract.suite.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.spec.SpecModel;
import com.clinikapi.contract.suite.spec.SpecOperation;
import com.clinikapi.contract.suite.spec.SpecResponse;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the contract says about any response, checked in one place for every exchange:
 * the status is documented for the operation, the body and headers match the spec (by
 * swagger-request-validator, the library the mock also validates with), every declared header is
 * present, the request id agrees between header and body, the error code belongs to the status, the
 * media type honours {@code Accept}, and no error body echoes a submitted value.
 */
public final class ResponseContract {

    private static final ResponseContract INSTANCE = new ResponseContract(SpecModel.get());
    /**
     * Declared headers the spec's text makes optional; every other declared header is required, as the
     * API promises them on every response. (The spec marks no header {@code required: true}.)
     * {@code Idempotent-Replayed}: only on an answer replayed for a repeated {@code Idempotency-Key}.
     * ({@code Retry-After} is required on every 503 that declares it, as on every 429.)
     */
    private static final Set<String> OPTIONAL_HEADERS = Set.of(
            "201 " + ApiHeaders.IDEMPOTENT_REPLAYED, "200 " + ApiHeaders.IDEMPOTENT_REPLAYED,
            "204 " + ApiHeaders.IDEMPOTENT_REPLAYED);
    /** Shorter submitted values are too likely to occur in fixed texts by chance. */
    private static final int MIN_SENSITIVE_LENGTH = 6;

    private final SpecModel spec;
    private final OpenApiInteractionValidator validator;

    ResponseContract(SpecModel spec) {
        this.spec = spec;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec.text()).build();
    }

    public static ResponseContract get() {
        return INSTANCE;
    }

    /** Every way this response breaks the contract; empty when it keeps it. */
    public List<String> problems(SentRequest request, Optional<SpecOperation> operation, ApiResponse response) {
        List<String> problems = new ArrayList<>();
        if (response.status() >= 500 && !request.allowServerError()) {
            problems.add("server error " + response.status() + ": no request may produce a 5xx");
        }
        if (operation.isEmpty()) {
            // No operation to hold it to, but an error still speaks the contract's vocabulary.
            problems.addAll(bodyProblems(response));
            return problems;
        }
        SpecOperation op = operation.get();
        Optional<SpecResponse> documented = op.response(response.status());
        if (documented.isEmpty()) {
            problems.add("status " + response.status() + " is not documented for " + op.describe()
                    + " (documented: " + op.documentedStatuses().stream().sorted().toList() + ")");
        }
        problems.addAll(schemaProblems(request, response));
        documented.ifPresent(d -> {
            problems.addAll(headerProblems(d, response));
            problems.addAll(mediaTypeProblems(d, request, response));
        });
        problems.addAll(bodyProblems(response));
        if (response.status() >= 400) {
            problems.addAll(echoProblems(request, response));
        }
        return problems;
    }

    private List<String> schemaProblems(SentRequest request, ApiResponse response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status());
        response.headers().map().forEach(builder::withHeader);
        if (response.hasBody()) {
            builder.withBody(response.bodyBytes());
        }
        ValidationReport report = validator.validateResponse(
                SpecModel.stripQuery(request.path()), Request.Method.valueOf(request.method()), builder.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ResponseContract::describe)
                .toList();
    }

    private static String describe(ValidationReport.Message message) {
        String pointer = message.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(p -> " at " + p.getInstance())
                .orElse("");
        String nested = message.getNestedMessages().isEmpty() ? "" : " " + message.getNestedMessages().stream()
                .map(ValidationReport.Message::getMessage).collect(Collectors.joining("; ", "[", "]"));
        return "[" + message.getKey() + "]" + pointer + " " + message.getMessage() + nested;
    }

    private static List<String> headerProblems(SpecResponse documented, ApiResponse response) {
        List<String> problems = new ArrayList<>();
        for (String header : documented.headers()) {
            if (response.header(header).isEmpty() && !OPTIONAL_HEADERS.contains(documented.status() + " " + header)) {
                problems.add("header " + header + " is declared for " + documented.status() + " but missing");
            }
        }
        return problems;
    }

    private static List<String> mediaTypeProblems(SpecResponse documented, SentRequest request, ApiResponse response) {
        if (!response.hasBody() || request.accept() == null) {
            return List.of();
        }
        List<String> accepted = Arrays.stream(request.accept().split(","))
                .map(t -> t.split(";", -1)[0].trim().toLowerCase()).toList(); // limit -1: ";;" is a range with an empty type
        boolean servable = accepted.stream().anyMatch(documented.mediaTypes()::contains);
        boolean honoured = accepted.contains(response.mediaType()) || accepted.contains("*/*");
        if (servable && !honoured) {
            return List.of("Content-Type " + response.mediaType() + " ignores Accept " + request.accept()
                    + " although the spec documents it for " + documented.status());
        }
        return List.of();
    }

    private static List<String> bodyProblems(ApiResponse response) {
        if (!response.hasBody()) {
            return List.of();
        }
        JsonNode body = response.json();
        if (body.isMissingNode()) {
            return List.of("body is not JSON");
        }
        List<String> problems = new ArrayList<>();
        Optional<String> headerId = response.header(ApiHeaders.REQUEST_ID);
        JsonNode bodyId = body.has("meta") ? body.path("meta").path("requestId") : body.path("requestId");
        if (!bodyId.isMissingNode() && headerId.isPresent() && !headerId.get().equals(bodyId.asText())) {
            problems.add(ApiHeaders.REQUEST_ID + " header differs from the body's requestId");
        }
        JsonNode metaStatus = body.path("meta").path("status");
        if (metaStatus.isInt() && metaStatus.asInt() != response.status()) {
            problems.add("meta.status " + metaStatus.asInt() + " differs from the HTTP status");
        }
        if (response.status() >= 400 && body.has("code")) {
            Set<String> codes = Arrays.stream(ErrorCode.values())
                    .filter(c -> c.httpStatus() == response.status())
                    .map(Enum::name)
                    .collect(Collectors.toSet());
            if (!codes.contains(response.errorCode())) {
                problems.add("error code " + response.errorCode() + " does not travel with " + response.status()
                        + " (codes for it: " + codes + ")");
            }
        }
        return problems;
    }

    /**
     * Submitted values (patient data, maybe) must never come back in an error body. A value is
     * echoed when a text of the body (a string or a field name) contains it, or a number of the body
     * is it. Numbers are compared whole, not searched for digits: the body's own counters (a rate
     * limit of 1000000000 contains a submitted {@code count=100000}) would match by chance.
     */
    private List<String> echoProblems(SentRequest request, ApiResponse response) {
        BodyValues values = BodyValues.of(response);
        List<String> problems = new ArrayList<>();
        for (String value : request.submittedValues()) {
            if (value.length() >= MIN_SENSITIVE_LENGTH && !spec.text().contains(value) && values.echo(value)) {
                problems.add("error body echoes a submitted value (" + value.length() + " characters)");
            }
        }
        return problems;
    }

    /** The texts and numbers an error body carries. */
    private record BodyValues(List<String> texts, Set<String> numbers) {

        static BodyValues of(ApiResponse response) {
            BodyValues values = new BodyValues(new ArrayList<>(), new HashSet<>());
            JsonNode body = response.json();
            if (body.isMissingNode()) {
                values.texts.add(response.bodyText());
            } else {
                values.collect(body);
            }
            return values;
        }

        private void collect(JsonNode node) {
            if (node.isTextual()) {
                texts.add(node.textValue());
            } else if (node.isNumber()) {
                numbers.add(node.asText());
            } else if (node.isContainerNode()) {
                node.fieldNames().forEachRemaining(texts::add);
                node.elements().forEachRemaining(this::collect);
            }
        }

        boolean echo(String value) {
            return numbers.contains(value) || texts.stream().anyMatch(text -> text.contains(value));
        }
    }

    /** For reports: the documented statuses of the operation hit, by status. */
    public Map<Integer, SpecResponse> documented(SpecOperation operation) {
        return operation.responses();
    }
}
