package com.clinikapi.server.hostile;

import com.clinikapi.server.support.Api;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.Figures;
import com.clinikapi.server.support.Polling;
import com.clinikapi.server.support.StoppableDatabase;
import com.clinikapi.server.support.TestServers;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database restarts while clients keep booking. Bounds: every answer during the run is
 * {@code 201} or {@code 503} with {@code Retry-After} (never another 5xx, never a hang past the
 * request timeout); every booking acknowledged with {@code 201} is readable afterwards, none lost;
 * bookings succeed again within {@link #RECOVERY} of the restart.
 */
abstract class DatabaseRestartUnderLoadTest {

    private static final int CLIENTS = 4;
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    private final Database kind;
    private StoppableDatabase database;
    private EmbeddedServer server;
    private Api api;

    DatabaseRestartUnderLoadTest(Database kind) {
        this.kind = kind;
    }

    static class OnH2 extends DatabaseRestartUnderLoadTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends DatabaseRestartUnderLoadTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @BeforeEach
    void startAServiceOnADatabaseOfItsOwn() {
        database = StoppableDatabase.of(kind);
        server = TestServers.start(database.datasource());
        api = new Api(server);
    }

    @AfterEach
    void stop() {
        server.close();
        database.close();
    }

    @Test
    void answers503DuringTheRestartLosesNothingAcknowledgedAndRecovers(TestReporter reporter) throws Exception {
        Figures figures = new Figures(reporter, "DatabaseRestartUnderLoadTest");
        // given
        String patient = "pat_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Queue<ApiResponse> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> load = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            load.add(clients.submit(() -> {
                while (running.get()) {
                    answers.add(api.post("/v1/appointments", Bodies.proposed(patient)).send());
                }
            }));
        }
        Polling.until(answers::size, n -> n >= 20, Duration.ofSeconds(30));

        // when
        database.stop();
        Polling.until(() -> answers.stream().anyMatch(r -> r.status() == 503), found -> found, Duration.ofSeconds(30));
        database.start();
        long restarted = System.nanoTime();
        int beforeRecovery = answers.size();
        boolean recovered = Polling.until(() -> answers.stream().skip(beforeRecovery).anyMatch(r -> r.status() == 201),
                found -> found, RECOVERY);
        long recoveredAfter = (System.nanoTime() - restarted) / 1_000_000;
        running.set(false);
        for (Future<?> client : load) {
            client.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        // then
        figures.record("answers / 201 / 503 / first 201 after restart (ms)", answers.size() + " / "
                + answers.stream().filter(r -> r.status() == 201).count() + " / "
                + answers.stream().filter(r -> r.status() == 503).count() + " / " + recoveredAfter);
        assertThat(recovered).as("a booking succeeded within %s of the restart", RECOVERY).isTrue();
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isIn(201, 503);
            if (r.status() == 503) {
                assertThat(r.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(r.header("Retry-After")).isPresent();
            }
        });
        assertThat(answers).anyMatch(r -> r.status() == 503);
        List<String> acknowledged = answers.stream().filter(r -> r.status() == 201).map(r -> r.text("data.id")).toList();
        for (String id : acknowledged) {
            assertThat(api.get("/v1/appointments/" + id).send().status()).as("acknowledged %s", id).isEqualTo(200);
        }
    }
}
