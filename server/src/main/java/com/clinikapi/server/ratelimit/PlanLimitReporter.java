package com.clinikapi.server.ratelimit;

import com.clinikapi.server.auth.ApiKey;
import com.clinikapi.server.auth.Plans;
import com.clinikapi.server.auth.RatePlan;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Reports the caller's plan honestly while nothing counts requests yet: the full limit remains and
 * the window is the plan's window. Requests without a usable key report the default plan.
 */
@Singleton
public class PlanLimitReporter implements RateLimiter {

    private final Plans plans;

    public PlanLimitReporter(Plans plans) {
        this.plans = plans;
    }

    @Override
    public RateLimitStatus status(HttpRequest<?> request) {
        RatePlan plan = ApiKey.of(request).map(ApiKey::plan).orElseGet(plans::defaultPlan);
        return new RateLimitStatus(plan.requestsPerWindow(), plan.requestsPerWindow(), plan.windowSeconds());
    }
}
