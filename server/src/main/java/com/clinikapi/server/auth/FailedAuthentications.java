package com.clinikapi.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The per-client limit that applies before authentication. Every key presented by a client that is
 * not found in memory costs a database lookup, and a flood of well-formed but never-issued keys
 * would otherwise cost one each, unmetered (there is no key to count them against). So each client
 * address has a budget of failed authentications ({@code clinikapi.auth.failures-per-client} per
 * {@code clinikapi.auth.failure-window}, refilled gradually); once it is spent, that client's keys
 * are only looked up in memory: a key the instance already knows still works (partners behind
 * the same address keep working), anything else is {@code 429 RATE_LIMITED} with
 * {@code Retry-After}, without touching the database.
 *
 * <p>Budgets live in this instance's memory (each instance gives a client its own budget), for at
 * most {@code clinikapi.auth.max-clients} addresses at once, the least recent dropped first.
 */
@Singleton
public class FailedAuthentications {

    private final Bandwidth budget;
    private final Cache<String, Bucket> byClient;

    public FailedAuthentications(@Value("${clinikapi.auth.failures-per-client:20}") long failures,
                                 @Value("${clinikapi.auth.failure-window:60s}") Duration window,
                                 @Value("${clinikapi.auth.max-clients:100000}") long maxClients) {
        this.budget = Bandwidth.builder().capacity(failures).refillGreedy(failures, window).build();
        this.byClient = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(window).build();
    }

    /** Seconds until this client may have a key looked up again, or 0 while it has budget left. */
    public long throttledForSeconds(String client) {
        Bucket bucket = byClient.getIfPresent(client);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Spends one failure of this client's budget. */
    public void failed(String client) {
        byClient.get(client, ignored -> Bucket.builder().addLimit(budget).build()).tryConsume(1);
    }
}
