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

    private ApiHeaders() {
    }
}
