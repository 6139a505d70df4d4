package com.clinikapi.server.support;

import com.clinikapi.contract.auth.Mode;
import com.clinikapi.server.auth.Scope;
import com.clinikapi.server.keys.ApiKeyAdministration;
import com.clinikapi.server.keys.ApiKeyAdministration.NewKey;
import io.micronaut.context.ApplicationContext;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The API keys of the test servers, stored in each test database through the service's own key
 * administration (as the CLI stores them): the embedded default's dev key (seeded by the service
 * itself), plus a second tenant, the dev tenant's live key, a read-only and a write-only key, a
 * revoked and an expired key.
 */
public final class TestKeys {

    /** Tenant {@code dev}, test mode: the embedded default's key (seeded at start-up). */
    public static final String DEV_TEST = "clk_test_localdevkey";
    /** Tenant {@code dev}, live mode. */
    public static final String DEV_LIVE = "clk_live_devlivekey01";
    /** Tenant {@code other}, test mode. */
    public static final String OTHER_TENANT = "clk_test_othertenant01";
    /** Tenant {@code other}, live mode. */
    public static final String OTHER_TENANT_LIVE = "clk_live_othertenant01";
    /** Tenant {@code dev}, test mode, {@code appointments:read} only. */
    public static final String READ_ONLY = "clk_test_readonlykey01";
    /** Tenant {@code dev}, test mode, {@code appointments:write} only. */
    public static final String WRITE_ONLY = "clk_test_writeonlykey01";
    public static final String REVOKED = "clk_test_revokedkey01";
    public static final String EXPIRED = "clk_test_expiredkey01";
    /** Well-formed but stored nowhere. */
    public static final String UNKNOWN = "clk_test_nobodyhasthis";

    /** A plan of the test servers small enough to exhaust: 3 requests per hour. */
    public static final String TINY_PLAN = "tiny";
    public static final int TINY_LIMIT = 3;

    private static final Set<Scope> ALL = EnumSet.allOf(Scope.class);

    private TestKeys() {
    }

    /** Stores the fixed test keys (idempotent: servers sharing a database may each call it). */
    static void seed(ApplicationContext context) {
        ApiKeyAdministration keys = context.getBean(ApiKeyAdministration.class);
        keys.register(DEV_LIVE, new NewKey("dev", Mode.LIVE, ALL, null, null));
        keys.register(OTHER_TENANT, new NewKey("other", Mode.TEST, ALL, null, null));
        keys.register(OTHER_TENANT_LIVE, new NewKey("other", Mode.LIVE, ALL, null, null));
        keys.register(READ_ONLY, new NewKey("dev", Mode.TEST, Set.of(Scope.APPOINTMENTS_READ), null, null));
        keys.register(WRITE_ONLY, new NewKey("dev", Mode.TEST, Set.of(Scope.APPOINTMENTS_WRITE), null, null));
        keys.revoke(keys.register(REVOKED, new NewKey("dev", Mode.TEST, ALL, null, null)).id());
        keys.register(EXPIRED, new NewKey("dev", Mode.TEST, ALL, null, Instant.parse("2020-01-01T00:00:00Z")));
    }

    /** A new key of its own (so that its rate limit and cache entry are fresh), as {@code keys create} makes it. */
    public static ApiKeyAdministration.CreatedKey create(ApplicationContext context, String tenant, Mode mode,
                                                         Set<Scope> scopes, String plan) {
        return context.getBean(ApiKeyAdministration.class).create(new NewKey(tenant, mode, scopes, plan, null));
    }

    /** A new read-and-write test-mode key of tenant {@code dev} on {@link #TINY_PLAN}. */
    public static ApiKeyAdministration.CreatedKey createTiny(ApplicationContext context) {
        return create(context, "dev", Mode.TEST, ALL, TINY_PLAN);
    }
}
