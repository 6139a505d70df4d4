package com.clinikapi.contract.suite.client;

import com.clinikapi.client.ApiResponse;
import com.clinikapi.client.ClinikApiClient;
import com.clinikapi.client.api.AppointmentsApi;
import com.clinikapi.client.model.Appointment;
import com.clinikapi.client.model.AppointmentPage;
import com.clinikapi.client.model.AppointmentResponse;
import com.clinikapi.client.model.AppointmentStatus;
import com.clinikapi.client.model.AppointmentUpdate;
import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.appointments.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner's whole integration, written with the generated client instead of raw HTTP. */
class ClientPartnerFlowIT {

    private final ClinikApiClient clinik = GeneratedClient.forTarget();
    private final AppointmentsApi appointments = clinik.appointments();

    @Test
    void createReadRescheduleSearchCancelDelete() throws Exception {
        String patient = Fixtures.patientId();
        OffsetDateTime nine = Fixtures.DAY.withHour(9);

        // create
        ApiResponse<AppointmentResponse> created = appointments.createAppointmentWithHttpInfo(
                GeneratedClient.booked(patient, nine, 30), null);
        Appointment booked = created.getData().getData();
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(booked.getId()).startsWith("appt_");
        assertThat(booked.getStatus()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(booked.getEnd()).isEqualTo(nine.plusMinutes(30));
        assertThat(booked.getVersion()).isEqualTo(1);
        assertThat(created.getData().getMeta().getRequestId()).startsWith("req_");
        assertThat(created.getHeaders().get(ApiHeaders.ETAG)).containsExactly("\"1\"");

        // read
        assertThat(appointments.getAppointment(booked.getId()).getData()).isEqualTo(booked);

        // update: reschedule; the fields not sent keep their values
        OffsetDateTime two = Fixtures.DAY.withHour(14);
        Appointment moved = appointments.updateAppointment(booked.getId(),
                new AppointmentUpdate().start(two).minutesDuration(45), "\"1\"", null).getData();
        assertThat(moved.getVersion()).isEqualTo(2);
        assertThat(moved.getStart()).isEqualTo(two);
        assertThat(moved.getEnd()).isEqualTo(two.plusMinutes(45));
        assertThat(moved.getDescription()).isEqualTo(booked.getDescription());
        assertThat(moved.getPractitionerId()).isEqualTo(booked.getPractitionerId());

        // search finds the new state
        LocalDate day = Fixtures.DAY.toLocalDate();
        AppointmentPage page = appointments.searchAppointments(patient, null, AppointmentStatus.BOOKED, day, day,
                null, null, null).getData();
        assertThat(page.getData()).containsExactly(moved);
        assertThat(page.getTotal()).isEqualTo(1);
        assertThat(page.getHasMore()).isFalse();

        // cancel
        Appointment cancelled = appointments.updateAppointment(booked.getId(),
                new AppointmentUpdate().status(AppointmentStatus.CANCELLED).cancelationReason("Patient is ill"),
                null, null).getData();
        assertThat(cancelled.getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.getVersion()).isEqualTo(3);
        assertThat(appointments.searchAppointments(patient, null, AppointmentStatus.BOOKED, null, null, null, null, null)
                .getData().getTotal()).isZero();

        // delete
        ApiResponse<Void> deleted = appointments.deleteAppointmentWithHttpInfo(booked.getId(), null, null);
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(GeneratedClient.rejection(() -> appointments.getAppointment(booked.getId())).errorCode())
                .hasValue(ErrorCode.NOT_FOUND.name());
        assertThat(appointments.searchAppointments(patient, null, null, null, null, null, null, null)
                .getData().getTotal()).isZero();
    }

    @Test
    void clearsAFieldBySendingNullAndKeepsTheFieldsItLeavesOut() throws Exception {
        Appointment booked = appointments.createAppointment(
                GeneratedClient.booked(Fixtures.patientId(), Fixtures.DAY.withHour(16), 30), null).getData();
        assertThat(booked.getDescription()).isNotNull();

        // description(null) is sent as "description": null, which clears it under merge-patch semantics
        Appointment cleared = appointments.updateAppointment(booked.getId(),
                new AppointmentUpdate().description(null), null, null).getData();

        assertThat(cleared.getDescription()).isNull();
        assertThat(cleared.getVersion()).isEqualTo(2);
        assertThat(cleared.getStart()).isEqualTo(booked.getStart());
        assertThat(cleared.getPatientId()).isEqualTo(booked.getPatientId());
    }

    @Test
    void keepsTheOffsetAndInstantOfTimesItSends() throws Exception {
        OffsetDateTime inParis = OffsetDateTime.of(2031, 3, 10, 11, 15, 0, 0, ZoneOffset.ofHours(2));

        Appointment booked = appointments.createAppointment(
                GeneratedClient.booked(Fixtures.patientId(), inParis, 20), null).getData();

        // the API answers in UTC: the same instant
        assertThat(booked.getStart().toInstant()).isEqualTo(inParis.toInstant());
        assertThat(booked.getStart().getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void readsTheServiceHealth() throws Exception {
        assertThat(clinik.health().getHealth().getStatus().getValue()).isEqualTo("UP");
    }
}
