package com.clinikapi.mock.scenario;

import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ValidationIssue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the scenario a request asks for from its {@code Prefer} header (RFC 7240, in the spirit of
 * Prism): {@code code=429}, {@code example=booked}, {@code delay=1500}, {@code fault=reset},
 * {@code retry-after=2}, separated by commas or semicolons. Preferences the mock does not know are
 * ignored, as RFC 7240 asks; a known one with a bad value is {@code 400 INVALID_PARAMETER}.
 */
public final class PreferHeader {

    public static final String NAME = "Prefer";
    public static final int MAX_DELAY_MILLIS = 60_000;
    public static final int MAX_RETRY_AFTER_SECONDS = 3_600;

    private static final Pattern EXAMPLE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private PreferHeader() {
    }

    /** The scenario; {@link Scenario#NONE} for a missing header or one without known preferences. */
    public static Scenario parse(String header) {
        if (header == null || header.isBlank()) {
            return Scenario.NONE;
        }
        Integer status = null;
        String example = null;
        int delay = 0;
        ConnectionFault fault = null;
        Integer retryAfter = null;
        for (String token : header.split("[,;]")) {
            int equals = token.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = token.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = unquote(token.substring(equals + 1).trim());
            switch (name) {
                case "code" -> status = number(value, 100, 599, "code must be an HTTP status code");
                case "example" -> example = exampleName(value);
                case "delay" -> delay = number(value, 0, MAX_DELAY_MILLIS,
                        "delay must be between 0 and " + MAX_DELAY_MILLIS + " milliseconds");
                case "fault" -> fault = ConnectionFault.fromWire(value)
                        .orElseThrow(() -> invalid("fault must be one of reset, empty, garbage"));
                case "retry-after" -> retryAfter = number(value, 0, MAX_RETRY_AFTER_SECONDS,
                        "retry-after must be between 0 and " + MAX_RETRY_AFTER_SECONDS + " seconds");
                default -> {
                    // not ours (e.g. return=minimal): ignored
                }
            }
        }
        return new Scenario(status, example, delay, fault, retryAfter);
    }

    private static String exampleName(String value) {
        if (!EXAMPLE_NAME.matcher(value).matches()) {
            throw invalid("example must name an example of the spec");
        }
        return value;
    }

    private static int number(String value, int min, int max, String constraint) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, without the value
        }
        throw invalid(constraint);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    static ApiException invalid(String constraint) {
        return ApiException.invalidParameter(ValidationIssue.value(NAME, constraint));
    }
}
