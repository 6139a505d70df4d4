package com.clinikapi.mock.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Well-formed API keys the mock answers with an error every time, so partners can exercise their
 * error handling. Every other well-formed key ({@code clk_test_…} or {@code clk_live_…}, 8 to 128
 * URL-safe characters after the prefix) is accepted and gets its own empty sandbox.
 */
public final class ReservedKeys {

    /** Answered {@code 401 INVALID_KEY}, as the service answers a key it does not know. */
    public static final String UNKNOWN = "clk_test_mock_unknown_key";
    /** Answered {@code 401 KEY_REVOKED}. */
    public static final String REVOKED = "clk_test_mock_revoked_key";
    /** Answered {@code 401 KEY_EXPIRED}. */
    public static final String EXPIRED = "clk_test_mock_expired_key";
    /** May read (GET) but every write is {@code 403 INSUFFICIENT_SCOPE}. */
    public static final String READ_ONLY = "clk_test_mock_read_only_key";
    /** Every request is {@code 429 RATE_LIMITED} with {@code Retry-After}. */
    public static final String RATE_LIMITED = "clk_test_mock_rate_limited_key";

    private ReservedKeys() {
    }

    /** Each reserved key with what it does, for the admin API and the docs. */
    public static Map<String, String> describe() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(UNKNOWN, "401 INVALID_KEY on every request");
        keys.put(REVOKED, "401 KEY_REVOKED on every request");
        keys.put(EXPIRED, "401 KEY_EXPIRED on every request");
        keys.put(READ_ONLY, "reads work; POST, PATCH and DELETE are 403 INSUFFICIENT_SCOPE");
        keys.put(RATE_LIMITED, "429 RATE_LIMITED with Retry-After on every request");
        return keys;
    }
}
