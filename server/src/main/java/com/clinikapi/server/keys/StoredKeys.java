package com.clinikapi.server.keys;

import com.clinikapi.contract.auth.Mode;
import com.clinikapi.server.auth.ApiKey;
import com.clinikapi.server.auth.Plans;
import com.clinikapi.server.auth.RatePlan;
import com.clinikapi.server.auth.Scope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Translates between {@link ApiKeyRow}'s columns and the values the service works with. */
@Singleton
public class StoredKeys {

    private static final Logger LOG = LoggerFactory.getLogger(StoredKeys.class);

    private final Plans plans;

    public StoredKeys(Plans plans) {
        this.plans = plans;
    }

    public ApiKey toApiKey(ApiKeyRow row) {
        return new ApiKey(row.id(), row.tenantId(), modeOf(row.mode()), scopesOf(row.scopes()), planOf(row),
                row.prefix() + "…", row.revokedAt() != null, row.expiresAt());
    }

    /** A plan the configuration no longer has falls back to the default plan, loudly. */
    private RatePlan planOf(ApiKeyRow row) {
        return plans.find(row.plan()).orElseGet(() -> {
            LOG.warn("API key {} names plan '{}', which is not configured; using the default plan", row.id(), row.plan());
            return plans.defaultPlan();
        });
    }

    public static String column(Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    public static Mode modeOf(String column) {
        return Mode.valueOf(column.toUpperCase(Locale.ROOT));
    }

    public static String column(Collection<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wire).collect(Collectors.joining(","));
    }

    /** Scopes this version does not know are ignored: a key never gains a permission by them. */
    public static Set<Scope> scopesOf(String column) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(column.split(",")).map(Scope::fromWire).flatMap(Optional::stream).forEach(scopes::add);
        return scopes;
    }
}
