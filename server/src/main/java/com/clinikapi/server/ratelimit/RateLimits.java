package com.clinikapi.server.ratelimit;

import com.clinikapi.server.auth.ApiKey;
import com.clinikapi.server.auth.Plans;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The rate-limit numbers of a request, counted once and remembered on the request so that the
 * headers and {@code meta} (errors included) report the same. A request whose key was never
 * recognised (a 401, {@code /health}) reports the default plan, with nothing counted.
 */
@Singleton
public class RateLimits {

    private static final String ATTRIBUTE = "clinikapi.rateLimit";

    private final RateLimiter limiter;
    private final Plans plans;

    public RateLimits(RateLimiter limiter, Plans plans) {
        this.limiter = limiter;
        this.plans = plans;
    }

    /** Counts this request against its key's plan; call once per request, after authentication. */
    public RateLimitStatus consume(HttpRequest<?> request, ApiKey key) {
        RateLimitStatus status = limiter.consume(key);
        request.setAttribute(ATTRIBUTE, status);
        return status;
    }

    /** What to report for this request. */
    public RateLimitStatus status(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, RateLimitStatus.class)
                .orElseGet(() -> RateLimitStatus.unmetered(plans.defaultPlan()));
    }
}
