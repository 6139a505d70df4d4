package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.suite.http.ApiCall;
import com.clinikapi.contract.suite.http.ContractClient;
import com.clinikapi.contract.suite.http.Json;

import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A well-formed request for each of the five appointment operations, for the tests that must hold
 * for every operation alike (auth, headers, tenant isolation).
 */
public enum Operations {
    CREATE((api, id) -> api.post(Appointments.COLLECTION).json(Fixtures.booked(Fixtures.patientId()))),
    READ((api, id) -> api.get(Appointments.path(id))),
    UPDATE((api, id) -> api.patch(Appointments.path(id)).json(Json.object("comment", "Updated by the contract suite"))),
    DELETE((api, id) -> api.delete(Appointments.path(id))),
    SEARCH((api, id) -> api.get(Appointments.COLLECTION).query("patientId", Fixtures.patientId()));

    private final BiFunction<ContractClient, String, ApiCall> request;

    Operations(BiFunction<ContractClient, String, ApiCall> request) {
        this.request = request;
    }

    /** The request, against the appointment {@code id} where the operation takes one. */
    public ApiCall request(ContractClient api, String id) {
        return request.apply(api, id);
    }

    public boolean writes() {
        return this == CREATE || this == UPDATE || this == DELETE;
    }

    public boolean takesId() {
        return this == READ || this == UPDATE || this == DELETE;
    }

    public static Stream<Operations> all() {
        return Stream.of(values());
    }
}
