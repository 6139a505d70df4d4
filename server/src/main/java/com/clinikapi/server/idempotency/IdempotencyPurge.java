package com.clinikapi.server.idempotency;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the outcomes of idempotency keys past their retention, periodically
 * ({@code clinikapi.idempotency.purge-interval}). Expired keys are ignored by lookups anyway; this
 * keeps the table small. Every instance may run it: the deletes are idempotent.
 */
@Singleton
public class IdempotencyPurge {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final Idempotency idempotency;

    public IdempotencyPurge(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Scheduled(fixedDelay = "${clinikapi.idempotency.purge-interval:10m}",
            initialDelay = "${clinikapi.idempotency.purge-interval:10m}")
    void purge() {
        try {
            int purged = idempotency.purgeExpired();
            LOG.info("Purged {} expired idempotency keys", purged);
        } catch (RuntimeException e) {
            // The database may be down; the next run catches up.
            LOG.warn("Could not purge expired idempotency keys ({})", e.getClass().getName());
        }
    }
}
