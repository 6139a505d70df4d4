package com.clinikapi.mock.scenario;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.IssueType;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.mock.spec.ContractOperation;
import com.clinikapi.mock.spec.ContractResponse;
import com.clinikapi.mock.web.ApiResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The answers a scenario forces, taken from the spec: a forced error carries the code and issues of
 * the operation's documented example for that status (so a forced 409 reads like the spec's 409),
 * in the contract's error format; a named example is answered as the spec writes it.
 */
public final class ForcedResponses {

    /**
     * @throws ApiException the documented error for {@code status}, when the spec's answer is an error
     */
    public ApiResult forStatus(ContractOperation operation, int status) {
        Optional<JsonNode> example = operation.response(status).flatMap(ContractResponse::firstExample);
        Optional<ErrorCode> documentedCode = example.flatMap(body -> errorCode(body, status));
        if (documentedCode.isPresent()) {
            throw new ApiException(documentedCode.get(), issues(example.get()));
        }
        if (example.isPresent()) {
            return ApiResult.verbatim(status, example.get());
        }
        Optional<ErrorCode> fallback = Arrays.stream(ErrorCode.values()).filter(c -> c.httpStatus() == status).findFirst();
        if (fallback.isPresent()) {
            throw new ApiException(fallback.get());
        }
        return ApiResult.verbatim(status, JsonNodeFactory.instance.objectNode());
    }

    /** The named example of the response with this status, as the spec writes it. */
    public ApiResult example(ContractOperation operation, int status, String name) {
        JsonNode example = operation.response(status)
                .flatMap(response -> response.namedExample(name))
                .orElseThrow(() -> new IllegalArgumentException("no example " + name));
        Optional<ErrorCode> code = errorCode(example, status);
        if (code.isPresent()) {
            throw new ApiException(code.get(), issues(example));
        }
        return status == 204 ? ApiResult.noContent() : ApiResult.verbatim(status, example);
    }

    private static Optional<ErrorCode> errorCode(JsonNode body, int status) {
        String code = body.path("code").asText("");
        return Arrays.stream(ErrorCode.values())
                .filter(c -> c.name().equals(code) && c.httpStatus() == status)
                .findFirst();
    }

    private static List<ValidationIssue> issues(JsonNode error) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (JsonNode issue : error.path("issues")) {
            String diagnostics = issue.path("diagnostics").asText("");
            int colon = diagnostics.indexOf(": ");
            Optional<IssueType> type = Arrays.stream(IssueType.values())
                    .filter(t -> t.code().equals(issue.path("code").asText()))
                    .findFirst();
            if (colon > 0 && type.isPresent()) {
                issues.add(new ValidationIssue(type.get(), diagnostics.substring(0, colon), diagnostics.substring(colon + 2)));
            }
        }
        return issues;
    }
}
