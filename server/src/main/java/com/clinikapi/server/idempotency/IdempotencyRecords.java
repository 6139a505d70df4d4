package com.clinikapi.server.idempotency;

import com.clinikapi.server.database.SqlFailures;
import com.clinikapi.server.database.Timestamps;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * Table {@code idempotency_record} (see {@code V3__idempotency_and_practitioner_time.sql} and
 * {@code V4__idempotency_tombstones.sql}). Every statement names the tenant and mode; keys are stored
 * as digests only.
 */
@Singleton
class IdempotencyRecords {

    static final String FIND = """
            SELECT fingerprint, status, resource_id, response_body, resource_deleted FROM idempotency_record
             WHERE tenant_id = ? AND mode = ? AND key_digest = ? AND expires_at > ? AND status IS NOT NULL""";
    static final String DELETE_EXPIRED_KEY = """
            DELETE FROM idempotency_record WHERE tenant_id = ? AND mode = ? AND key_digest = ? AND expires_at <= ?""";
    private static final String CLAIM = """
            INSERT INTO idempotency_record (tenant_id, mode, key_digest, fingerprint, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)""";
    static final String COMPLETE = """
            UPDATE idempotency_record SET status = ?, resource_id = ?, response_body = ?
             WHERE tenant_id = ? AND mode = ? AND key_digest = ?""";
    static final String TOMBSTONE_RESOURCE = """
            UPDATE idempotency_record SET response_body = NULL, resource_deleted = TRUE
             WHERE tenant_id = ? AND mode = ? AND resource_id = ? AND response_body IS NOT NULL""";
    private static final String PURGE = "DELETE FROM idempotency_record WHERE expires_at <= ?";

    /**
     * A record is a completed outcome plus the fingerprint of the request that produced it.
     *
     * @param resourceDeleted whether the outcome's appointment was deleted since: a tombstone, whose
     *                        {@code response} has no body any more
     */
    record Found(String fingerprint, StoredResponse response, boolean resourceDeleted) {
    }

    /** Another request holds or has used this key: its claim row exists. */
    static final class KeyTaken extends RuntimeException {
        KeyTaken(Throwable cause) {
            super(null, cause, false, false);
        }
    }

    private final JdbcOperations jdbc;

    IdempotencyRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The committed, unexpired outcome stored under this key, if any. */
    Optional<Found> find(IdempotentRequest request, Instant now) {
        return jdbc.prepareStatement(FIND, statement -> {
            statement.setString(1, request.tenantId());
            statement.setString(2, request.mode());
            statement.setString(3, request.keyDigest());
            statement.setObject(4, Timestamps.bind(now));
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Found(rs.getString(1),
                        new StoredResponse(rs.getInt(2), rs.getString(3), rs.getString(4)), rs.getBoolean(5)));
            }
        });
    }

    /**
     * Claims the key for this request inside the caller's transaction: the row stays invisible, and
     * the key locked against every other claim, until the transaction ends.
     *
     * @throws KeyTaken when another request holds the key (committed, or still running past the
     *                  database's lock timeout); on PostgreSQL the transaction is then unusable
     */
    void claim(IdempotentRequest request, Instant now, Instant expiresAt) {
        try {
            jdbc.prepareStatement(CLAIM, statement -> {
                bindKey(statement, request);
                statement.setString(4, request.fingerprint());
                statement.setObject(5, Timestamps.bind(now));
                statement.setObject(6, Timestamps.bind(expiresAt));
                return statement.executeUpdate();
            });
        } catch (DataAccessException e) {
            if (SqlFailures.isUniqueViolation(e) || SqlFailures.isBusy(e)) {
                throw new KeyTaken(e);
            }
            throw e;
        }
    }

    /** Deletes this key's record if it has expired, so that the key can be claimed again. */
    void deleteIfExpired(IdempotentRequest request, Instant now) {
        jdbc.prepareStatement(DELETE_EXPIRED_KEY, statement -> {
            bindKey(statement, request);
            statement.setObject(4, Timestamps.bind(now));
            return statement.executeUpdate();
        });
    }

    /** Stores the outcome in the claim row, in the claiming transaction. */
    void complete(IdempotentRequest request, StoredResponse response) {
        jdbc.prepareStatement(COMPLETE, statement -> {
            statement.setInt(1, response.status());
            statement.setString(2, response.resourceId());
            statement.setString(3, response.body());
            statement.setString(4, request.tenantId());
            statement.setString(5, request.mode());
            statement.setString(6, request.keyDigest());
            return statement.executeUpdate();
        });
    }

    /**
     * Turns the records whose stored answer carries this appointment into tombstones (when it is
     * deleted): the answer is discarded, so no copy of the appointment outlives it, but the key stays
     * taken until it expires. The delete's own record (no body) is left as it is.
     */
    void tombstoneResource(String tenantId, String mode, String resourceId) {
        jdbc.prepareStatement(TOMBSTONE_RESOURCE, statement -> {
            statement.setString(1, tenantId);
            statement.setString(2, mode);
            statement.setString(3, resourceId);
            return statement.executeUpdate();
        });
    }

    /** @return how many expired records were deleted */
    int purgeExpired(Instant now) {
        return jdbc.prepareStatement(PURGE, statement -> {
            statement.setObject(1, Timestamps.bind(now));
            return statement.executeUpdate();
        });
    }

    private static void bindKey(java.sql.PreparedStatement statement, IdempotentRequest request)
            throws java.sql.SQLException {
        statement.setString(1, request.tenantId());
        statement.setString(2, request.mode());
        statement.setString(3, request.keyDigest());
    }
}
