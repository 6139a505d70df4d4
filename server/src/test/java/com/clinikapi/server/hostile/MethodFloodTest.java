package com.clinikapi.server.hostile;

import com.clinikapi.server.support.Database;
import com.clinikapi.server.support.Figures;
import com.clinikapi.server.support.TestServers;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of keyless requests, each with an HTTP method of its own ({@code M1x1 /x}), as a scanner
 * sends them: every one is refused, and the metrics do not grow with them. Bound: at most
 * {@link #MAX_NEW_SERIES} new Prometheus series after {@link #REQUESTS} requests (each method counts
 * as one {@code OTHER}; the path as its route template or {@code NOT_FOUND}). Before the bound,
 * 2,000 such requests added over 1,200 series, and the scrape grew to 1.1 MB.
 */
class MethodFloodTest {

    private static final int REQUESTS = 2_000;
    private static final int MAX_NEW_SERIES = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedServer server;

    @BeforeAll
    static void startAServiceOfItsOwn() {
        // The database plays no part: refusals happen before any query. A service of its own, so
        // that no other test's requests add series meanwhile.
        server = TestServers.start(Database.H2.datasource());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void madeUpMethodsAreRefusedAndCountAsOneMethodInTheMetrics(TestReporter reporter) throws Exception {
        Figures figures = new Figures(reporter, "MethodFloodTest");
        // given: every series that ordinary refusals create exists already
        send("GET", "/x");
        send("GET", "/v1/appointments");
        send("M0x0", "/x");
        send("M0x0", "/v1/appointments");
        List<String> before = series();

        // when
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= REQUESTS; i++) {
            statuses.add(send("M" + i + "x" + i, i % 2 == 0 ? "/x" : "/v1/appointments/apt_" + i));
        }
        List<String> after = series();

        // then
        figures.record("new series after " + REQUESTS + " made-up methods", Integer.toString(after.size() - before.size()));
        assertThat(statuses).allSatisfy(status -> assertThat(status).isBetween(400, 499));
        assertThat(after.size() - before.size()).as("new series: %s", newSeries(before, after))
                .isLessThanOrEqualTo(MAX_NEW_SERIES);
        assertThat(String.join("\n", after)).doesNotContain("M1999x1999").doesNotContain("apt_1999");
    }

    private static int send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The scrape's samples (one line per series), comments left out. */
    private static List<String> series() throws IOException, InterruptedException {
        URI scrape = URI.create("http://127.0.0.1:" + TestServers.managementPort(server) + "/prometheus");
        String body = HTTP.send(HttpRequest.newBuilder(scrape).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.substring(0, line.lastIndexOf(' ')))
                .toList();
    }

    private static List<String> newSeries(List<String> before, List<String> after) {
        return after.stream().filter(line -> !before.contains(line)).limit(20).toList();
    }
}
