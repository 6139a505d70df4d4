package com.clinikapi.server.ratelimit;

import com.clinikapi.server.auth.Plans;
import com.clinikapi.server.auth.RatePlan;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Buckets in this process's memory: right for the embedded H2 default, which is one instance by
 * nature (its database lives in the process). Several instances on H2 would each enforce the full
 * limit; production runs on PostgreSQL, where {@link DatabaseRateLimitBuckets} shares them. A bucket
 * idle for the longest plan window is full again and is dropped.
 */
@Singleton
@Requires(condition = PostgresDatasource.Absent.class)
@Requires(notEnv = Environment.CLI)
public class LocalRateLimitBuckets implements RateLimitBuckets {

    private final Cache<String, Bucket> buckets;

    public LocalRateLimitBuckets(Plans plans) {
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofSeconds(plans.longestWindowSeconds()))
                .build();
    }

    @Override
    public ConsumptionProbe tryConsumeOne(String id, RatePlan plan) {
        return buckets.get(id, ignored -> Bucket.builder().addLimit(BucketRateLimiter.bandwidth(plan)).build())
                .tryConsumeAndReturnRemaining(1);
    }
}
