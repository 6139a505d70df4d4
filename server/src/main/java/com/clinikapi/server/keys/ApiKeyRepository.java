package com.clinikapi.server.keys;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of API keys. Plain SQL that H2 and PostgreSQL run alike. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface ApiKeyRepository extends GenericRepository<ApiKeyRow, String> {

    ApiKeyRow save(ApiKeyRow row);

    Optional<ApiKeyRow> findById(String id);

    /** The candidates of a presented key: every key sharing its non-secret prefix (usually one). */
    List<ApiKeyRow> findByPrefix(String prefix);

    Optional<ApiKeyRow> findByKeyHash(String keyHash);

    List<ApiKeyRow> findAllOrderByCreatedAt();

    List<ApiKeyRow> findByTenantIdOrderByCreatedAt(String tenantId);

    long updateRevokedAt(@Id String id, Instant revokedAt);

    long updateExpiresAt(@Id String id, Instant expiresAt);

    /**
     * Records when a key was last used, unless a later time is stored already (another instance
     * may have written one).
     */
    @Query("UPDATE api_key SET last_used_at = :lastUsedAt WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :lastUsedAt)")
    long touch(String id, Instant lastUsedAt);
}
