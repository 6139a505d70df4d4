package com.clinikapi.server.keys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An API key as stored in table {@code api_key} (see {@code db/migration/V2__api_keys.sql}): never
 * the secret, only its digest and its non-secret prefix.
 *
 * @param id         {@code key_…}, how operators name the key
 * @param keyHash    SHA-256 of the secret, hex ({@link ApiKeySecrets#hexDigest})
 * @param prefix     the secret's first characters, e.g. {@code clk_test_a1B2} (ApiKeyFormat.prefix)
 * @param mode       {@code live} or {@code test}
 * @param scopes     comma-separated scopes, e.g. {@code appointments:read,appointments:write}
 * @param plan       a plan name under {@code clinikapi.plans}
 * @param lastUsedAt updated at most once a minute per instance; null until first used
 * @param expiresAt  null for never
 * @param revokedAt  null while not revoked
 */
@MappedEntity(value = "api_key", escape = false)
public record ApiKeyRow(
        @Id String id,
        String keyHash,
        String prefix,
        String tenantId,
        String mode,
        String scopes,
        String plan,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt) {
}
