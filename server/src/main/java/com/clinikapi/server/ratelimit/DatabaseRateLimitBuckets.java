package com.clinikapi.server.ratelimit;

import com.clinikapi.server.auth.RatePlan;
import com.clinikapi.server.database.SqlFailures;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Buckets in PostgreSQL (table {@code rate_limit_bucket}), through Bucket4j's JDBC integration: each
 * consumption locks its key's row ({@code SELECT … FOR UPDATE}), updates the state and commits, so
 * every instance on the database counts against one limit.
 *
 * <p>Bucket4j's batching optimization merges the requests one key makes concurrently on this
 * instance into one transaction, so a busy key costs one row lock per batch rather than per
 * request, and no request is let through uncounted. A batch cannot create a missing bucket
 * (Bucket4j 8.18 fails the whole batch), so each instance makes sure the row exists, unbatched,
 * when it starts using a bucket, and again if the row was deleted meanwhile.
 *
 * <p>A bucket row expires a minute after its bucket has refilled; a periodic job on every instance
 * deletes expired rows. This instance forgets an idle bucket after 30 seconds, well before its row
 * can expire. Time comes from each instance's clock: keep them in sync (NTP), as a skew of a few
 * seconds shifts a window by that much.
 */
@Singleton
@Requires(condition = PostgresDatasource.Present.class)
@Requires(notEnv = Environment.CLI)
public class DatabaseRateLimitBuckets implements RateLimitBuckets {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRateLimitBuckets.class);
    private static final int CLEANUP_BATCH = 1000;
    private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;
    /** One proxy per bucket and instance, so that batching sees all of a key's concurrent requests. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(KEEP_AFTER_REFILL.dividedBy(2))
            .maximumSize(100_000)
            .build();

    public DatabaseRateLimitBuckets(DataSource dataSource) {
        // Bucket4j runs its own short transaction on a pooled connection, outside Micronaut's.
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(DelegatingDataSource.unwrapDataSource(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .build();
    }

    @Override
    public ConsumptionProbe tryConsumeOne(String id, RatePlan plan) {
        try {
            return bucket(id, plan).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            if (causedBy(e, DatabaseRateLimitBuckets::isMissingBucket)) {
                // The row was deleted under a cached proxy: start over with a fresh, initialized one.
                buckets.invalidate(id);
                return bucket(id, plan).tryConsumeAndReturnRemaining(1);
            }
            if (SqlFailures.isUnavailable(e) || causedBy(e, SQLException.class::isInstance)) {
                // The buckets' SQL is fixed, so a failing statement means the store is unusable, not
                // that the request is wrong: answered 503 like any outage, safe to retry. (When a
                // connection breaks, Bucket4j's rollback on it fails with a Hikari exception that has
                // no SQLSTATE and hides the original failure.)
                throw new ConnectionException("the rate-limit buckets are unreachable", e);
            }
            throw e;
        }
    }

    private Bucket bucket(String id, RatePlan plan) {
        return buckets.get(id, ignored -> {
            BucketConfiguration configuration = BucketConfiguration.builder().addLimit(BucketRateLimiter.bandwidth(plan)).build();
            // Unbatched: creates the row if it is missing (and reads nothing else).
            proxies.builder().build(id, () -> configuration).getAvailableTokens();
            return proxies.builder()
                    .withOptimization(Optimizations.batching())
                    .build(id, () -> configuration);
        });
    }

    private static boolean causedBy(Throwable e, Predicate<Throwable> cause) {
        for (Throwable current = e; current != null; current = current.getCause()) {
            if (cause.test(current)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMissingBucket(Throwable e) {
        return e instanceof BucketNotFoundException;
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
