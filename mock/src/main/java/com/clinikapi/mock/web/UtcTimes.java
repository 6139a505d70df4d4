package com.clinikapi.mock.web;

import com.clinikapi.contract.appointment.SupportedTimes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How times travel on the wire: answered in UTC ({@code Z}), truncated to microseconds (the
 * precision the service's databases store), read as RFC 3339 with an offset within the supported
 * instants ({@link SupportedTimes}).
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

    /** RFC 3339 in UTC with a four-digit year, as {@link SupportedTimes#format} writes every answered date-time. */
    public static String format(OffsetDateTime time) {
        return SupportedTimes.format(normalize(time));
    }

    /**
     * The instant of an RFC 3339 date-time within the supported instants ({@link SupportedTimes});
     * empty if the text is not one.
     */
    public static Optional<OffsetDateTime> parse(String text) {
        return SupportedTimes.parseDateTime(text).map(UtcTimes::normalize);
    }
}
