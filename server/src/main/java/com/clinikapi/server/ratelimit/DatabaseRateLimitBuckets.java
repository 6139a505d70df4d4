package com.clinikapi.server.ratelimit;

import com.clinikapi.server.auth.RatePlan;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Buckets in PostgreSQL (table {@code rate_limit_bucket}), through Bucket4j's JDBC integration: each
 * request locks its key's row ({@code SELECT … FOR UPDATE}), updates the state and commits, so every
 * instance on the database counts against one limit.
 *
 * <p>Bucket4j's batching optimization merges the requests one key makes concurrently on this
 * instance into one transaction, so a busy key costs one row lock per batch, not per request, and
 * no request is let through unaccounted. A bucket row expires a minute after its bucket has
 * refilled; a periodic job deletes expired rows. Time comes from each instance's clock: keep them
 * in sync (NTP), as a skew of a few seconds shifts a window by that much.
 */
@Singleton
@Requires(condition = PostgresDatasource.Present.class)
@Requires(notEnv = Environment.CLI)
public class DatabaseRateLimitBuckets implements RateLimitBuckets {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRateLimitBuckets.class);
    private static final int CLEANUP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;
    /** One proxy per bucket and instance, so that batching sees all of a key's concurrent requests. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    public DatabaseRateLimitBuckets(DataSource dataSource) {
        // Bucket4j manages its own transaction on a pooled connection, outside Micronaut's.
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(DelegatingDataSource.unwrapDataSource(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public Bucket of(String id, RatePlan plan) {
        return buckets.get(id, ignored -> proxies.builder()
                .withOptimization(Optimizations.batching())
                .build(id, () -> BucketConfiguration.builder().addLimit(BucketRateLimiter.bandwidth(plan)).build()));
    }

    /** Deletes rows of buckets that have been full and idle for a minute; any instance may do it. */
    @Scheduled(fixedDelay = "${clinikapi.rate-limit.cleanup-interval:5m}", initialDelay = "1m")
    void removeExpired() {
        int removed;
        do {
            removed = proxies.removeExpired(CLEANUP_BATCH);
            LOG.debug("Removed {} expired rate-limit buckets", removed);
        } while (removed == CLEANUP_BATCH);
    }
}
