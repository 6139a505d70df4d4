package com.clinikapi.server.ratelimit;

import io.micronaut.http.HttpRequest;

/**
 * The rate-limit state of a request's caller. Today only {@link PlanLimitReporter} exists, which
 * reports the plan without counting; the real limiter (issue: rate limiting) replaces that bean and
 * adds the 429.
 */
public interface RateLimiter {

    RateLimitStatus status(HttpRequest<?> request);
}
