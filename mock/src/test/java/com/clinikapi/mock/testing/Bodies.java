package com.clinikapi.mock.testing;

/** Request bodies the tests send. Values that look like patient data are used to prove none is echoed. */
public final class Bodies {

    private Bodies() {
    }

    public static String booked(String patientId, String practitionerId, String start) {
        return """
                {"status": "booked", "patientId": "%s", "practitionerId": "%s",
                 "start": "%s", "minutesDuration": 30}""".formatted(patientId, practitionerId, start);
    }

    public static String booked() {
        return booked("pat_abc123", "prac_def456", "2026-12-01T09:00:00Z");
    }

    public static String proposed(String patientId) {
        return """
                {"status": "proposed", "patientId": "%s",
                 "requestedPeriod": [{"start": "2026-12-02T08:00:00Z", "end": "2026-12-02T12:00:00Z"}]}"""
                .formatted(patientId);
    }
}
