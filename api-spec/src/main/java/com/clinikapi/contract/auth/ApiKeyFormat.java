package com.clinikapi.contract.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a well-formed API key looks like: {@code clk_live_} or {@code clk_test_} followed by 8 to 128
 * URL-safe characters. Anything else is answered {@code INVALID_KEY_FORMAT} before any lookup.
 */
public final class ApiKeyFormat {

    private static final Pattern WELL_FORMED = Pattern.compile("clk_(live|test)_[A-Za-z0-9_-]{8,128}");

    private ApiKeyFormat() {
    }

    /** The mode of a well-formed key, or empty when the key is malformed. */
    public static Optional<Mode> modeOf(String key) {
        if (key == null || !WELL_FORMED.matcher(key).matches()) {
            return Optional.empty();
        }
        return Optional.of(key.startsWith(Mode.LIVE.keyPrefix()) ? Mode.LIVE : Mode.TEST);
    }

    /** How many characters of a key after its mode prefix may be shown. */
    public static final int VISIBLE_CHARACTERS = 4;

    /**
     * The non-secret part of a key that may be shown and logged: the mode prefix and the next four
     * characters, e.g. {@code clk_test_loca…}.
     */
    public static String displayPrefix(String key) {
        return prefix(key) + "…";
    }

    /**
     * {@link #displayPrefix} without the ellipsis, e.g. {@code clk_test_loca}: what a key store may
     * keep in clear to find a key's candidates and to name it to operators.
     */
    public static String prefix(String key) {
        int visible = Math.min(key.length(), Mode.TEST.keyPrefix().length() + VISIBLE_CHARACTERS);
        return key.substring(0, visible);
    }
}
