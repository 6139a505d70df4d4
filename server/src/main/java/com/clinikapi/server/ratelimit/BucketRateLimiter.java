package com.clinikapi.server.ratelimit;

import com.clinikapi.server.auth.ApiKey;
import com.clinikapi.server.auth.RatePlan;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Enforces each key's plan with a token bucket (Bucket4j) that refills the plan's whole allowance
 * at the end of each window: at most {@code requestsPerWindow} requests per window, counted per key
 * in {@link RateLimitBuckets} (shared by every instance on PostgreSQL).
 */
@Singleton
@Requires(property = BucketRateLimiter.ENABLED, notEquals = "false")
public class BucketRateLimiter implements RateLimiter {

    /** {@code false} switches enforcement off (see {@link PlanLimitReporter}). */
    public static final String ENABLED = "clinikapi.rate-limit.enabled";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final RateLimitBuckets buckets;

    public BucketRateLimiter(RateLimitBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public RateLimitStatus consume(ApiKey key) {
        RatePlan plan = key.plan();
        ConsumptionProbe probe = buckets.tryConsumeOne(bucketId(key), plan);
        int resetSeconds = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new RateLimitStatus(plan.requestsPerWindow(), (int) probe.getRemainingTokens(), resetSeconds, 0);
        }
        int retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        return new RateLimitStatus(plan.requestsPerWindow(), 0, Math.max(resetSeconds, retryAfter), retryAfter);
    }

    /** The plan's whole allowance, refilled at once at the end of each window. */
    static Bandwidth bandwidth(RatePlan plan) {
        return Bandwidth.builder()
                .capacity(plan.requestsPerWindow())
                .refillIntervally(plan.requestsPerWindow(), Duration.ofSeconds(plan.windowSeconds()))
                .build();
    }

    /**
     * The plan's numbers are part of the bucket's id, so that changing a plan's limits starts fresh
     * buckets instead of reading old state with a new meaning.
     */
    static String bucketId(ApiKey key) {
        return key.id() + ":" + key.plan().requestsPerWindow() + "/" + key.plan().windowSeconds();
    }

    private static int seconds(long nanos) {
        return (int) Math.min(Integer.MAX_VALUE, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }
}
