package com.clinikapi.mock.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How times travel on the wire: answered in UTC ({@code Z}), truncated to microseconds (the
 * precision the service's databases store), read as ISO 8601 with an offset.
 */
public final class UtcTimes {

    private UtcTimes() {
    }

    public static OffsetDateTime now(Clock clock) {
        return normalize(OffsetDateTime.now(clock));
    }

    public static OffsetDateTime normalize(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public static String format(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(normalize(time));
    }

    /** The instant of an ISO 8601 date-time with offset; empty if the text is not one. */
    public static Optional<OffsetDateTime> parse(String text) {
        try {
            return Optional.of(normalize(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
