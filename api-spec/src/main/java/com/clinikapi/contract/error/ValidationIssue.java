package com.clinikapi.contract.error;

import java.util.Objects;

/**
 * One problem with a request: which field, which constraint. Deliberately has no slot for the
 * submitted value, because values may be patient data and must never reach an error body or a log.
 *
 * @param type       the FHIR issue type
 * @param field      the field or parameter, e.g. {@code end} or {@code requestedPeriod[1].start}
 * @param constraint the rule it broke, e.g. {@code must be after start}
 */
public record ValidationIssue(IssueType type, String field, String constraint) {

    public ValidationIssue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(constraint, "constraint");
    }

    public static ValidationIssue required(String field) {
        return new ValidationIssue(IssueType.REQUIRED, field, "is required");
    }

    public static ValidationIssue value(String field, String constraint) {
        return new ValidationIssue(IssueType.VALUE, field, constraint);
    }

    public static ValidationIssue structure(String field, String constraint) {
        return new ValidationIssue(IssueType.STRUCTURE, field, constraint);
    }

    public static ValidationIssue businessRule(String field, String constraint) {
        return new ValidationIssue(IssueType.BUSINESS_RULE, field, constraint);
    }

    /** Always {@code error}: the contract has no warnings yet. */
    public String severity() {
        return "error";
    }

    /** The wire text, {@code field: constraint}. */
    public String diagnostics() {
        return field + ": " + constraint;
    }
}
