package com.clinikapi.contract.error;

/**
 * Every machine-readable error code of the contract, with the HTTP status it travels with and the
 * human summary put in the error body's {@code error} field. The summaries are fixed texts: they
 * never carry request data. The first code of each status is the one answered for a bare status
 * (the mock's forced {@code code=} scenarios rely on it), so new codes go after it.
 */
public enum ErrorCode {
    MALFORMED_JSON(400, "Request body is not valid JSON"),
    INVALID_PARAMETER(400, "Invalid path, query or header parameter"),
    UNAUTHORIZED(401, "Missing API key; send it in the x-api-key header"),
    INVALID_KEY_FORMAT(401, "API key is not a clk_live_ or clk_test_ key"),
    INVALID_KEY(401, "Unknown API key"),
    KEY_REVOKED(401, "API key has been revoked"),
    KEY_EXPIRED(401, "API key has expired"),
    INSUFFICIENT_SCOPE(403, "This API key lacks the scope this operation needs"),
    NOT_FOUND(404, "Appointment not found"),
    /** Belongs to no operation: a method the path does not serve (answered with {@code Allow}). */
    METHOD_NOT_ALLOWED(405, "Method not allowed on this endpoint"),
    VERSION_CONFLICT(409, "The appointment was changed by another request"),
    SCHEDULING_CONFLICT(409, "The practitioner is already booked for an overlapping time"),
    INVALID_STATUS_TRANSITION(409, "The appointment's status cannot change this way"),
    IDEMPOTENCY_IN_PROGRESS(409, "A request with this Idempotency-Key is still being processed; retry later"),
    IDEMPOTENT_RESOURCE_DELETED(410, "The appointment this Idempotency-Key made or changed has since been deleted"),
    PAYLOAD_TOO_LARGE(413, "Request body exceeds 1048576 bytes"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Content-Type"),
    VALIDATION_ERROR(422, "Request validation failed"),
    IDEMPOTENCY_KEY_REUSED(422, "This Idempotency-Key was already used for a different request"),
    RATE_LIMITED(429, "Rate limit exceeded"),
    INTERNAL_ERROR(500, "Unexpected server error"),
    SERVICE_UNAVAILABLE(503, "Service temporarily unavailable; retry later"),
    /**
     * The partner mock's limit of appointments per sandbox (a key's data on the mock); the service
     * has no such limit and never answers it.
     */
    SANDBOX_FULL(409, "This sandbox holds as many appointments as the mock allows; delete some or reset it");

    private final int httpStatus;
    private final String summary;

    ErrorCode(int httpStatus, String summary) {
        this.httpStatus = httpStatus;
        this.summary = summary;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String summary() {
        return summary;
    }
}
