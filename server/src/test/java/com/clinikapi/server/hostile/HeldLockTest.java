package com.clinikapi.server.hostile;

import com.clinikapi.server.support.Api;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.Figures;
import com.clinikapi.server.support.HeldStripes;
import com.clinikapi.server.support.TestServers;
import com.clinikapi.server.support.Timed;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stuck transaction on PostgreSQL (another session holds every practitioner's lock and does
 * nothing): it costs the bookings it blocks, not the whole API. Bound: each blocked booking is
 * answered {@code 503} with {@code Retry-After} within the lock timeout (2 s) plus {@link #MARGIN};
 * reads, searches and {@code /health} answer meanwhile within {@link #UNBLOCKED}.
 */
class HeldLockTest {

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MARGIN = Duration.ofSeconds(4);
    private static final Duration UNBLOCKED = Duration.ofSeconds(2);
    private static final int BLOCKED_BOOKINGS = 6;

    private static Map<String, Object> datasource;
    private static EmbeddedServer server;
    private static Api api;

    @BeforeAll
    static void startAServiceOnAPostgresOfItsOwn() {
        datasource = Database.freshPostgres();
        server = TestServers.start(datasource);
        api = new Api(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void setsTheDocumentedTimeoutsOnEveryPostgresSession() throws SQLException {
        // when
        try (Connection connection = DelegatingDataSource.unwrapDataSource(
                server.getApplicationContext().getBean(DataSource.class)).getConnection();
             Statement statement = connection.createStatement()) {
            // then
            assertThat(setting(statement, "lock_timeout")).isEqualTo("2s");
            assertThat(setting(statement, "statement_timeout")).isEqualTo("15s");
            assertThat(setting(statement, "idle_in_transaction_session_timeout")).isEqualTo("30s");
        }
    }

    @Test
    void blockedBookingsAnswer503WithinTheLockTimeoutWhileReadsAndHealthKeepAnswering(TestReporter reporter) throws Exception {
        Figures figures = new Figures(reporter, "HeldLockTest");
        // given
        String patient = "pat_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String existing = api.post("/v1/appointments", Bodies.booked(patient)).send().text("data.id");
        ExecutorService clients = Executors.newFixedThreadPool(BLOCKED_BOOKINGS);

        try (HeldStripes stuck = HeldStripes.hold(datasource)) {
            // when
            List<CompletableFuture<Timed<ApiResponse>>> bookings = IntStream.range(0, BLOCKED_BOOKINGS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> Timed.of(() ->
                            api.post("/v1/appointments", Bodies.booked(patient, "2026-12-03T10:00:00Z")).send()), clients))
                    .toList();
            Timed<ApiResponse> read = Timed.of(() -> api.get("/v1/appointments/" + existing).send());
            Timed<ApiResponse> search = Timed.of(() -> api.get("/v1/appointments?patientId=" + patient).send());
            Timed<ApiResponse> health = Timed.of(() -> api.get("/health").withoutKey().send());

            // then
            figures.record("read / search / health while locked (ms)", read.took().toMillis() + " / "
                    + search.took().toMillis() + " / " + health.took().toMillis());
            assertThat(read.value().status()).isEqualTo(200);
            assertThat(search.value().status()).isEqualTo(200);
            assertThat(health.value().status()).isEqualTo(200);
            assertThat(List.of(read.took(), search.took(), health.took())).allSatisfy(took ->
                    assertThat(took).isLessThan(UNBLOCKED));
            for (CompletableFuture<Timed<ApiResponse>> booking : bookings) {
                Timed<ApiResponse> answer = booking.get(30, TimeUnit.SECONDS);
                assertThat(answer.value().status()).as(answer.value().body()).isEqualTo(503);
                assertThat(answer.value().text("code")).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(answer.value().header("Retry-After")).isPresent();
                assertThat(answer.took()).isLessThan(LOCK_TIMEOUT.plus(MARGIN));
                figures.record("blocked booking answered 503 after (ms)", Long.toString(answer.took().toMillis()));
            }
        } finally {
            clients.shutdownNow();
        }

        // and once the session lets go, the practitioner is bookable again
        assertThat(api.post("/v1/appointments", Bodies.booked(patient, "2026-12-03T10:00:00Z")).send().status())
                .isEqualTo(201);
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
