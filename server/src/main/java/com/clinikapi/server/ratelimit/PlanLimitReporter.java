package com.clinikapi.server.ratelimit;

import com.clinikapi.server.auth.ApiKey;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The limiter switched off ({@code clinikapi.rate-limit.enabled: false}): reports the key's plan
 * honestly (its full limit, its window) and refuses nothing. Meant for measuring the limiter's
 * cost and for deployments that limit elsewhere.
 */
@Singleton
@Requires(property = BucketRateLimiter.ENABLED, value = "false")
public class PlanLimitReporter implements RateLimiter {

    @Override
    public RateLimitStatus consume(ApiKey key) {
        return RateLimitStatus.unmetered(key.plan());
    }
}
