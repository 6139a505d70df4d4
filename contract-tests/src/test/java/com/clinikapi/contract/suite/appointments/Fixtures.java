package com.clinikapi.contract.suite.appointments;

import com.clinikapi.contract.suite.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Request bodies and ids for the example tests. Every test uses its own patient and practitioner
 * ids, so tests never see each other's appointments and the suite runs safely on shared data
 * (a staging deployment) without any reset.
 */
public final class Fixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** A fixed day in the future, so that no date filter meets the clock. */
    public static final OffsetDateTime DAY = OffsetDateTime.of(2031, 3, 10, 0, 0, 0, 0, ZoneOffset.UTC);

    private Fixtures() {
    }

    /** RFC 3339 with seconds always written ({@code OffsetDateTime.toString()} drops zero seconds). */
    public static String iso(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    public static String uniqueId(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append("ct_");
        for (int i = 0; i < 14; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public static String patientId() {
        return uniqueId("pat_");
    }

    public static String practitionerId() {
        return uniqueId("prac_");
    }

    /** A well-formed id that was never issued. */
    public static String unknownAppointmentId() {
        return uniqueId("appt_");
    }

    /** A booked 30-minute appointment at {@code DAY 09:00Z}, end derived from minutesDuration. */
    public static ObjectNode booked(String patientId) {
        return Json.object(
                "status", "booked",
                "patientId", patientId,
                "practitionerId", practitionerId(),
                "start", "2031-03-10T09:00:00Z",
                "minutesDuration", 30,
                "appointmentType", "followup",
                "description", "Follow-up on blood pressure",
                "priority", 0);
    }

    public static ObjectNode bookedAt(String patientId, OffsetDateTime start, int minutes) {
        return Json.object(
                "status", "booked",
                "patientId", patientId,
                "start", iso(start),
                "end", iso(start.plusMinutes(minutes)));
    }

    /** A proposed appointment without times, with two preferred windows. */
    public static ObjectNode proposed(String patientId) {
        ObjectNode body = Json.object("status", "proposed", "patientId", patientId);
        body.putArray("requestedPeriod")
                .add(Json.object("start", "2031-03-11T08:00:00Z", "end", "2031-03-11T12:00:00Z"))
                .add(Json.object("start", "2031-03-12T13:00:00Z", "end", "2031-03-12T17:00:00Z"));
        return body;
    }
}
