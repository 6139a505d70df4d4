package com.clinikapi.contract.appointment;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dates and date-times the API takes and answers: RFC 3339 text with a four-digit year whose
 * UTC instant lies from {@link #EARLIEST} to {@link #LATEST}, the maximum supported instant.
 * {@code java.time} reads far more ({@code +300000-01-01}, {@code +999999999-12-31}) and a valid
 * {@code 9999-12-31T23:59:59-18:00} is {@code +10000-01-01T17:59:59Z} in UTC, which RFC 3339 cannot
 * write and which overflowed the service's sort keys into a 500. Both the service and the mock read
 * every date query parameter and every body date-time here, and answer every date-time with
 * {@link #format}, so they refuse and write the same values.
 *
 * <p>A query date that is not one is {@code 400 INVALID_PARAMETER}, a body date-time
 * {@code 422 VALIDATION_ERROR}, each issue naming the parameter or field and never the value.
 */
public final class SupportedTimes {

    /** The first day a query date may name. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    /** The last day a query date may name. */
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    /** The earliest supported instant, {@code 0001-01-01T00:00:00Z}. */
    public static final Instant EARLIEST = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    /** The maximum supported instant, {@code 9999-12-31T23:59:59.999999999Z}. */
    public static final Instant LATEST = LAST_DAY.atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC);

    /** RFC 3339 {@code full-date}: the year has exactly four digits, no sign. */
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /**
     * RFC 3339 {@code date-time}, seconds required, an offset required; at most nine fraction digits
     * (what an instant holds). A leap second ({@code :60}) fails to parse: no instant can hold it.
     */
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    /** Always writes the seconds, unlike {@code OffsetDateTime.toString()}; {@code Z} for UTC. */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private SupportedTimes() {
    }

    /**
     * A date query parameter ({@code dateFrom}, {@code dateTo}): null when absent, else the day.
     *
     * @throws ApiException {@code INVALID_PARAMETER} naming {@code parameter} when the text is not a
     *                      supported day
     */
    public static LocalDate queryDate(String parameter, String text) {
        if (text == null) {
            return null;
        }
        LocalDate day = parseDate(text).orElseThrow(() -> ApiException.invalidParameter(SchemaViolations.date(parameter)));
        requireSupported(parameter, day);
        return day;
    }

    /**
     * Refuses a day outside {@link #FIRST_DAY}..{@link #LAST_DAY} with {@code INVALID_PARAMETER} on
     * {@code parameter}; null passes.
     */
    public static void requireSupported(String parameter, LocalDate day) {
        if (day != null && !isSupported(day)) {
            throw ApiException.invalidParameter(dayOutOfRange(parameter));
        }
    }

    /** The issue for the date parameter or field {@code name} with this text, if it is not a supported day. */
    public static Optional<ValidationIssue> checkDate(String name, String text) {
        Optional<LocalDate> day = parseDate(text);
        if (day.isEmpty()) {
            return Optional.of(SchemaViolations.date(name));
        }
        return isSupported(day.get()) ? Optional.empty() : Optional.of(dayOutOfRange(name));
    }

    /**
     * The issue for the body date-time {@code field} with this text, if it is not RFC 3339 or its UTC
     * instant is not supported; for a value already checked, {@link #parseDateTime} is the reading.
     */
    public static Optional<ValidationIssue> checkDateTime(String field, String text) {
        Optional<OffsetDateTime> time = parseRfc3339(text);
        if (time.isEmpty()) {
            return Optional.of(SchemaViolations.dateTime(field));
        }
        return isSupported(time.get()) ? Optional.empty() : Optional.of(instantOutOfRange(field));
    }

    /** A {@code YYYY-MM-DD} calendar day of any year of four digits; empty if the text is not one. */
    static Optional<LocalDate> parseDate(String text) {
        if (text == null || !FULL_DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text)); // ISO_LOCAL_DATE resolves strictly: no February 30th
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A supported date-time as sent (its offset kept); empty if the text is not one. */
    public static Optional<OffsetDateTime> parseDateTime(String text) {
        return parseRfc3339(text).filter(SupportedTimes::isSupported);
    }

    private static Optional<OffsetDateTime> parseRfc3339(String text) {
        if (text == null || !DATE_TIME.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), RFC_3339));
        } catch (DateTimeException e) {
            return Optional.empty(); // a day or time that does not exist, a leap second, an offset past ±18:00
        }
    }

    /** {@code dateFrom: must be from 0001-01-01 to 9999-12-31}. */
    public static ValidationIssue dayOutOfRange(String name) {
        return ValidationIssue.value(name, "must be from " + FIRST_DAY + " to " + LAST_DAY);
    }

    /** {@code start: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z in UTC}. */
    public static ValidationIssue instantOutOfRange(String field) {
        return ValidationIssue.value(field, "must be from " + EARLIEST + " to " + LATEST + " in UTC");
    }

    public static boolean isSupported(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    public static boolean isSupported(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public static boolean isSupported(OffsetDateTime time) {
        return isSupported(time.toInstant());
    }

    /**
     * The RFC 3339 text of a supported instant as the API answers it: UTC ({@code Z}), four-digit year,
     * seconds always written, a fraction only when there is one.
     *
     * @throws IllegalArgumentException for an instant outside the supported range, which the API
     *                                  never stores because it never accepts one
     */
    public static String format(Instant instant) {
        if (!isSupported(instant)) {
            throw new IllegalArgumentException("an instant outside the supported range");
        }
        return RFC_3339.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** {@link #format(Instant)} of this date-time's instant. */
    public static String format(OffsetDateTime time) {
        return format(time.toInstant());
    }
}
