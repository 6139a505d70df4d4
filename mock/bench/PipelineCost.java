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
 * Run: java -cp mock/target/clinikapi-mock.jar mock/bench/PipelineCost.java
 */
public class PipelineCost {

    public static void main(String[] args) throws Exception {
        MockSettings settings = new MockSettings(0, false, 0, false);
        ClinikMockExtensions extensions = new ClinikMockExtensions(settings);
        WireMockServer server = new WireMockServer(settings.wireMockConfiguration(extensions));
        server.start();
        var pipeline = extensions.runtime().pipeline();
        byte[] body = ("{\"status\":\"booked\",\"patientId\":\"pat_abc123\",\"practitionerId\":\"prac_def456\","
                + "\"start\":\"2026-12-01T09:00:00Z\",\"minutesDuration\":30,\"appointmentType\":\"followup\","
                + "\"reasonCode\":\"Blood pressure review\",\"priority\":0}").getBytes(StandardCharsets.UTF_8);
        Request post = new ImmutableRequest.Builder().withAbsoluteUrl("http://localhost/v1/appointments")
                .withMethod(RequestMethod.POST).withHeader("x-api-key", "clk_test_benchmark_key")
                .withHeader("Content-Type", "application/json").withBody(body).build();
        String created = new String(pipeline.answer(post).getByteBody(), StandardCharsets.UTF_8);
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        Request get = new ImmutableRequest.Builder().withAbsoluteUrl("http://localhost/v1/appointments/" + id)
                .withMethod(RequestMethod.GET).withHeader("x-api-key", "clk_test_benchmark_key").build();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            for (Request request : new Request[] {post, get}) {
                int n = 50_000;
                long before = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    pipeline.answer(request);
                }
                long after = threads.getCurrentThreadCpuTime();
                System.out.printf("round %d %-4s %6.1f µs CPU per request%n", round, request.getMethod(), (after - before) / 1000.0 / n);
            }
            extensions.runtime().reset();
        }
        server.stop();
    }
}
