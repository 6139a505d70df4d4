package com.clinikapi.mock.scenario;

/**
 * What a client asked the mock to simulate for a request, Prism-style. All parts are optional and
 * combine: {@code code=503, delay=1500} answers a 503 after 1.5 s.
 *
 * @param status            a documented status to answer instead of the real outcome
 * @param example           the name of a spec example to answer
 * @param delayMillis       how long to wait before answering
 * @param fault             a connection failure instead of an answer
 * @param retryAfterSeconds the {@code Retry-After} of a 429 or 503
 */
public record Scenario(Integer status, String example, int delayMillis, ConnectionFault fault,
                       Integer retryAfterSeconds) {

    public static final Scenario NONE = new Scenario(null, null, 0, null, null);

    /**
     * {@code Retry-After} of a simulated 429 or 503 unless the scenario says otherwise: short, so
     * tests stay fast, and what the service itself sends when it is too busy to admit a request.
     */
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

    public boolean isEmpty() {
        return status == null && example == null && delayMillis == 0 && fault == null && retryAfterSeconds == null;
    }

    public int retryAfterOrDefault() {
        return retryAfterSeconds == null ? DEFAULT_RETRY_AFTER_SECONDS : retryAfterSeconds;
    }
}
