package com.clinikapi.server.keys;

import com.clinikapi.contract.auth.ApiKeyFormat;
import com.clinikapi.contract.auth.Mode;
import com.clinikapi.server.auth.Plans;
import com.clinikapi.server.auth.Scope;
import com.clinikapi.server.web.Clocks;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What operators do with keys (through the {@code keys} CLI): create one (its secret is returned
 * once and never stored), list, revoke and expire them. Changes reach running instances within
 * their key cache's TTL.
 */
@Singleton
public class ApiKeyAdministration {

    private final ApiKeyRepository repository;
    private final Plans plans;

    public ApiKeyAdministration(ApiKeyRepository repository, Plans plans) {
        this.repository = repository;
        this.plans = plans;
    }

    /**
     * What a new key may do.
     *
     * @param plan      a plan under {@code clinikapi.plans}; null for the default plan
     * @param expiresAt null for never
     */
    public record NewKey(String tenantId, Mode mode, Set<Scope> scopes, @Nullable String plan, @Nullable Instant expiresAt) {
        public NewKey {
            scopes = Set.copyOf(scopes);
        }
    }

    /** A created key: the secret, to be shown once, and what is stored about it. */
    public record CreatedKey(String secret, ApiKeyRow stored) {
        @Override
        public String toString() {
            return "CreatedKey[" + stored.id() + "]";
        }
    }

    /** Creates a key with a new random secret. */
    public CreatedKey create(NewKey key) {
        String secret = ApiKeySecrets.newSecret(key.mode());
        return new CreatedKey(secret, register(secret, key));
    }

    /**
     * Stores a key whose secret is given (the embedded default's dev key; test fixtures). Idempotent:
     * a key with this secret that already exists is returned as it is, revoked or not.
     */
    public ApiKeyRow register(String secret, NewKey key) {
        Mode mode = ApiKeyFormat.modeOf(secret)
                .orElseThrow(() -> new KeyAdministrationException("the key is not a well-formed clk_live_/clk_test_ key"));
        if (mode != key.mode()) {
            throw new KeyAdministrationException("the key's prefix does not match mode " + StoredKeys.column(key.mode()));
        }
        String hash = ApiKeySecrets.hexDigest(secret);
        Optional<ApiKeyRow> existing = repository.findByKeyHash(hash);
        if (existing.isPresent()) {
            return existing.get();
        }
        ApiKeyRow row = new ApiKeyRow(ApiKeySecrets.newId(), hash, ApiKeyFormat.prefix(secret), requireTenant(key.tenantId()),
                StoredKeys.column(mode), StoredKeys.column(requireScopes(key.scopes())), planName(key.plan()),
                now(), null, key.expiresAt(), null);
        try {
            return repository.save(row);
        } catch (DataAccessException e) {
            // Another instance registered the same secret at the same moment.
            return repository.findByKeyHash(hash).orElseThrow(() -> e);
        }
    }

    /** Every key, oldest first, or only one tenant's. */
    public List<ApiKeyRow> list(@Nullable String tenantId) {
        return tenantId == null ? repository.findAllOrderByCreatedAt() : repository.findByTenantIdOrderByCreatedAt(tenantId);
    }

    /** Revokes the key named by its id or its prefix; revoking a revoked key keeps the first time. */
    public ApiKeyRow revoke(String idOrPrefix) {
        ApiKeyRow key = resolve(idOrPrefix);
        if (key.revokedAt() != null) {
            return key;
        }
        Instant now = now();
        repository.updateRevokedAt(key.id(), now);
        return withRevokedAt(key, now);
    }

    /** Revokes the key with this secret if it exists and is not revoked yet; empty otherwise. */
    public Optional<ApiKeyRow> revokeSecret(String secret) {
        return repository.findByKeyHash(ApiKeySecrets.hexDigest(secret))
                .filter(key -> key.revokedAt() == null)
                .map(key -> revoke(key.id()));
    }

    /** Sets when the key named by its id or prefix expires (a past instant expires it now). */
    public ApiKeyRow expire(String idOrPrefix, Instant at) {
        ApiKeyRow key = resolve(idOrPrefix);
        repository.updateExpiresAt(key.id(), at);
        return new ApiKeyRow(key.id(), key.keyHash(), key.prefix(), key.tenantId(), key.mode(), key.scopes(), key.plan(),
                key.createdAt(), key.lastUsedAt(), at, key.revokedAt());
    }

    /**
     * The one key named by its {@code key_…} id, or by its display prefix ({@code clk_test_a1B2},
     * with or without the trailing ellipsis).
     */
    public ApiKeyRow resolve(String idOrPrefix) {
        String name = idOrPrefix.strip();
        if (name.startsWith(ApiKeySecrets.ID_PREFIX)) {
            return repository.findById(name).orElseThrow(() -> new KeyAdministrationException("no key with id " + name));
        }
        String prefix = name.endsWith("…") ? name.substring(0, name.length() - 1)
                : name.endsWith("...") ? name.substring(0, name.length() - 3) : name;
        List<ApiKeyRow> matches = repository.findByPrefix(prefix);
        if (matches.isEmpty()) {
            throw new KeyAdministrationException("no key with id or prefix " + prefix);
        }
        if (matches.size() > 1) {
            throw new KeyAdministrationException("prefix " + prefix + " names " + matches.size()
                    + " keys; use one of their ids: " + String.join(", ", matches.stream().map(ApiKeyRow::id).toList()));
        }
        return matches.get(0);
    }

    private String planName(@Nullable String plan) {
        if (plan == null) {
            return plans.defaultPlan().name();
        }
        return plans.find(plan).orElseThrow(() -> new KeyAdministrationException(
                "no plan named " + plan + " under clinikapi.plans")).name();
    }

    private static String requireTenant(String tenantId) {
        if (tenantId == null || !tenantId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new KeyAdministrationException("the tenant must be 1 to 64 characters of [A-Za-z0-9._-]");
        }
        return tenantId;
    }

    private static Set<Scope> requireScopes(Set<Scope> scopes) {
        if (scopes.isEmpty()) {
            throw new KeyAdministrationException("a key needs at least one scope");
        }
        return scopes;
    }

    private static ApiKeyRow withRevokedAt(ApiKeyRow key, Instant revokedAt) {
        return new ApiKeyRow(key.id(), key.keyHash(), key.prefix(), key.tenantId(), key.mode(), key.scopes(), key.plan(),
                key.createdAt(), key.lastUsedAt(), key.expiresAt(), revokedAt);
    }

    private static Instant now() {
        return Clocks.nowUtc().toInstant();
    }
}
