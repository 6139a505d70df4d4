package com.clinikapi.server.ratelimit;

import com.clinikapi.server.auth.ApiKey;

/**
 * Counts a key's requests against its plan. {@link BucketRateLimiter} enforces the plan (the
 * default); with {@code clinikapi.rate-limit.enabled: false}, {@link PlanLimitReporter} only
 * reports it, which is how the limiter's own cost is measured.
 */
public interface RateLimiter {

    /** Counts one request of this key and says whether it may be served, with the numbers to report. */
    RateLimitStatus consume(ApiKey key);
}
