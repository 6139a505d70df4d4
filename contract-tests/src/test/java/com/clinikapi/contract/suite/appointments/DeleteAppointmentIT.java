package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.target.KnownDefects;
import com.clinikapi.contract.suite.target.Targets;
import org.junit.jupiter.api.Test;

import static com.clinikapi.contract.suite.appointments.Rejections.assertRejected;
import static com.clinikapi.contract.suite.appointments.Rejections.assertRejectedNaming;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code DELETE /v1/appointments/{id}}. */
class DeleteAppointmentIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    @Test
    void deletesForGoodWithNoContent() {
        String patient = Fixtures.patientId();
        String id = appointments.create(Fixtures.booked(patient)).path("id").asText();

        ApiResponse response = api.delete(Appointments.path(id)).send();

        assertThat(response.status()).as("%s", response).isEqualTo(204);
        assertThat(response.hasBody()).isFalse();
        assertRejected(api.get(Appointments.path(id)).send(), ErrorCode.NOT_FOUND);
        assertThat(appointments.searchByPatient(patient).path("total").asLong()).isZero();
    }

    @Test
    void answersNotFoundTheSecondTime() {
        String id = appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();
        appointments.delete(id);

        assertRejected(api.delete(Appointments.path(id)).send(), ErrorCode.NOT_FOUND);
    }

    @Test
    void answersNotFoundForAnIdNeverIssued() {
        assertRejected(api.delete(Appointments.path(Fixtures.unknownAppointmentId())).send(), ErrorCode.NOT_FOUND);
    }

    @Test
    void refusesAnIdOutsideTheIdAlphabet() {
        assertRejectedNaming(api.delete(Appointments.path("appt%2Bx%3D")).send(), ErrorCode.INVALID_PARAMETER, "id");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"application/json", "application/fhir+json", "text/plain"})
    void ignoresABodySentWithTheDelete(String contentType) {
        KnownDefects.SERVER_DELETE_WITH_BODY_415.skipIfOpen();
        String id = appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();

        ApiResponse response = api.delete(Appointments.path(id)).contentType(contentType).body("{}").send();

        assertThat(response.status()).as("%s", response).isEqualTo(204);
    }

    @Test
    void leavesOtherAppointmentsAlone() {
        String patient = Fixtures.patientId();
        String kept = appointments.create(Fixtures.booked(patient)).path("id").asText();
        String deleted = appointments.create(Fixtures.booked(patient)).path("id").asText();

        appointments.delete(deleted);

        assertThat(appointments.read(kept).path("id").asText()).isEqualTo(kept);
    }
}
