package com.clinikapi.server.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The API keys of the test servers: the embedded default's dev key, plus a second tenant, the dev
 * tenant's live key, a read-only key, a revoked and an expired key.
 */
public final class TestKeys {

    /** Tenant {@code dev}, test mode: the embedded default's key (from application.yml). */
    public static final String DEV_TEST = "clk_test_localdevkey";
    /** Tenant {@code dev}, live mode. */
    public static final String DEV_LIVE = "clk_live_devlivekey01";
    /** Tenant {@code other}, test mode. */
    public static final String OTHER_TENANT = "clk_test_othertenant01";
    /** Tenant {@code dev}, test mode, {@code appointments:read} only. */
    public static final String READ_ONLY = "clk_test_readonlykey01";
    public static final String REVOKED = "clk_test_revokedkey01";
    public static final String EXPIRED = "clk_test_expiredkey01";
    /** Well-formed but configured nowhere. */
    public static final String UNKNOWN = "clk_test_nobodyhasthis";

    private TestKeys() {
    }

    static Map<String, Object> configuration() {
        Map<String, Object> keys = new HashMap<>();
        key(keys, "devlive", DEV_LIVE, "dev");
        key(keys, "other", OTHER_TENANT, "other");
        key(keys, "readonly", READ_ONLY, "dev");
        keys.put("clinikapi.api-keys.readonly.scopes", "appointments:read");
        key(keys, "revoked", REVOKED, "dev");
        keys.put("clinikapi.api-keys.revoked.revoked", "true");
        key(keys, "expired", EXPIRED, "dev");
        keys.put("clinikapi.api-keys.expired.expires-at", "2020-01-01T00:00:00Z");
        return keys;
    }

    private static void key(Map<String, Object> keys, String name, String key, String tenant) {
        keys.put("clinikapi.api-keys." + name + ".key", key);
        keys.put("clinikapi.api-keys." + name + ".tenant", tenant);
    }
}
