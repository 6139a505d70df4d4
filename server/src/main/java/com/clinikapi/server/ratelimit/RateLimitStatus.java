package com.clinikapi.server.ratelimit;

import com.clinikapi.server.auth.RatePlan;

/**
 * What the rate-limit headers and {@code meta} fields report, and whether the request may be served.
 *
 * @param limit             requests allowed per window by the plan
 * @param remaining         requests left in the current window
 * @param resetSeconds      seconds until the current window resets
 * @param retryAfterSeconds for a refused request, the {@code Retry-After}: seconds until one more
 *                          request is allowed; 0 when the request is allowed
 */
public record RateLimitStatus(int limit, int remaining, int resetSeconds, int retryAfterSeconds) {

    /** The plan's numbers with nothing counted: a request without a usable key, or the limiter off. */
    public static RateLimitStatus unmetered(RatePlan plan) {
        return new RateLimitStatus(plan.requestsPerWindow(), plan.requestsPerWindow(), plan.windowSeconds(), 0);
    }

    public boolean exceeded() {
        return retryAfterSeconds > 0;
    }
}
