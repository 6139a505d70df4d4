package com.clinikapi.server.hostile;

import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.Figures;
import com.clinikapi.server.support.FreePorts;
import com.clinikapi.server.support.HeldStripes;
import com.clinikapi.server.support.Polling;
import com.clinikapi.server.support.StoppableDatabase;
import com.clinikapi.server.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code SIGTERM} while requests are being worked on: the service (a process of its own, started as
 * {@code java … Application} on H2 served over TCP) stops accepting connections, completes the
 * requests it accepted, then exits. The requests are held in flight deterministically: they are
 * bookings waiting for practitioner locks that the test holds, released after the signal.
 * Bounds: every accepted request answered {@code 201} and stored; new connections refused within
 * {@link #STOPS_ACCEPTING} of the signal; the process gone within the grace period (20 s) plus
 * {@link #EXIT_MARGIN}.
 */
class GracefulShutdownTest {

    private static final int IN_FLIGHT = 4;
    private static final Duration STARTS_WITHIN = Duration.ofSeconds(60);
    private static final Duration STOPS_ACCEPTING = Duration.ofSeconds(5);
    private static final Duration EXIT_MARGIN = Duration.ofSeconds(10);
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final int port = FreePorts.next();
    private final int managementPort = FreePorts.next();
    private StoppableDatabase database;
    private Process service;
    private Path log;

    @BeforeEach
    void startTheServiceAsAProcess() throws IOException {
        database = StoppableDatabase.of(Database.H2);
        log = Files.createTempFile("clinikapi-shutdown", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                "-Dmicronaut.server.port=" + port,
                "-Dendpoints.all.port=" + managementPort,
                "-Dclinikapi.plans.standard.requests-per-window=1000000"));
        database.datasource().forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("com.clinikapi.server.Application");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CLINIKAPI_LOG_FORMAT", "plain");
        service = builder.start();
        int health = Polling.until(() -> status(URI.create("http://127.0.0.1:" + port + "/health")),
                s -> s == 200, STARTS_WITHIN);
        assertThat(health).as("the service started; its log: %s", log).isEqualTo(200);
    }

    @AfterEach
    void stop() throws InterruptedException {
        service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        database.close();
    }

    @Test
    void sigtermCompletesTheAcceptedRequestsThenExits(TestReporter reporter) throws Exception {
        Figures figures = new Figures(reporter, "GracefulShutdownTest");
        String patient = "pat_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<CompletableFuture<HttpResponse<String>>> accepted = new ArrayList<>();
        long signalled;
        try (HeldStripes stuck = HeldStripes.hold(database.datasource())) {
            // given
            for (int i = 0; i < IN_FLIGHT; i++) {
                accepted.add(HTTP.sendAsync(booking(patient), HttpResponse.BodyHandlers.ofString()));
            }
            assertThat(Polling.until(this::inFlight, n -> n == IN_FLIGHT, Duration.ofSeconds(20)))
                    .isEqualTo(IN_FLIGHT);

            // when
            signalled = System.nanoTime();
            service.destroy();

            // then
            boolean refusing = Polling.until(this::refusesConnections, r -> r, STOPS_ACCEPTING);
            assertThat(refusing).as("new connections refused after SIGTERM").isTrue();
            figures.record("new connections refused after SIGTERM within (ms)",
                    Long.toString((System.nanoTime() - signalled) / 1_000_000));
            assertThat(accepted).noneMatch(CompletableFuture::isDone);
        }
        for (CompletableFuture<HttpResponse<String>> request : accepted) {
            HttpResponse<String> answer = request.get(GRACE_PERIOD.toSeconds(), TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
        assertThat(service.waitFor(GRACE_PERIOD.plus(EXIT_MARGIN).toSeconds(), TimeUnit.SECONDS))
                .as("the process exited; its log: %s", log).isTrue();
        figures.record("accepted requests answered 201 / process exited after SIGTERM (ms)",
                IN_FLIGHT + " of " + IN_FLIGHT + " / " + (System.nanoTime() - signalled) / 1_000_000);
        assertThat(storedFor(patient)).isEqualTo(IN_FLIGHT);
    }

    private HttpRequest booking(String patient) {
        String body = """
                {"status":"booked","patientId":"%s","practitionerId":"prac_%s","start":"2026-12-03T09:00:00Z","minutesDuration":30}
                """.formatted(patient, UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/appointments"))
                .header("x-api-key", TestKeys.DEV_TEST).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The service's {@code clinikapi_requests_in_flight} gauge, from its Prometheus scrape. */
    private int inFlight() {
        try {
            String scrape = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/prometheus"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return scrape.lines().filter(line -> line.startsWith("clinikapi_requests_in_flight"))
                    .map(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private boolean refusesConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int storedFor(String patient) throws SQLException {
        Map<String, Object> datasource = database.datasource();
        try (Connection connection = DriverManager.getConnection((String) datasource.get("datasources.default.url"), "sa", "");
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM appointment WHERE patient_id = ?")) {
            count.setString(1, patient);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
