package com.clinikapi.mock.testing;

import java.util.concurrent.atomic.AtomicLong;

/** Request bodies the tests send. Values that look like patient data are used to prove none is echoed. */
public final class Bodies {

    private static final AtomicLong PRACTITIONERS = new AtomicLong();

    private Bodies() {
    }

    public static String booked(String patientId, String practitionerId, String start) {
        return """
                {"status": "booked", "patientId": "%s", "practitionerId": "%s",
                 "start": "%s", "minutesDuration": 30}""".formatted(patientId, practitionerId, start);
    }

    /**
     * A booked appointment of a practitioner of its own: it holds that practitioner's time, so any
     * number of them may be created under one key without a scheduling conflict.
     */
    public static String booked() {
        return booked("pat_abc123", uniquePractitioner(), "2026-12-01T09:00:00Z");
    }

    /** A practitioner id no other call returns. */
    public static String uniquePractitioner() {
        return "prac_" + PRACTITIONERS.incrementAndGet();
    }

    public static String proposed(String patientId) {
        return """
                {"status": "proposed", "patientId": "%s",
                 "requestedPeriod": [{"start": "2026-12-02T08:00:00Z", "end": "2026-12-02T12:00:00Z"}]}"""
                .formatted(patientId);
    }
}
