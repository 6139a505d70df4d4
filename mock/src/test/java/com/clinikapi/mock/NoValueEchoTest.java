package com.clinikapi.mock;

import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values may be patient data: no error body and no log line may contain one. Every request here
 * breaks a rule with a value that looks like PHI, and the marker must appear nowhere in what the
 * mock answers or logs (with verbose logging on).
 */
class NoValueEchoTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().verbose(true).validateResponses(true).build();

    private static final String MARKER = "JaneDoe1957";

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;
    ApiClient api;

    @BeforeEach
    void captureLogs() {
        originalErr = System.err;
        originalOut = System.out;
        PrintStream capture = new PrintStream(logged, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
    }

    @AfterEach
    void restoreLogs() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    @Test
    void noErrorBodyOrLogLineQuotesASubmittedValue() {
        String id = api.createdId("{\"status\": \"proposed\", \"patientId\": \"pat_1\"}");
        List<Reply> replies = new ArrayList<>();
        replies.add(api.create("{\"status\": \"" + MARKER + "\", \"patientId\": \"" + MARKER + " \"}"));
        replies.add(api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"description\": \"" + MARKER.repeat(200) + "\"}"));
        replies.add(api.create("{\"status\": \"booked\", \"patientId\": \"pat_1\", \"start\": \"" + MARKER + "\"}"));
        replies.add(api.create("{\"status\": \"booked\", \"patientId\": \"pat_1\", \"start\": \"2026-12-01T09:00:00+0200\","
                + " \"comment\": \"" + MARKER + "\", \"minutesDuration\": 30}"));
        replies.add(api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"priority\": \"" + MARKER + "\"}"));
        replies.add(api.create("{\"status\": \"proposed\", \"patientId\": \"pat_1\", \"" + MARKER + "\": 1, \"requestedPeriod\": ["
                + "{\"start\": \"" + MARKER + "\", \"" + MARKER + "\": 2}]}"));
        replies.add(api.create("{\"status\": \"booked\", \"patientId\": \"pat_1\", \"cancelationReason\": \"" + MARKER + "\","
                + " \"start\": \"2026-12-01T09:00:00Z\", \"minutesDuration\": 30}"));
        replies.add(api.create("{\"status\": \"proposed\", \"patientId\": \"" + MARKER + "\","));
        replies.add(api.update(id, "{\"status\": \"cancelled\", \"comment\": \"" + MARKER + "\"}"));
        replies.add(api.update(id, "{\"minutesDuration\": \"" + MARKER + "\"}"));
        replies.add(api.read(MARKER + "%20x"));
        replies.add(api.read(MARKER));
        replies.add(api.search("patientId=" + MARKER + "%20x&status=" + MARKER + "&dateFrom=" + MARKER
                + "&sort=" + MARKER + "&count=" + MARKER + "&cursor=" + MARKER));
        replies.add(api.search("cursor=" + MARKER));
        replies.add(api.withKey("clk_" + MARKER).search(""));
        replies.add(api.send(api.request("/v1/" + MARKER).GET()));
        replies.add(api.send(api.request("/v1/appointments").header("Prefer", "code=" + MARKER).GET()));
        replies.add(api.send(api.request("/v1/appointments").header("Prefer", "example=" + MARKER).GET()));

        for (Reply reply : replies) {
            assertThat(reply.status()).as(reply.body()).isGreaterThanOrEqualTo(400);
            assertThat(reply.body()).doesNotContain(MARKER);
            reply.headers().map().values().forEach(values -> assertThat(values.toString()).doesNotContain(MARKER));
        }
        String log = logged.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("createAppointment").doesNotContain(MARKER);
    }
}
