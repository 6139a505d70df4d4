package com.clinikapi.mock.ratelimit;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts each key's requests in fixed windows so that every response reports honest
 * {@code X-RateLimit-*} numbers for the mock's plan. The mock reports but never enforces the
 * limit: a 429 comes only from the reserved rate-limited key or a scenario, so that partners'
 * test suites are never throttled by accident.
 */
public final class RateLimitWindows {

    /** Requests per window of the mock's plan. */
    public static final int PLAN_LIMIT = 1000;
    /** Length of a window. */
    public static final int WINDOW_SECONDS = 60;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public RateLimitWindows(Clock clock) {
        this.clock = clock;
    }

    /** Counts one request of this key and reports what is left. */
    public RateLimitSnapshot consume(String apiKey) {
        long now = clock.millis();
        Window window = windows.compute(apiKey, (key, current) ->
                current == null || current.endsAt <= now ? new Window(now + WINDOW_SECONDS * 1000L) : current);
        int used = window.used.incrementAndGet();
        return new RateLimitSnapshot(PLAN_LIMIT, Math.max(0, PLAN_LIMIT - used), secondsUntil(window.endsAt, now), true);
    }

    /** The numbers for a request made without a usable key: it is counted against nothing. */
    public RateLimitSnapshot unmetered() {
        return new RateLimitSnapshot(PLAN_LIMIT, PLAN_LIMIT, WINDOW_SECONDS, false);
    }

    public void clear() {
        windows.clear();
    }

    public void clear(String apiKey) {
        windows.remove(apiKey);
    }

    private static int secondsUntil(long endsAt, long now) {
        return (int) Math.max(0, (endsAt - now + 999) / 1000);
    }

    private static final class Window {
        private final long endsAt;
        private final AtomicInteger used = new AtomicInteger();

        private Window(long endsAt) {
            this.endsAt = endsAt;
        }
    }
}
