package com.clinikapi.server.keys.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code 90d}, {@code 12h}, {@code 30m}, {@code 45s}, or an ISO-8601 duration ({@code P90D}, {@code PT12H}). */
final class PeriodConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([dhms])");

    @Override
    public Duration convert(String value) {
        Matcher shortForm = SHORT.matcher(value.strip());
        Duration period;
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            period = switch (shortForm.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        } else {
            try {
                period = Duration.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("not a period; use e.g. 90d, 12h, 30m or P90D");
            }
        }
        if (period.isNegative() || period.isZero()) {
            throw new TypeConversionException("the period must be positive");
        }
        return period;
    }
}
