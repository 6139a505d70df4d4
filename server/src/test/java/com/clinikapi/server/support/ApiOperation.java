package com.clinikapi.server.support;

/**
 * The five {@code /v1} operations, each as a call on one existing appointment (search looks for its
 * patient), so that a test can state "every operation" once and run it for each.
 */
public enum ApiOperation {
    CREATE(true) {
        @Override
        public Api.Call on(Api api, String id, String patientId) {
            return api.post("/v1/appointments", Bodies.booked(patientId));
        }
    },
    READ(false) {
        @Override
        public Api.Call on(Api api, String id, String patientId) {
            return api.get("/v1/appointments/" + id);
        }
    },
    UPDATE(true) {
        @Override
        public Api.Call on(Api api, String id, String patientId) {
            return api.patch("/v1/appointments/" + id, "{\"priority\": 7}");
        }
    },
    DELETE(true) {
        @Override
        public Api.Call on(Api api, String id, String patientId) {
            return api.delete("/v1/appointments/" + id);
        }
    },
    SEARCH(false) {
        @Override
        public Api.Call on(Api api, String id, String patientId) {
            return api.get("/v1/appointments?patientId=" + patientId);
        }
    };

    private final boolean changes;

    ApiOperation(boolean changes) {
        this.changes = changes;
    }

    /** Whether the operation changes data (and so needs {@code appointments:write}). */
    public boolean changes() {
        return changes;
    }

    /** The call, not yet sent, on appointment {@code id} of patient {@code patientId}. */
    public abstract Api.Call on(Api api, String id, String patientId);
}
