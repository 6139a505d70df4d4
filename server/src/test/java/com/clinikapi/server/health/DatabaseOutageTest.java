package com.clinikapi.server.health;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.clinikapi.server.support.Api;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.LogCapture;
import com.clinikapi.server.support.StoppableDatabase;
import com.clinikapi.server.support.TestServers;
import com.clinikapi.server.support.Timed;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database outage: requests fail fast with 503 in the error format (no thread waits much longer
 * than the pool's connection timeout), nothing of the request leaks into the answer or the log,
 * {@code /health} reports DOWN, and the service recovers by itself when the database is back. Runs
 * its own service on a database of its own (an embedded PostgreSQL, or an H2 served over TCP),
 * which it stops and starts again.
 */
abstract class DatabaseOutageTest {

    private static final String MARKER = "JaneDoe1970";
    /** The pool's connection timeout (application.yml) plus room for a busy machine. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(8);
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(90);

    private final Database database;
    private StoppableDatabase stoppable;
    private EmbeddedServer server;
    private Api api;

    DatabaseOutageTest(Database database) {
        this.database = database;
    }

    static class OnH2 extends DatabaseOutageTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends DatabaseOutageTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @BeforeEach
    void startAServiceOnADatabaseOfItsOwn() {
        stoppable = StoppableDatabase.of(database);
        server = TestServers.start(stoppable.datasource());
        api = new Api(server);
    }

    @AfterEach
    void stopThem() {
        server.close();
        stoppable.close();
    }

    @Test
    void answers503AndReportsDownWhileTheDatabaseIsStoppedThenRecoversByItself() {
        // given
        String patient = "pat_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String before = api.post("/v1/appointments", Bodies.booked(patient)).send().text("data.id");
        assertThat(api.get("/health").withoutKey().send().status()).isEqualTo(200);

        try (LogCapture logs = new LogCapture()) {
            // when
            stoppable.stop();
            Timed<ApiResponse> create = Timed.of(() -> api.post("/v1/appointments", """
                    {"status":"proposed","patientId":"%s","comment":"%s"}""".formatted(patient, MARKER)).send());
            Timed<ApiResponse> read = Timed.of(() -> api.get("/v1/appointments/" + before).send());
            Timed<ApiResponse> health = Timed.of(() -> api.get("/health").withoutKey().send());

            // then
            for (Timed<ApiResponse> answer : List.of(create, read)) {
                ApiResponse response = answer.value();
                assertThat(response.status()).as(response.body()).isEqualTo(503);
                assertThat(response.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(response.text("requestId")).isEqualTo(response.header("X-Request-Id").orElseThrow());
                assertThat(response.header("Retry-After")).contains("5");
                assertThat(response.at("issues").size()).isZero();
                assertThat(response.body()).doesNotContain(MARKER).doesNotContainIgnoringCase("exception");
                assertThat(answer.took()).isLessThan(FAIL_FAST);
            }
            assertThat(health.value().status()).isEqualTo(503);
            assertThat(health.value().text("status")).isEqualTo("DOWN");
            assertThat(health.took()).isLessThan(FAIL_FAST);
            assertThat(logs.events()).filteredOn(e -> e.getFormattedMessage().startsWith("Database unavailable"))
                    .extracting(ILoggingEvent::getMDCPropertyMap)
                    .anySatisfy(mdc -> assertThat(mdc).containsEntry("requestId", create.value().text("requestId")));
            assertThat(logs.lines()).noneMatch(line -> line.contains(MARKER));
        }

        // when
        stoppable.start();
        ApiResponse healthy = pollUntil(() -> api.get("/health").withoutKey().send(), r -> r.status() == 200);

        // then
        assertThat(healthy.text("status")).isEqualTo("UP");
        assertThat(api.get("/v1/appointments/" + before).send().status()).isEqualTo(200);
        assertThat(api.post("/v1/appointments", Bodies.booked(patient, "2026-12-02T09:00:00Z")).send().status())
                .isEqualTo(201);
    }

    /** Repeats the call until its answer satisfies {@code done}, or fails at the deadline; no sleeps. */
    private static ApiResponse pollUntil(Supplier<ApiResponse> call, Predicate<ApiResponse> done) {
        Instant deadline = Instant.now().plus(RECOVERY_DEADLINE);
        ApiResponse last = call.get();
        while (!done.test(last)) {
            assertThat(Instant.now()).as("recovered before the deadline; last answer: %s", last).isBefore(deadline);
            last = call.get();
        }
        return last;
    }
}
