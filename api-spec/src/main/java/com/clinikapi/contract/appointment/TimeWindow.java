package com.clinikapi.contract.appointment;

import java.time.OffsetDateTime;

/** A period with both ends, such as one of an appointment's {@code requestedPeriod} windows. */
public record TimeWindow(OffsetDateTime start, OffsetDateTime end) {

    /**
     * Whether the two windows share an instant, both taken as half-open {@code [start, end)}: one that
     * ends exactly when the other starts does not overlap it (back-to-back appointments are fine).
     */
    public boolean overlaps(TimeWindow other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
