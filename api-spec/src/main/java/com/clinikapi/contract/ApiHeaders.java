package com.clinikapi.contract;

/** Header names the contract defines, spelled once. */
public final class ApiHeaders {

    public static final String API_KEY = "x-api-key";
    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TIMESTAMP = "X-Timestamp";
    public static final String RATE_LIMIT_LIMIT = "X-RateLimit-Limit";
    public static final String RATE_LIMIT_REMAINING = "X-RateLimit-Remaining";
    public static final String RATE_LIMIT_RESET = "X-RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";
    /** A client-chosen key that makes a POST, PATCH or DELETE safe to retry (IETF draft-ietf-httpapi-idempotency-key-header). */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** {@code true} on a response that replays the stored outcome of an earlier request with the same key. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    /** The appointment's version as an entity tag, e.g. {@code "3"}. */
    public static final String ETAG = "ETag";
    /** Makes a PATCH or DELETE conditional on the appointment's version. */
    public static final String IF_MATCH = "If-Match";

    private ApiHeaders() {
    }
}
