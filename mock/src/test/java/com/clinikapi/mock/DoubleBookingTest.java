package com.clinikapi.mock;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.mock.junit.ClinikMockExtension;
import com.clinikapi.mock.testing.ApiClient;
import com.clinikapi.mock.testing.Bodies;
import com.clinikapi.mock.testing.Concurrently;
import com.clinikapi.mock.testing.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The mock refuses overlapping bookings of one practitioner with the service's answer. */
class DoubleBookingTest {

    @RegisterExtension
    static ClinikMockExtension mock = ClinikMockExtension.builder().validateResponses(true).build();

    private ApiClient api;
    private String practitioner;
    private String booked;

    @BeforeEach
    void givenABookedSlot() {
        api = new ApiClient(mock.baseUrl(), ClinikMockExtension.newApiKey());
        practitioner = Bodies.uniquePractitioner();
        booked = api.createdId(Bodies.booked("pat_1", practitioner, "2026-12-01T09:00:00Z"));
    }

    private static String appointment(String status, String practitionerId, String start, String end) {
        String reason = status.equals("cancelled") ? ",\"cancelationReason\":\"Clinic closed\"" : "";
        return """
                {"status":"%s","patientId":"pat_2","practitionerId":"%s","start":"%s","end":"%s"%s}"""
                .formatted(status, practitionerId, start, end, reason);
    }

    private void assertConflictWith(Reply reply, String appointmentId) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("SCHEDULING_CONFLICT");
        assertThat(reply.diagnostics()).containsExactly(
                "start: overlaps appointment " + appointmentId + ", which holds the same practitioner's time");
    }

    @ParameterizedTest
    @EnumSource(value = AppointmentStatus.class, names = {"BOOKED", "ARRIVED", "CHECKED_IN"})
    void refusesAnOverlapHoldingThePractitionersTime(AppointmentStatus status) {
        assertConflictWith(api.create(appointment(status.wire(), practitioner, "2026-12-01T09:15:00Z", "2026-12-01T09:45:00Z")), booked);
    }

    @ParameterizedTest
    @EnumSource(value = AppointmentStatus.class, names = {"BOOKED", "ARRIVED", "CHECKED_IN"}, mode = EnumSource.Mode.EXCLUDE)
    void acceptsOverlapsThatHoldNoTime(AppointmentStatus status) {
        assertThat(api.create(appointment(status.wire(), practitioner, "2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z")).status())
                .isEqualTo(201);
    }

    @Test
    void acceptsBackToBackAndOtherPractitioners() {
        assertThat(api.create(appointment("booked", practitioner, "2026-12-01T09:30:00Z", "2026-12-01T10:00:00Z")).status()).isEqualTo(201);
        assertThat(api.create(Bodies.booked("pat_2", Bodies.uniquePractitioner(), "2026-12-01T09:00:00Z")).status()).isEqualTo(201);
    }

    @Test
    void refusesMovingOrBookingIntoAnOverlap() {
        String later = api.createdId(appointment("booked", practitioner, "2026-12-01T11:00:00Z", "2026-12-01T11:30:00Z"));
        String pending = api.createdId(appointment("pending", practitioner, "2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z"));

        assertConflictWith(api.update(later, "{\"start\":\"2026-12-01T09:20:00Z\"}"), booked);
        assertConflictWith(api.update(pending, "{\"status\":\"booked\"}"), booked);
        assertThat(api.read(later).data().path("start").asText()).isEqualTo("2026-12-01T11:00:00Z");
    }

    @Test
    void freesTheSlotOnCancellation() {
        api.update(booked, "{\"status\":\"cancelled\",\"cancelationReason\":\"Patient ill\"}");

        assertThat(api.create(appointment("booked", practitioner, "2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z")).status())
                .isEqualTo(201);
    }

    @Test
    void booksExactlyOneOfFiftyConcurrentRequestsForOneSlot() {
        String contested = Bodies.uniquePractitioner();

        List<Reply> replies = Concurrently.run(50,
                () -> api.create(appointment("booked", contested, "2026-12-02T14:00:00Z", "2026-12-02T14:30:00Z")));

        List<Reply> won = replies.stream().filter(r -> r.status() == 201).toList();
        assertThat(won).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 201).hasSize(49)
                .allSatisfy(r -> assertConflictWith(r, won.get(0).id()));
    }
}
