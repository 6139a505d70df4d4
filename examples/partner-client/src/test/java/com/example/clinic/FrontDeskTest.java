package com.example.clinic;

import com.clinikapi.client.ClinikApiException;
import com.clinikapi.client.model.Appointment;
import com.clinikapi.client.model.AppointmentStatus;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.junit.MockScenario;
import com.clinikapi.mock.seed.SeedSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front desk against the mock: each test its own sandbox, outages and conflicts without headers,
 * and strict conformance: a request the contract refuses for how it was built (a missing field, a bad
 * header, an unknown path) fails the test that made it, naming the rule and the field. After the run
 * the mock's report of what the tests exercised is in target/clinikapi-conformance/.
 */
class FrontDeskTest {

    private static final OffsetDateTime NINE_AM = OffsetDateTime.of(2031, 3, 4, 9, 0, 0, 0, ZoneOffset.UTC);

    @RegisterExtension
    static ClinikMockExtension clinikApi = ClinikMockExtension.builder().strictConformance(true).build();

    @Test
    void booksReschedulesAndCancels() throws Exception {
        var desk = new FrontDesk(clinikApi.baseUrl(), ClinikMockExtension.newApiKey());

        Appointment booked = desk.book("pat_fd1", "prac_fd1", NINE_AM, 30);
        Appointment moved = desk.reschedule(booked.getId(), NINE_AM.plusHours(2), 45);
        Appointment cancelled = desk.cancel(booked.getId(), "Patient called to cancel");

        assertEquals(AppointmentStatus.BOOKED, booked.getStatus());
        assertEquals(NINE_AM.plusHours(2).plusMinutes(45).toInstant(), moved.getEnd().toInstant());
        assertEquals(2L, moved.getVersion());
        assertEquals(AppointmentStatus.CANCELLED, cancelled.getStatus());
        assertEquals(3L, cancelled.getVersion());
    }

    @Test
    void theMockRecordsWhatTheFrontDeskExercised() throws Exception {
        String key = ClinikMockExtension.newApiKey();
        var desk = new FrontDesk(clinikApi.baseUrl(), key);

        Appointment booked = desk.book("pat_fd5", "prac_fd5", NINE_AM, 30);
        desk.cancel(booked.getId(), "Patient called to cancel");

        var report = clinikApi.conformanceReport(key);
        assertEquals(0, report.contractBreaks());
        var coverage = report.coverageByOperation();
        assertEquals(1L, coverage.get("createAppointment").answered().get(201));
        assertEquals(1L, coverage.get("updateAppointment").answered().get(200));
        // What the front desk has never met, and a partner would want a test for before production:
        assertTrue(coverage.get("updateAppointment").neverAnswered().contains(409));
    }

    @Test
    void listsAPractitionersFullDayFromASeededSandboxPageByPage() throws Exception {
        String key = ClinikMockExtension.newApiKey();
        SeedSummary seeded = clinikApi.seed(key, 42);
        var desk = new FrontDesk(clinikApi.baseUrl(), key);

        List<Appointment> day = desk.day(seeded.fullDay().practitionerId(), seeded.fullDay().date());

        // The seeded day's back-to-back slots, plus the cancelled appointment two of them were booked over.
        assertTrue(day.size() >= seeded.fullDay().slots(), () -> day.size() + " appointments");
        assertEquals(day.size(), new HashSet<>(day.stream().map(Appointment::getId).toList()).size(), "no appointment twice");
        assertTrue(day.stream().anyMatch(a -> a.getStatus() == AppointmentStatus.CANCELLED));
    }

    @Test
    void retriesThroughTwoOutagesAndBooksOnce() throws Exception {
        String key = ClinikMockExtension.newApiKey();
        clinikApi.forceScenario(MockScenario.unavailable(2), key);   // two 503s with Retry-After: 1, then normal answers
        var desk = new FrontDesk(clinikApi.baseUrl(), key);

        Appointment booked = desk.book("pat_fd2", "prac_fd2", NINE_AM, 30);

        clinikApi.verify(3, postRequestedFor(urlEqualTo("/v1/appointments"))
                .withHeader("x-api-key", equalTo(ClinikMockExtension.journalKey(key))));
        assertEquals(List.of(booked.getId()),
                desk.day("prac_fd2", LocalDate.of(2031, 3, 4)).stream().map(Appointment::getId).toList());
    }

    @Test
    void waitsAsLongAsARateLimitAsks() throws Exception {
        String key = ClinikMockExtension.newApiKey();
        clinikApi.forceScenario(MockScenario.rateLimited(Duration.ofSeconds(1), 1), key);
        var desk = new FrontDesk(clinikApi.baseUrl(), key);

        long started = System.nanoTime();
        desk.book("pat_fd3", "prac_fd3", NINE_AM, 30);

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(1)) >= 0,
                "the retry waited for Retry-After");
    }

    @Test
    void aSchedulingConflictReachesTheCallerWithItsCode() throws Exception {
        String key = ClinikMockExtension.newApiKey();
        clinikApi.forceScenario(MockScenario.schedulingConflict(1), key);
        var desk = new FrontDesk(clinikApi.baseUrl(), key);

        ClinikApiException refused = assertThrows(ClinikApiException.class,
                () -> desk.book("pat_fd4", "prac_fd4", NINE_AM, 30));

        assertEquals(409, refused.status());
        assertEquals("SCHEDULING_CONFLICT", refused.errorCode().orElseThrow());
        assertTrue(refused.requestId().orElseThrow().startsWith("req_"));
    }
}
