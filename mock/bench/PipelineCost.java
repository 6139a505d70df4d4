import com.clinikapi.mock.ClinikMockExtensions;
import com.clinikapi.mock.MockSettings;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * CPU time the mock spends per request above WireMock and Jetty (routing, key check, validation,
 * rules, store, JSON), measured on one thread so that other load on the machine barely matters.
 * Each round creates 10,000 appointments (a practitioner each; a sandbox's quota) in one key's
 * sandbox, then reads one 10,000 times; the sandbox is emptied between rounds.
 * Run: java -cp mock/target/clinikapi-mock.jar mock/bench/PipelineCost.java
 */
public class PipelineCost {

    public static void main(String[] args) throws Exception {
        MockSettings settings = new MockSettings(0, false, 0, false);
        ClinikMockExtensions extensions = new ClinikMockExtensions(settings);
        WireMockServer server = new WireMockServer(settings.wireMockConfiguration(extensions));
        server.start();
        try {
            measure(extensions);
        } finally {
            server.stop();
        }
    }

    private static void measure(ClinikMockExtensions extensions) {
        var pipeline = extensions.runtime().pipeline();
        int practitioners = 100_000;
        Request[] posts = new Request[practitioners];
        for (int i = 0; i < practitioners; i++) {
            // A practitioner per request, so that no create is refused as a double booking.
            byte[] body = ("{\"status\":\"booked\",\"patientId\":\"pat_abc123\",\"practitionerId\":\"prac_" + i + "\","
                    + "\"start\":\"2026-12-01T09:00:00Z\",\"minutesDuration\":30,\"appointmentType\":\"followup\","
                    + "\"reasonCode\":\"Blood pressure review\",\"priority\":0}").getBytes(StandardCharsets.UTF_8);
            posts[i] = new ImmutableRequest.Builder().withAbsoluteUrl("http://localhost/v1/appointments")
                    .withMethod(RequestMethod.POST).withHeader("x-api-key", "clk_test_benchmark_key")
                    .withHeader("Content-Type", "application/json").withBody(body).build();
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = 10_000;
        for (int round = 1; round <= 3; round++) {
            long before = threads.getCurrentThreadCpuTime();
            int refused = 0;
            for (int i = 1; i <= n; i++) {
                refused += pipeline.answer(posts[i]).getStatus() == 201 ? 0 : 1;
            }
            long after = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d POST %6.1f µs CPU per request (%d refused)%n", round, (after - before) / 1000.0 / n, refused);
            Request get = readOf(pipeline.answer(posts[0]).getByteBody());
            before = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                pipeline.answer(get);
            }
            after = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d GET  %6.1f µs CPU per request%n", round, (after - before) / 1000.0 / n);
            extensions.runtime().reset(); // keeps the store at the size of one round
        }
    }

    /** A read of the appointment whose creation answered {@code created}. */
    private static Request readOf(byte[] created) {
        String id = new String(created, StandardCharsets.UTF_8).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        return new ImmutableRequest.Builder().withAbsoluteUrl("http://localhost/v1/appointments/" + id)
                .withMethod(RequestMethod.GET).withHeader("x-api-key", "clk_test_benchmark_key").build();
    }
}
