package com.clinikapi.server.ratelimit;

import com.clinikapi.server.auth.RatePlan;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Where the token buckets live: in PostgreSQL when the service runs on it
 * ({@link DatabaseRateLimitBuckets}, one limit however many instances), in memory on the embedded
 * single-instance H2 default ({@link LocalRateLimitBuckets}).
 */
public interface RateLimitBuckets {

    /**
     * Takes one token from the bucket of this id, created full with the plan's allowance on first
     * use, and says what is left.
     */
    ConsumptionProbe tryConsumeOne(String id, RatePlan plan);
}
