package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.ApiMediaTypes;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static com.clinikapi.contract.suite.appointments.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/** The flows a partner integration runs from start to end, as the official TypeScript client sends them. */
class PartnerFlowIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    @Test
    void createReadUpdateSearchCancelDelete() {
        String patient = Fixtures.patientId();

        // create
        JsonNode created = appointments.create(Fixtures.booked(patient));
        String id = created.path("id").asText();
        // read
        assertThat(appointments.read(id)).isEqualTo(created);
        // update: reschedule
        JsonNode moved = appointments.update(id, Json.object("start", "2031-03-10T14:00:00Z", "minutesDuration", 45));
        assertThat(moved.path("version").asLong()).isEqualTo(2);
        assertThat(moved.path("end").asText()).isNotEqualTo(created.path("end").asText());
        // search finds the new state
        JsonNode page = appointments.searchByPatient(patient, "status", "booked", "dateFrom", "2031-03-10", "dateTo", "2031-03-10");
        assertThat(SearchAppointmentsIT.items(page)).containsExactly(moved);
        // cancel
        JsonNode cancelled = appointments.update(id, Json.object("status", "cancelled", "cancelationReason", "Patient is ill"));
        assertThat(cancelled.path("version").asLong()).isEqualTo(3);
        assertThat(appointments.searchByPatient(patient, "status", "booked").path("total").asLong()).isZero();
        assertThat(SearchAppointmentsIT.ids(appointments.searchByPatient(patient, "status", "cancelled"))).containsExactly(id);
        // delete
        appointments.delete(id);
        assertRejected(api.get(Appointments.path(id)).send(), ErrorCode.NOT_FOUND);
        assertThat(appointments.searchByPatient(patient).path("total").asLong()).isZero();
    }

    @Test
    void theTypeScriptClientsWayOfTalking() {
        String patient = Fixtures.patientId();

        ApiResponse created = api.post(Appointments.COLLECTION)
                .accept(ApiMediaTypes.FHIR_JSON).contentType(ApiMediaTypes.FHIR_JSON)
                .json(Fixtures.booked(patient)).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("x-request-id")).isPresent();
        assertThat(created.header("x-timestamp")).isPresent();
        assertThat(created.header("x-ratelimit-limit")).isPresent();

        ApiResponse patched = api.patch(Appointments.path(created.id()))
                .accept(ApiMediaTypes.FHIR_JSON).contentType(ApiMediaTypes.JSON_PATCH_JSON)
                .json(Json.object("patientInstruction", "Fast for 8 hours")).send();
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.data().path("patientInstruction").asText()).isEqualTo("Fast for 8 hours");

        ApiResponse searched = api.get(Appointments.COLLECTION).accept(ApiMediaTypes.FHIR_JSON)
                .query("patientId", patient).send();
        assertThat(SearchAppointmentsIT.ids(searched.data())).containsExactly(created.id());

        ApiResponse invalid = api.post(Appointments.COLLECTION)
                .accept(ApiMediaTypes.FHIR_JSON).contentType(ApiMediaTypes.FHIR_JSON)
                .json(Json.object("status", "booked")).send();
        assertRejected(invalid, ErrorCode.VALIDATION_ERROR);
        assertThat(invalid.issues()).isNotEmpty();
    }
}
