package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.suite.http.ApiResponse;
import com.clinikapi.contract.suite.http.ContractClient;
import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls the tests make as given/when steps, each asserting the success it relies on. */
public final class Appointments {

    public static final String COLLECTION = "/v1/appointments";

    private final ContractClient api;

    public Appointments(ContractClient api) {
        this.api = api;
    }

    public static String path(String id) {
        return COLLECTION + "/" + id;
    }

    /** Creates and returns the stored appointment ({@code data}). */
    public JsonNode create(JsonNode body) {
        ApiResponse response = api.post(COLLECTION).json(body).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.data();
    }

    public JsonNode read(String id) {
        ApiResponse response = api.get(path(id)).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.data();
    }

    public JsonNode update(String id, JsonNode patch) {
        ApiResponse response = api.patch(path(id)).json(patch).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.data();
    }

    public void delete(String id) {
        ApiResponse response = api.delete(path(id)).send();
        assertThat(response.status()).as("%s", response).isEqualTo(204);
    }

    /** A search by patient (tests' appointments are per patient), with extra parameters as name/value pairs. */
    public JsonNode searchByPatient(String patientId, Object... namesAndValues) {
        var call = api.get(COLLECTION).query("patientId", patientId);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            call.query((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        ApiResponse response = call.send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.data();
    }
}
