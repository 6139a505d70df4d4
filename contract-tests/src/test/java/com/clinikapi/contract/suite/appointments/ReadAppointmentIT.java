package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.ApiMediaTypes;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.clinikapi.contract.suite.appointments.Rejections.assertRejected;
import static com.clinikapi.contract.suite.appointments.Rejections.assertRejectedNaming;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/appointments/{id}}. */
class ReadAppointmentIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    @Test
    void readsBackWhatWasCreated() {
        JsonNode created = appointments.create(Fixtures.booked(Fixtures.patientId()));

        JsonNode read = appointments.read(created.path("id").asText());

        assertThat(read).isEqualTo(created);
    }

    @Test
    void answersFhirJsonWhenAskedForIt() {
        String id = appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();

        ApiResponse response = api.get(Appointments.path(id)).accept(ApiMediaTypes.FHIR_JSON).send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo(ApiMediaTypes.FHIR_JSON);
    }

    @Test
    void answersWithoutAnAcceptHeader() {
        String id = appointments.create(Fixtures.booked(Fixtures.patientId())).path("id").asText();

        ApiResponse response = api.get(Appointments.path(id)).accept(null).send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    @Test
    void answersNotFoundForAnIdNeverIssued() {
        ApiResponse response = api.get(Appointments.path(Fixtures.unknownAppointmentId())).send();

        assertRejected(response, ErrorCode.NOT_FOUND);
        assertThat(response.issues()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"appt%24abc", "appt%20abc", "%C3%A9t%C3%A9", "appt~1"})
    void refusesAnIdOutsideTheIdAlphabet(String encodedId) {
        ApiResponse response = api.get(Appointments.path(encodedId)).send();

        assertRejectedNaming(response, ErrorCode.INVALID_PARAMETER, "id");
    }

    @Test
    void refusesAnIdLongerThan128Characters() {
        ApiResponse response = api.get(Appointments.path("a".repeat(129))).send();

        assertRejectedNaming(response, ErrorCode.INVALID_PARAMETER, "id");
    }

    @Test
    void acceptsAnIdOf128CharactersAndAnswersNotFound() {
        ApiResponse response = api.get(Appointments.path("a".repeat(128))).send();

        assertRejected(response, ErrorCode.NOT_FOUND);
    }
}
