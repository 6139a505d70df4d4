package com.clinikapi.server.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for something to become true by asking again until a deadline: never a fixed sleep. */
public final class Polling {

    private static final Duration PAUSE = Duration.ofMillis(50);

    private Polling() {
    }

    /**
     * Asks {@code probe} until its answer satisfies {@code done} or {@code deadline} passes.
     *
     * @return the first satisfying answer, or the last one when the deadline passed
     */
    public static <T> T until(Supplier<T> probe, Predicate<T> done, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        T answer = probe.get();
        while (!done.test(answer) && System.nanoTime() < end) {
            LockSupport.parkNanos(PAUSE.toNanos());
            answer = probe.get();
        }
        return answer;
    }
}
