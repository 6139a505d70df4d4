package com.clinikapi.mock.conformance;

import java.time.OffsetDateTime;

/**
 * One request that broke the contract, as it happens: told to the {@link ConformanceRecorder}'s
 * listeners (the JUnit extension's strict mode) on the thread that served it.
 *
 * @param apiKey the key it carried, if the key check accepted it; null otherwise. In process only:
 *               it is never written out.
 */
public record ContractBreak(String apiKey, Finding finding, String requestId, OffsetDateTime at) {

    /** {@code createAppointment (POST /v1/appointments): 422 VALIDATION_ERROR priority: …, request req_…}. */
    public String describe() {
        return finding + ", request " + requestId;
    }
}
