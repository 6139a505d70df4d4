package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;
import com.clinikapi.contract.suite.target.KeyRole;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static com.clinikapi.contract.suite.appointments.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Another tenant's appointment does not exist for you: 404 on every operation, absent from searches. */
class TenantIsolationIT {

    private final ContractClient api = Targets.client();
    private final Appointments appointments = new Appointments(api);

    @Test
    void hidesAnAppointmentFromAnotherTenantOnEveryOperation() {
        String otherKey = Targets.current().requireKey(KeyRole.OTHER_TENANT);
        String patient = Fixtures.patientId();
        JsonNode mine = appointments.create(Fixtures.booked(patient));
        String id = mine.path("id").asText();

        assertRejected(api.get(Appointments.path(id)).key(otherKey).send(), ErrorCode.NOT_FOUND);
        assertRejected(api.patch(Appointments.path(id)).key(otherKey).json(Json.object("comment", "not yours")).send(),
                ErrorCode.NOT_FOUND);
        assertRejected(api.delete(Appointments.path(id)).key(otherKey).send(), ErrorCode.NOT_FOUND);
        ApiResponse search = api.get(Appointments.COLLECTION).key(otherKey).query("patientId", patient).send();
        assertThat(search.data().path("total").asLong()).isZero();

        assertThat(appointments.read(id)).as("untouched by the other tenant").isEqualTo(mine);
    }

    @Test
    void keepsEachTenantsAppointmentsForThePatientSeparate() {
        String otherKey = Targets.current().requireKey(KeyRole.OTHER_TENANT);
        String patient = Fixtures.patientId();
        String mine = appointments.create(Fixtures.booked(patient)).path("id").asText();
        ApiResponse theirs = api.post(Appointments.COLLECTION).key(otherKey).json(Fixtures.booked(patient)).send();
        assertThat(theirs.status()).as("%s", theirs).isEqualTo(201);

        assertThat(SearchAppointmentsIT.ids(appointments.searchByPatient(patient))).containsExactly(mine);
        assertThat(SearchAppointmentsIT.ids(api.get(Appointments.COLLECTION).key(otherKey).query("patientId", patient)
                .send().data())).containsExactly(theirs.id());
    }
}
