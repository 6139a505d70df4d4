package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory store under concurrent requests: nothing lost, nothing mixed between keys. */
class ConcurrencyTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.create();

    private static <T> List<T> inParallel(int times, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCreatesAreAllStoredWithDistinctIds() throws Exception {
        ApiClient api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());

        List<Reply> replies = inParallel(200, () -> api.create(Bodies.booked()));

        assertThat(replies).allMatch(reply -> reply.status() == 201);
        assertThat(new HashSet<>(replies.stream().map(Reply::id).toList())).hasSize(200);
        assertThat(api.search("").data().path("total").asInt()).isEqualTo(200);
    }

    @Test
    void concurrentUpdatesOfOneAppointmentLoseNoChange() throws Exception {
        ApiClient api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
        String id = api.createdId(Bodies.booked());

        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        List<Reply> replies = inParallel(100, () -> api.update(id, "{\"comment\": \"note " + next.incrementAndGet() + "\"}"));

        assertThat(replies).allMatch(reply -> reply.status() == 200);
        assertThat(new HashSet<>(replies.stream().map(r -> r.data().path("version").asLong()).toList())).hasSize(100);
        assertThat(api.read(id).data().path("version").asLong()).isEqualTo(101);
    }

    @Test
    void concurrentPartnersNeverSeeEachOthersAppointments() throws Exception {
        List<ApiClient> partners = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            partners.add(new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey()));
        }

        inParallel(160, () -> partners.get((int) (Math.random() * partners.size())).create(Bodies.booked()));

        int total = 0;
        for (ApiClient partner : partners) {
            Reply page = partner.search("count=100");
            total += page.data().path("total").asInt();
            for (var appointment : page.data().path("data")) {
                assertThat(partner.read(appointment.path("id").asText()).status()).isEqualTo(200);
            }
        }
        assertThat(total).isEqualTo(160);
    }
}
