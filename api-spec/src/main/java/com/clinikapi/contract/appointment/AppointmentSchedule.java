package com.clinikapi.contract.appointment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The part of an appointment the business rules reason about: its status, its times and why it was
 * cancelled. Server and mock map their own representations to this to apply {@link AppointmentRules}.
 */
public record AppointmentSchedule(
        AppointmentStatus status,
        OffsetDateTime start,
        OffsetDateTime end,
        Integer minutesDuration,
        String cancelationReason,
        List<TimeWindow> requestedPeriod) {

    public AppointmentSchedule {
        Objects.requireNonNull(status, "status");
        requestedPeriod = requestedPeriod == null ? List.of() : List.copyOf(requestedPeriod);
    }

    public AppointmentSchedule withEnd(OffsetDateTime newEnd) {
        return new AppointmentSchedule(status, start, newEnd, minutesDuration, cancelationReason, requestedPeriod);
    }
}
