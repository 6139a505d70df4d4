package com.clinikapi.contract.appointment;

import java.time.OffsetDateTime;

/** A period with both ends, such as one of an appointment's {@code requestedPeriod} windows. */
public record TimeWindow(OffsetDateTime start, OffsetDateTime end) {
}
