package com.clinikapi.server.keys;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each key's "last used" time cheaply: a request only notes the time in memory; every
 * {@code clinikapi.api-keys.last-used-interval} (a minute by default) the keys used since are
 * written, so a key costs at most one write per interval and instance (one small UPDATE),
 * never one per request, and never on the request's path. The last ones are written on shutdown.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class LastUsedRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(LastUsedRecorder.class);

    private final ApiKeyRepository repository;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();

    public LastUsedRecorder(ApiKeyRepository repository) {
        this.repository = repository;
    }

    public void used(String keyId, Instant at) {
        pending.put(keyId, at);
    }

    @Scheduled(fixedDelay = "${clinikapi.api-keys.last-used-interval:60s}")
    void flushPeriodically() {
        flush();
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }

    private void flush() {
        pending.forEach((id, at) -> {
            if (pending.remove(id, at)) {
                record(id, at);
            }
        });
    }

    private void record(String id, Instant at) {
        try {
            repository.touch(id, at);
        } catch (RuntimeException e) {
            // Not worth failing anything for: the time is kept for the next attempt.
            pending.putIfAbsent(id, at);
            LOG.warn("Could not record when API key {} was last used ({})", id, e.getClass().getName());
        }
    }
}
