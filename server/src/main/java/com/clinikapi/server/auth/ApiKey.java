package com.clinikapi.server.auth;

import com.clinikapi.contract.auth.Mode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A resolved API key: whose it is (tenant), which world it acts on (mode), what it may do (scopes)
 * and its plan's rate limit. Never holds the secret itself, only its displayable prefix.
 *
 * @param id            the key's {@code key_…} id: names it to operators and keys its rate limit
 * @param displayPrefix the loggable part of the key, e.g. {@code clk_test_loca…}
 * @param revoked       a revoked key is answered {@code KEY_REVOKED}
 * @param expiresAt     from this instant on the key is answered {@code KEY_EXPIRED}; null for never
 */
public record ApiKey(
        String id,
        String tenantId,
        Mode mode,
        Set<Scope> scopes,
        RatePlan plan,
        String displayPrefix,
        boolean revoked,
        @Nullable Instant expiresAt) {

    static final String ATTRIBUTE = "clinikapi.apiKey";

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    /** The key {@link ApiKeyFilter} resolved for this request, if any. */
    public static Optional<ApiKey> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, ApiKey.class);
    }

    /** The key of a request that passed {@link ApiKeyFilter}; every {@code /v1} request has one. */
    public static ApiKey require(HttpRequest<?> request) {
        return of(request).orElseThrow(() -> new IllegalStateException("request passed no API key filter"));
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }
}
