package com.clinikapi.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs many requests at the same moment: every task waits at a start line, all are released
 * together, and the answers come back in task order. Bounded by a deadline, never by a sleep.
 */
public final class Concurrently {

    private static final long DEADLINE_SECONDS = 60;

    private Concurrently() {
    }

    public static List<ApiResponse> run(int count, IntFunction<ApiResponse> task) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.apply(index);
                }));
            }
            if (!ready.await(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("tasks did not start in time");
            }
            go.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
            }
            return responses;
        } catch (Exception e) {
            throw new IllegalStateException("concurrent requests failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
