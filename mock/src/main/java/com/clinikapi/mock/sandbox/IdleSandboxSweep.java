package com.clinikapi.mock.sandbox;

import com.github.tomakehurst.wiremock.extension.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sweeps idle sandboxes ({@link IdleSandboxes#evictIdle()}) on a daemon thread while the WireMock
 * server runs, a quarter of the idle time apart (at most a minute), so a sandbox is forgotten at
 * most a quarter later than its idle time says.
 */
public final class IdleSandboxSweep implements Extension {

    private static final Logger LOG = LoggerFactory.getLogger(IdleSandboxSweep.class);
    private static final Duration LONGEST_PERIOD = Duration.ofMinutes(1);
    private static final Duration SHORTEST_PERIOD = Duration.ofMillis(10);

    private final Supplier<IdleSandboxes> sandboxes;
    private final Duration period;
    private ScheduledExecutorService scheduler;

    /** @param sandboxes the mock's sandboxes, possibly still being built when the server starts */
    public IdleSandboxSweep(Supplier<IdleSandboxes> sandboxes, Duration idleTime) {
        this.sandboxes = sandboxes;
        Duration quarter = idleTime.dividedBy(4);
        this.period = quarter.compareTo(LONGEST_PERIOD) > 0 ? LONGEST_PERIOD
                : quarter.compareTo(SHORTEST_PERIOD) < 0 ? SHORTEST_PERIOD : quarter;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "clinikapi-mock-sandbox-sweep");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sweep, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public String getName() {
        return "clinikapi-sandbox-sweep";
    }

    /** A failed sweep must not end the schedule (a scheduled task that throws never runs again). */
    private void sweep() {
        try {
            int evicted = sandboxes.get().evictIdle();
            if (evicted > 0) {
                LOG.info("forgot {} idle sandboxes", evicted);
            }
        } catch (RuntimeException e) {
            LOG.warn("the idle sandbox sweep failed", e);
        }
    }
}
