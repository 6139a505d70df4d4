package com.clinikapi.mock.ratelimit;

/**
 * The rate-limit numbers one response reports, in its headers and in {@code meta}.
 *
 * @param resetSeconds seconds until the current window resets
 * @param metered      whether a recognised key was counted: only then does an error body carry
 *                     {@code meta}, as the service's do (not on a 401)
 */
public record RateLimitSnapshot(int limit, int remaining, int resetSeconds, boolean metered) {

    /** The numbers of a refused request: nothing left, retry after {@code retryAfterSeconds}. */
    public RateLimitSnapshot exhausted(int retryAfterSeconds) {
        return new RateLimitSnapshot(limit, 0, retryAfterSeconds, metered);
    }
}
