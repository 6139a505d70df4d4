package com.clinikapi.mock.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs many requests at the same moment: every task waits at a start line, all are released
 * together, and the answers come back in task order. Bounded by a deadline, never by a sleep.
 * (The service's tests have the same helper for their own client.)
 */
public final class Concurrently {

    private static final long DEADLINE_SECONDS = 30;

    private Concurrently() {
    }

    public static <T> List<T> run(int count, Callable<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            if (!ready.await(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("tasks did not start in time");
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("concurrent requests failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
