package com.example.partner;

import com.clinikapi.mock.junit.ClinikMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flows a partner's integration runs, each test in its own sandbox, methods concurrently. */
class BookingFlowTest {

    @RegisterExtension
    static ClinikMockExtension clinikApi = ClinikMockExtension.create();

    @Test
    void booksReschedulesFindsCancelsAndDeletes() {
        var client = new AppointmentsClient(clinikApi.baseUrl(), ClinikMockExtension.newApiKey());

        var booked = client.book("pat_flow1", "prac_flow1", "2027-02-01T09:00:00Z");
        assertEquals(201, booked.status(), booked.body().toString());
        String id = booked.data().path("id").asText();

        var read = client.read(id);
        assertEquals(200, read.status());
        assertEquals("booked", read.data().path("status").asText());

        var moved = client.update(id, "{\"start\": \"2027-02-01T11:00:00Z\", \"minutesDuration\": 30}");
        assertEquals(200, moved.status(), moved.body().toString());
        assertEquals("2027-02-01T11:30:00Z", moved.data().path("end").asText());

        var found = client.searchByPatient("pat_flow1");
        assertEquals(200, found.status());
        assertEquals(1, found.data().path("total").asInt());
        assertEquals(id, found.data().path("data").get(0).path("id").asText());

        var cancelled = client.update(id, "{\"status\": \"cancelled\", \"cancelationReason\": \"Patient called to cancel\"}");
        assertEquals(200, cancelled.status(), cancelled.body().toString());
        assertEquals("cancelled", cancelled.data().path("status").asText());

        assertEquals(204, client.delete(id).status());
        assertEquals(404, client.read(id).status());
    }

    @Test
    void aRefusalNamesTheFieldAndTheRuleNeverTheValue() {
        var client = new AppointmentsClient(clinikApi.baseUrl(), ClinikMockExtension.newApiKey());

        var refused = client.update("appt_doesnotexist", "{\"status\": \"cancelled\"}");

        assertEquals(404, refused.status());
        assertEquals("NOT_FOUND", refused.body().path("code").asText());
        assertTrue(refused.body().path("requestId").asText().startsWith("req_"));
    }

    @Test
    void theProjectsOwnJacksonIsTheOneOnTheClassPath() {
        // The mock's Jackson is relocated inside its jar; the partner's own version stays in charge.
        assertEquals("2.18.2", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertEquals("2.18.2", com.fasterxml.jackson.datatype.jdk8.PackageVersion.VERSION.toString());
    }
}
