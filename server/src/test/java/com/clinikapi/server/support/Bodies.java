package com.clinikapi.server.support;

/** Request bodies the tests send, as JSON text: what goes over the wire is exactly what is read here. */
public final class Bodies {

    private Bodies() {
    }

    /** A booked 30-minute appointment starting at {@code start}. */
    public static String booked(String patientId, String start) {
        return """
                {"status":"booked","patientId":"%s","practitionerId":"prac_def456","start":"%s","minutesDuration":30}
                """.formatted(patientId, start);
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
