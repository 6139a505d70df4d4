package com.clinikapi.mock.store;

import com.clinikapi.contract.appointment.AppointmentStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;

/**
 * One appointment as the mock keeps it: the document it answers (never changed once stored; an
 * update stores a new one) and the values searches filter and sort on.
 */
public record StoredAppointment(
        String id,
        ObjectNode document,
        String patientId,
        String practitionerId,
        AppointmentStatus status,
        OffsetDateTime start,
        OffsetDateTime end,
        OffsetDateTime created) {
}
