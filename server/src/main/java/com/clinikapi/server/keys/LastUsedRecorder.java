package com.clinikapi.server.keys;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
public class LastUsedRecorder implements ApplicationEventListener<ShutdownEvent> {

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
        Map<String, Instant> uses = takePending();
        try {
            write(uses);
        } catch (RuntimeException e) {
            // Not worth failing anything for: kept for the next round, unless newer uses came in.
            uses.forEach(pending::putIfAbsent);
            LOG.warn("Could not record when {} API keys were last used ({})", uses.size(), e.getClass().getName());
        }
    }

    /** On shutdown, before the connection pool closes: one attempt. */
    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        Map<String, Instant> uses = takePending();
        try {
            write(uses);
        } catch (RuntimeException e) {
            LOG.info("Did not record when {} API keys were last used ({})", uses.size(), e.getClass().getName());
        }
    }

    private void write(Map<String, Instant> uses) {
        while (!uses.isEmpty()) {
            Map.Entry<String, Instant> use = uses.entrySet().iterator().next();
            repository.touch(use.getKey(), use.getValue());
            uses.remove(use.getKey());
        }
    }

    /** The uses noted since the last round, removed from the pending ones. */
    private Map<String, Instant> takePending() {
        Map<String, Instant> taken = new HashMap<>();
        for (String id : List.copyOf(pending.keySet())) {
            Instant at = pending.remove(id);
            if (at != null) {
                taken.put(id, at);
            }
        }
        return taken;
    }
}
