package com.clinikapi.mock.validation;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.clinikapi.contract.appointment.StorableText;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.mock.spec.ContractOperation;
import com.clinikapi.mock.spec.SchemaPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates requests against the spec with the Atlassian OpenAPI validator and answers the way
 * the service does: an invalid path or query parameter is {@code 400 INVALID_PARAMETER}, a body
 * that breaks its schema {@code 422 VALIDATION_ERROR}, each issue naming the field and the
 * constraint, never the value. Body date-times outside the supported instants ({@link BodyTimes})
 * are refused with the shape problems the validator finds, as the service lists them.
 */
public final class RequestValidation {

    private final SpecValidator validator;
    private final ViolationMapper mapper = new ViolationMapper();

    public RequestValidation(SpecValidator validator) {
        this.validator = validator;
    }

    /**
     * @param rawPath     the request path as sent (percent-encoded)
     * @param query       decoded query parameters, first value of each
     * @param contentType the body's media type without parameters, or null
     * @param body        the parsed body, or null when the operation has none
     * @param bodyText    the body as sent, or null
     * @throws ApiException {@code INVALID_PARAMETER} or {@code VALIDATION_ERROR}
     */
    public void validate(ContractOperation operation, String rawPath, Map<String, String> query,
                         String contentType, JsonNode body, String bodyText) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(operation.method(), rawPath);
        query.forEach(request::withQueryParam);
        if (contentType != null) {
            request.withContentType(contentType);
        }
        if (bodyText != null) {
            request.withBody(bodyText);
        }
        ValidationReport report = validator.validateRequest(request.build());
        List<BodyTimes.Finding> times = BodyTimes.check(operation.requestSchema(), body);
        List<ValidationIssue> textIssues = unstorableText(operation, body);
        if (!report.hasErrors()) {
            List<ValidationIssue> issues = new ArrayList<>();
            times.forEach(time -> issues.add(time.issue()));
            issues.addAll(textIssues);
            if (!issues.isEmpty()) {
                throw ApiException.validation(issues);
            }
            return;
        }
        ViolationMapper.Findings findings = mapper.map(report, operation,
                body == null ? MissingNode.getInstance() : body, query.keySet(), times);
        if (!findings.parameterIssues().isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, findings.parameterIssues());
        }
        if (!findings.bodyIssues().isEmpty() || !textIssues.isEmpty()) {
            List<ValidationIssue> issues = new ArrayList<>(findings.bodyIssues());
            issues.addAll(textIssues);
            throw ApiException.validation(issues);
        }
    }

    /** The body's text fields (those the request schema declares) that the service could not store as sent. */
    private static List<ValidationIssue> unstorableText(ContractOperation operation, JsonNode body) {
        if (body == null || !body.isObject()) {
            return List.of();
        }
        List<ValidationIssue> issues = new ArrayList<>();
        for (String field : SchemaPaths.properties(operation.requestSchema()).keySet()) {
            JsonNode value = body.get(field);
            if (value != null && value.isTextual()) {
                StorableText.check(field, value.textValue()).ifPresent(issues::add);
            }
        }
        return issues;
    }
}
