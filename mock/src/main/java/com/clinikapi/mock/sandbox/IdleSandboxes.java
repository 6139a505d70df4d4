package com.clinikapi.mock.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * When each sandbox was last used, and the forgetting of those idle for longer than the
 * {@link SandboxLimits#idleTime()}: without it every fresh key a CI run makes keeps its
 * appointments, idempotency results and rate window for as long as the mock runs. A sandbox is
 * used by every request made with its key that the key check lets through.
 */
public final class IdleSandboxes {

    private final Map<String, Long> lastUsed = new ConcurrentHashMap<>();
    private final Duration idleTime;
    private final Clock clock;
    private final Consumer<String> forget;

    /** @param forget forgets everything the mock holds for one key */
    public IdleSandboxes(Duration idleTime, Clock clock, Consumer<String> forget) {
        this.idleTime = idleTime;
        this.clock = clock;
        this.forget = forget;
    }

    public void used(String apiKey) {
        lastUsed.put(apiKey, clock.millis());
    }

    /** The sandboxes used within the idle time, or not yet swept. */
    public int count() {
        return lastUsed.size();
    }

    /**
     * Forgets every sandbox idle for longer than the idle time.
     *
     * @return how many were forgotten
     */
    public int evictIdle() {
        long idleSince = clock.millis() - idleTime.toMillis();
        int evicted = 0;
        for (Map.Entry<String, Long> entry : lastUsed.entrySet()) {
            // Removed only if not used meanwhile: a request that just came keeps its sandbox.
            if (entry.getValue() < idleSince && lastUsed.remove(entry.getKey(), entry.getValue())) {
                forget.accept(entry.getKey());
                evicted++;
            }
        }
        return evicted;
    }

    public void clear() {
        lastUsed.clear();
    }

    public void clear(String apiKey) {
        lastUsed.remove(apiKey);
    }
}
