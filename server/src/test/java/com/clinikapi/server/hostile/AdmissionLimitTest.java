package com.clinikapi.server.hostile;

import com.clinikapi.server.support.Api;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.Figures;
import com.clinikapi.server.support.HeldStripes;
import com.clinikapi.server.support.Polling;
import com.clinikapi.server.support.StoppableDatabase;
import com.clinikapi.server.support.TestServers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saturated instance answers at once instead of queueing: with
 * {@code clinikapi.capacity.max-in-flight} requests being worked on (here 2 bookings waiting for a
 * practitioner lock that another session holds), the next API request is {@code 503
 * SERVICE_UNAVAILABLE} with {@code Retry-After} within {@link #AT_ONCE}, {@code /health} still
 * answers, and the admitted requests complete once the lock is released. Runs on H2 served over TCP,
 * whose lock timeout (10 s) keeps the bookings waiting long enough to look.
 */
class AdmissionLimitTest {

    private static final int MAX_IN_FLIGHT = 2;
    private static final Duration AT_ONCE = Duration.ofSeconds(1);

    private StoppableDatabase database;
    private EmbeddedServer server;
    private Api api;

    @BeforeEach
    void startAServiceWithRoomForTwoRequests() {
        database = StoppableDatabase.of(Database.H2);
        server = TestServers.start(database.datasource(), Map.of("clinikapi.capacity.max-in-flight", MAX_IN_FLIGHT));
        api = new Api(server);
    }

    @AfterEach
    void stop() {
        server.close();
        database.close();
    }

    @Test
    void theRequestPastTheLimitIs503AtOnceAndTheAdmittedOnesComplete(TestReporter reporter) throws Exception {
        Figures figures = new Figures(reporter, "AdmissionLimitTest");
        List<CompletableFuture<ApiResponse>> admitted;
        try (HeldStripes stuck = HeldStripes.hold(database.datasource())) {
            // given
            admitted = IntStream.range(0, MAX_IN_FLIGHT)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                            api.post("/v1/appointments", Bodies.booked("pat_admission" + i)).send()))
                    .toList();
            assertThat(Polling.until(this::inFlight, n -> n == MAX_IN_FLIGHT, Duration.ofSeconds(10)))
                    .isEqualTo(MAX_IN_FLIGHT);

            // when
            Instant sent = Instant.now();
            ApiResponse refused = api.get("/v1/appointments?count=1").send();
            Duration took = Duration.between(sent, Instant.now());
            ApiResponse health = api.get("/health").withoutKey().send();

            // then
            figures.record("request past the limit answered after (ms)", Long.toString(took.toMillis()));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(refused.text("requestId")).isEqualTo(refused.header("X-Request-Id").orElseThrow());
            assertThat(refused.header("Retry-After")).contains("1");
            assertThat(took).isLessThan(AT_ONCE);
            assertThat(health.status()).isEqualTo(200);
        }
        for (CompletableFuture<ApiResponse> booking : admitted) {
            assertThat(booking.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
        }
        assertThat(Polling.until(this::inFlight, n -> n == 0, Duration.ofSeconds(5))).isZero();
        assertThat(api.get("/v1/appointments?count=1").send().status()).isEqualTo(200);
    }

    /** The in-flight gauge; -1 until the first request has registered it. */
    private int inFlight() {
        Gauge gauge = server.getApplicationContext().getBean(MeterRegistry.class)
                .find("clinikapi.requests.in.flight").gauge();
        return gauge == null ? -1 : (int) gauge.value();
    }
}
