package com.clinikapi.contract.error;

import com.clinikapi.contract.ApiLimits;

/**
 * The one wording of every schema constraint a request can break. The server (from bean-validation
 * and JSON binding failures) and the mock (from the OpenAPI validator's message keys) both build
 * their issues here, so the same bad request reads the same on both, and no wording has room for
 * the submitted value.
 */
public final class SchemaViolations {

    private SchemaViolations() {
    }

    public static ValidationIssue required(String field) {
        return ValidationIssue.required(field);
    }

    public static ValidationIssue notNull(String field) {
        return ValidationIssue.value(field, "must not be null");
    }

    public static ValidationIssue between(String field, long min, long max) {
        return ValidationIssue.value(field, "must be between " + min + " and " + max);
    }

    public static ValidationIssue atLeast(String field, long min) {
        return ValidationIssue.value(field, "must be at least " + min);
    }

    public static ValidationIssue atMost(String field, long max) {
        return ValidationIssue.value(field, "must be at most " + max);
    }

    public static ValidationIssue maxLength(String field, int max) {
        return ValidationIssue.value(field, "must be at most " + max + " characters");
    }

    public static ValidationIssue minLength(String field, int min) {
        return ValidationIssue.value(field, "must be at least " + min + " characters");
    }

    public static ValidationIssue maxItems(String field, int max) {
        return ValidationIssue.value(field, "must have at most " + max + " items");
    }

    public static ValidationIssue notEmptyObject(String field) {
        return ValidationIssue.value(field, "must contain at least one field");
    }

    public static ValidationIssue oneOfEnum(String field) {
        return ValidationIssue.value(field, "must be one of the documented values");
    }

    public static ValidationIssue dateTime(String field) {
        return ValidationIssue.value(field, "must be an ISO 8601 date-time with offset");
    }

    public static ValidationIssue date(String field) {
        return ValidationIssue.value(field, "must be a date (YYYY-MM-DD)");
    }

    /** The pattern is the spec's, never the value. */
    public static ValidationIssue pattern(String field, String pattern) {
        return ValidationIssue.value(field, "must match " + pattern);
    }

    /** @param expectedType a JSON type: string, integer, number, boolean, object, array */
    public static ValidationIssue type(String field, String expectedType) {
        return ValidationIssue.structure(field, "must be of type " + expectedType);
    }

    public static ValidationIssue malformedJson() {
        return ValidationIssue.structure("body", "must be a well-formed JSON object");
    }

    /** A body that does not decode from the {@code Content-Encoding} it declares (gzip, deflate). */
    public static ValidationIssue undecodableBody() {
        return ValidationIssue.structure("body", "must be encoded as its Content-Encoding header says");
    }

    /**
     * A request framed two ways, by {@code Transfer-Encoding} and by {@code Content-Length}: which
     * one a proxy in front believed decides where it thinks the next request starts (request
     * smuggling), so it is refused and the connection closed (RFC 9112 §6.1).
     */
    public static ValidationIssue ambiguousFraming() {
        return ValidationIssue.value("headers", "must not carry both Transfer-Encoding and Content-Length");
    }

    /** A request line (method, target, version) over {@link ApiLimits#MAX_REQUEST_LINE_BYTES}. */
    public static ValidationIssue requestLineTooLong() {
        return ValidationIssue.value("requestLine", "must be at most " + ApiLimits.MAX_REQUEST_LINE_BYTES + " bytes");
    }

    /** Header lines adding up to more than {@link ApiLimits#MAX_HEADER_BYTES}. */
    public static ValidationIssue headersTooLarge() {
        return ValidationIssue.value("headers", "must be at most " + ApiLimits.MAX_HEADER_BYTES + " bytes in total");
    }

    public static ValidationIssue missingBody() {
        return ValidationIssue.required("body");
    }
}
