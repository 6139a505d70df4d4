package com.clinikapi.server.ratelimit;

/**
 * What the rate-limit headers and {@code meta} fields report.
 *
 * @param limit        requests allowed per window by the plan
 * @param remaining    requests left in the current window
 * @param resetSeconds seconds until the current window resets
 */
public record RateLimitStatus(int limit, int remaining, int resetSeconds) {
}
