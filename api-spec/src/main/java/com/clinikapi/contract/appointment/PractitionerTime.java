package com.clinikapi.contract.appointment;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.IssueType;
import com.clinikapi.contract.error.ValidationIssue;

import java.util.List;
import java.util.Optional;

/**
 * The no-double-booking rule: an appointment whose status holds its practitioner's time
 * ({@link AppointmentStatus#holdsPractitionerTime()}) occupies {@code [start, end)} of that
 * practitioner, and two such appointments of one practitioner (in one tenant and mode) must not
 * overlap. Server and mock decide with these methods and refuse with {@link #conflictWith}; the
 * server's database enforces the same rule (see the server's {@code V3} migration).
 */
public final class PractitionerTime {

    private PractitionerTime() {
    }

    /**
     * The window of the practitioner's time this appointment holds: present only when its status
     * holds time and it has a practitioner, a start and an end.
     */
    public static Optional<TimeWindow> heldWindow(String practitionerId, AppointmentSchedule schedule) {
        if (practitionerId == null || !schedule.status().holdsPractitionerTime()
                || schedule.start() == null || schedule.end() == null) {
            return Optional.empty();
        }
        return Optional.of(new TimeWindow(schedule.start(), schedule.end()));
    }

    /**
     * 409 {@code SCHEDULING_CONFLICT}, its issue on {@code start} naming the appointment already
     * holding the time (ids are opaque, never patient data).
     *
     * @param appointmentId the conflicting appointment; null only if it could not be identified
     */
    public static ApiException conflictWith(String appointmentId) {
        String constraint = appointmentId == null
                ? "overlaps another appointment holding the same practitioner's time"
                : "overlaps appointment " + appointmentId + ", which holds the same practitioner's time";
        return new ApiException(ErrorCode.SCHEDULING_CONFLICT,
                List.of(new ValidationIssue(IssueType.CONFLICT, "start", constraint)));
    }
}
