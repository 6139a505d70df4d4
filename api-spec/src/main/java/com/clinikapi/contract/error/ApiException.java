package com.clinikapi.contract.error;

import java.util.List;

/**
 * A request the contract refuses, carrying everything the error body needs. Both the server and the
 * mock turn it into the one documented error envelope.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<ValidationIssue> issues;

    public ApiException(ErrorCode code) {
        this(code, List.of());
    }

    public ApiException(ErrorCode code, List<ValidationIssue> issues) {
        super(code.name(), null, false, false);
        this.code = code;
        this.issues = List.copyOf(issues);
    }

    public static ApiException validation(List<ValidationIssue> issues) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, issues);
    }

    public static ApiException invalidParameter(ValidationIssue issue) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, List.of(issue));
    }

    public ErrorCode code() {
        return code;
    }

    public List<ValidationIssue> issues() {
        return issues;
    }
}
