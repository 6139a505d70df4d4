package com.example.curl;

import com.clinikapi.mock.junit.ClinikMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** booking.sh, exactly as the README shows it, against the mock: it must run to its end. */
class CurlExampleTest {

    /** The script makes eight calls on loopback; far more than this means something hangs. */
    private static final long BOUND_SECONDS = 60;

    /** Strict: a request of the script that the contract refuses for how it was built fails the test. */
    @RegisterExtension
    static ClinikMockExtension clinikApi = ClinikMockExtension.builder().strictConformance(true).build();

    @Test
    void booksReschedulesFindsCancelsAndDeletesWithCurl() throws Exception {
        String key = ClinikMockExtension.newApiKey();

        Run run = runBookingScript(key);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("total 1"), run.output());
        assertTrue(run.output().contains("status cancelled"), run.output());
        String journalKey = ClinikMockExtension.journalKey(key);
        // Every change carried an Idempotency-Key, and every update the version it was based on.
        clinikApi.verify(1, postRequestedFor(urlEqualTo("/v1/appointments"))
                .withHeader("x-api-key", equalTo(journalKey))
                .withHeader("Idempotency-Key", matching("[0-9a-f-]{36}")));
        clinikApi.verify(2, patchRequestedFor(urlPathMatching("/v1/appointments/appt_.+"))
                .withHeader("If-Match", matching("\"\\d+\""))
                .withHeader("Idempotency-Key", matching("[0-9a-f-]{36}")));
        clinikApi.verify(1, deleteRequestedFor(urlPathMatching("/v1/appointments/appt_.+")));
        // Every operation the README's curl lines show was answered as documented.
        var coverage = clinikApi.conformanceReport(key).coverageByOperation();
        assertEquals(1L, coverage.get("createAppointment").answered().get(201));
        assertEquals(2L, coverage.get("updateAppointment").answered().get(200));
        assertEquals(1L, coverage.get("searchAppointments").answered().get(200));
        assertEquals(1L, coverage.get("deleteAppointment").answered().get(204));
        assertEquals(1L, coverage.get("getAppointment").answered().get(404));
    }

    private Run runBookingScript(String key) throws IOException, InterruptedException {
        ProcessBuilder script = new ProcessBuilder("bash", Path.of("booking.sh").toAbsolutePath().toString())
                .redirectErrorStream(true);
        script.environment().put("CLINIKAPI_BASE_URL", clinikApi.baseUrl());
        script.environment().put("CLINIKAPI_KEY", key);
        Process process = script.start();
        if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("booking.sh did not finish within " + BOUND_SECONDS + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
