package com.clinikapi.server.support;

import java.util.UUID;

/** Request bodies the tests send, as JSON text: what goes over the wire is exactly what is read here. */
public final class Bodies {

    private Bodies() {
    }

    /**
     * A booked 30-minute appointment starting at {@code start}, with a practitioner of its own: it
     * holds that practitioner's time, so two of them never overlap (no double booking).
     */
    public static String booked(String patientId, String start) {
        return booked(patientId, uniquePractitioner(), start);
    }

    /** A booked 30-minute appointment of this practitioner starting at {@code start}. */
    public static String booked(String patientId, String practitionerId, String start) {
        return """
                {"status":"booked","patientId":"%s","practitionerId":"%s","start":"%s","minutesDuration":30}
                """.formatted(patientId, practitionerId, start);
    }

    /** A practitioner id no other test uses, so that a test's bookings meet only its own. */
    public static String uniquePractitioner() {
        return "prac_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static String booked(String patientId) {
        return booked(patientId, "2026-12-01T09:00:00Z");
    }

    /** A proposed appointment without times. */
    public static String proposed(String patientId) {
        return """
                {"status":"proposed","patientId":"%s"}
                """.formatted(patientId);
    }
}
