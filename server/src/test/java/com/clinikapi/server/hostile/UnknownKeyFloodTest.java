package com.clinikapi.server.hostile;

import com.clinikapi.server.keys.DatabaseApiKeyStore;
import com.clinikapi.server.support.Api;
import com.clinikapi.server.support.ApiResponse;
import com.clinikapi.server.support.Bodies;
import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.Figures;
import com.clinikapi.server.support.TestServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of well-formed but never-issued keys from one client (127.0.0.2), while a partner
 * (127.0.0.1) keeps working with its real key. Bounds: the partner's requests all answer 2xx (none
 * 503, none 429); the flood costs at most the client's failure budget (20) in database lookups,
 * plus {@link #PARTNER_LOOKUPS} for the partner's own key; every flood request is refused 401 or 429.
 */
abstract class UnknownKeyFloodTest {

    private static final int FLOOD_THREADS = 8;
    private static final int FLOOD_REQUESTS_PER_THREAD = 150;
    private static final int FAILURE_BUDGET = 20;
    /** The partner's key is looked up again each time its cache entry (5 s) expires during the run. */
    private static final int PARTNER_LOOKUPS = 10;
    private static final InetAddress ATTACKER = address("127.0.0.2");

    private final Database database;
    private EmbeddedServer server;
    private Api api;

    UnknownKeyFloodTest(Database database) {
        this.database = database;
    }

    static class OnH2 extends UnknownKeyFloodTest {
        OnH2() {
            super(Database.H2);
        }
    }

    static class OnPostgres extends UnknownKeyFloodTest {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @BeforeEach
    void startAServiceOfItsOwn() {
        Map<String, Object> datasource = database == Database.H2 ? Database.H2.datasource() : Database.freshPostgres();
        server = TestServers.start(datasource, Map.of("clinikapi.auth.failures-per-client", FAILURE_BUDGET));
        api = new Api(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void neverIssuedKeysCostNoMoreThanTheClientsBudgetAndThePartnerKeepsBeingServed(TestReporter reporter) throws Exception {
        Figures figures = new Figures(reporter, "UnknownKeyFloodTest");
        // given
        String patient = "pat_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String id = api.post("/v1/appointments", Bodies.booked(patient)).send().text("data.id");
        double lookupsBefore = lookups();
        Map<Integer, AtomicInteger> floodStatuses = new ConcurrentHashMap<>();
        ExecutorService attacker = Executors.newFixedThreadPool(FLOOD_THREADS);

        // when
        List<Future<?>> flood = new ArrayList<>();
        for (int t = 0; t < FLOOD_THREADS; t++) {
            flood.add(attacker.submit(() -> {
                for (int i = 0; i < FLOOD_REQUESTS_PER_THREAD; i++) {
                    floodStatuses.computeIfAbsent(sendWithMadeUpKey(), s -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        List<ApiResponse> partner = new ArrayList<>();
        while (flood.stream().anyMatch(f -> !f.isDone())) {
            partner.add(api.get("/v1/appointments/" + id).send());
        }
        for (Future<?> f : flood) {
            f.get(60, TimeUnit.SECONDS);
        }
        attacker.shutdown();

        // then
        figures.record("database lookups for " + FLOOD_THREADS * FLOOD_REQUESTS_PER_THREAD + " made-up keys",
                Long.toString(Math.round(lookups() - lookupsBefore)));
        figures.record("flood answers", floodStatuses.toString());
        figures.record("partner requests meanwhile", partner.size() + ", statuses "
                + partner.stream().map(ApiResponse::status).distinct().toList());
        assertThat(partner).isNotEmpty().allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        assertThat(floodStatuses.keySet()).as("flood answers: %s", floodStatuses).containsOnly(401, 429);
        assertThat(floodStatuses.get(429).get()).isGreaterThan(FLOOD_THREADS * FLOOD_REQUESTS_PER_THREAD / 2);
        assertThat(lookups() - lookupsBefore).isLessThanOrEqualTo(FAILURE_BUDGET + PARTNER_LOOKUPS);
    }

    private double lookups() {
        return server.getApplicationContext().getBean(MeterRegistry.class)
                .counter(DatabaseApiKeyStore.LOOKUPS_METRIC).count();
    }

    /** One request with a fresh, well-formed key from the attacker's address; its status. */
    private int sendWithMadeUpKey() {
        String key = "clk_test_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(ATTACKER, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/appointments HTTP/1.1\r\nHost: localhost\r\nx-api-key: " + key
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(head.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
