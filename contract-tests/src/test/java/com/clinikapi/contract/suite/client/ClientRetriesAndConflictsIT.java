package com.clinikapi.contract.suite.client;

import com.clinikapi.client.ApiResponse;
import com.clinikapi.client.ClinikApiException;
import com.clinikapi.client.api.AppointmentsApi;
import com.clinikapi.client.model.Appointment;
import com.clinikapi.client.model.AppointmentCreate;
import com.clinikapi.client.model.AppointmentResponse;
import com.clinikapi.client.model.AppointmentUpdate;
import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.appointments.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Safe retries ({@code Idempotency-Key}) and optimistic concurrency ({@code If-Match}) through the generated client. */
class ClientRetriesAndConflictsIT {

    private final AppointmentsApi appointments = GeneratedClient.forTarget().appointments();

    @Test
    void aCreateRetriedWithTheSameIdempotencyKeyReplaysTheFirstAnswer() throws Exception {
        String patient = Fixtures.patientId();
        AppointmentCreate booking = GeneratedClient.booked(patient, Fixtures.DAY.withHour(10), 30);
        String key = UUID.randomUUID().toString();

        ApiResponse<AppointmentResponse> first = appointments.createAppointmentWithHttpInfo(booking, key);
        ApiResponse<AppointmentResponse> retry = appointments.createAppointmentWithHttpInfo(booking, key);

        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getData().getData().getId()).isEqualTo(first.getData().getData().getId());
        assertThat(retry.getHeaders().get(ApiHeaders.IDEMPOTENT_REPLAYED)).containsExactly("true");
        assertThat(first.getHeaders()).doesNotContainKey(ApiHeaders.IDEMPOTENT_REPLAYED);
        assertThat(appointments.searchAppointments(patient, null, null, null, null, null, null, null)
                .getData().getTotal()).isEqualTo(1);
    }

    @Test
    void anUpdateRetriedWithTheSameIdempotencyKeyIsAppliedOnce() throws Exception {
        String id = appointments.createAppointment(GeneratedClient.booked(Fixtures.patientId(), Fixtures.DAY.withHour(11), 30), null)
                .getData().getId();
        AppointmentUpdate note = new AppointmentUpdate().comment("Bring the referral letter");
        String key = UUID.randomUUID().toString();

        Appointment first = appointments.updateAppointment(id, note, null, key).getData();
        ApiResponse<AppointmentResponse> retry = appointments.updateAppointmentWithHttpInfo(id, note, null, key);

        assertThat(retry.getData().getData()).isEqualTo(first);
        assertThat(retry.getData().getData().getVersion()).isEqualTo(2);
        assertThat(retry.getHeaders().get(ApiHeaders.IDEMPOTENT_REPLAYED)).containsExactly("true");
    }

    @Test
    void anUpdateWithAStaleIfMatchIsAVersionConflictAndChangesNothing() throws Exception {
        ApiResponse<AppointmentResponse> created = appointments.createAppointmentWithHttpInfo(
                GeneratedClient.booked(Fixtures.patientId(), Fixtures.DAY.withHour(12), 30), null);
        String id = created.getData().getData().getId();
        String readTag = created.getHeaders().get(ApiHeaders.ETAG).get(0);
        // someone else changes it meanwhile
        appointments.updateAppointment(id, new AppointmentUpdate().comment("Changed at the front desk"), readTag, null);

        ClinikApiException conflict = GeneratedClient.rejection(() -> appointments.updateAppointment(id,
                new AppointmentUpdate().comment("Changed by the partner"), readTag, null));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorCode()).hasValue(ErrorCode.VERSION_CONFLICT.name());
        assertThat(conflict.requestId()).hasValueSatisfying(r -> assertThat(r).startsWith("req_"));
        assertThat(conflict.issues()).isNotEmpty();
        assertThat(conflict.getMessage()).contains("updateAppointment", "409", "VERSION_CONFLICT")
                .doesNotContain("Changed by the partner");
        Appointment current = appointments.getAppointment(id).getData();
        assertThat(current.getComment()).isEqualTo("Changed at the front desk");
        assertThat(current.getVersion()).isEqualTo(2);
    }

    @Test
    void aDeleteWithAStaleIfMatchIsAVersionConflict() throws Exception {
        String id = appointments.createAppointment(GeneratedClient.booked(Fixtures.patientId(), Fixtures.DAY.withHour(13), 30), null)
                .getData().getId();
        appointments.updateAppointment(id, new AppointmentUpdate().priority(3), null, null);

        ClinikApiException conflict = GeneratedClient.rejection(() -> appointments.deleteAppointment(id, "\"1\"", null));

        assertThat(conflict.errorCode()).hasValue(ErrorCode.VERSION_CONFLICT.name());
        assertThat(appointments.getAppointment(id).getData().getVersion()).isEqualTo(2);
    }
}
