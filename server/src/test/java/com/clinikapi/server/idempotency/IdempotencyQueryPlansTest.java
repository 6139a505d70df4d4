package com.clinikapi.server.idempotency;

import com.clinikapi.server.database.Timestamps;
import com.clinikapi.server.support.QueryPlans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Right after a bulk load, before PostgreSQL has analyzed {@code idempotency_record}, the lookups of
 * a key and of an appointment's stored answers read through the index meant for them (issue 11):
 * {@link IdempotencyRecords}' own SQL and parameters, explained by {@link QueryPlans}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyQueryPlansTest {

    private static final String TENANT = "big";
    private static final String MODE = "live";

    private QueryPlans plans;
    private String keyDigest;
    private String resourceId;

    @BeforeAll
    void loadRecordsWithoutStatistics() throws SQLException {
        plans = QueryPlans.onFreshPostgres();
        plans.load("idempotency_record", """
                INSERT INTO idempotency_record (tenant_id, mode, key_digest, fingerprint, status, resource_id,
                       response_body, created_at, expires_at)
                SELECT t.tenant, t.mode, md5('key' || t.tenant || n) || md5('digest' || n), md5('fingerprint' || n) || md5(n::TEXT),
                       201, 'appt_' || substr(md5('resource' || t.tenant || n), 1, 20),
                       '{"data":{"id":"appt_' || n || '","status":"booked","patientId":"pat-' || n || '"}}',
                       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1 day'
                  FROM (VALUES ('big', 'live', 50000), ('big', 'test', 2000), ('small', 'live', 500)) AS t (tenant, mode, records)
                 CROSS JOIN LATERAL generate_series(1, t.records) AS n
                """);
        keyDigest = plans.single("SELECT MAX(key_digest) FROM idempotency_record WHERE tenant_id = '" + TENANT + "'");
        resourceId = plans.single("SELECT MAX(resource_id) FROM idempotency_record WHERE tenant_id = '" + TENANT + "'");
    }

    @AfterAll
    void close() throws SQLException {
        plans.close();
    }

    @Test
    void findsAKeysOutcomeThroughThePrimaryKey(TestReporter reporter) {
        plans.assertUses(reporter, "find a key's outcome", "pk_idempotency_record", IdempotencyRecords.FIND,
                List.of(TENANT, MODE, keyDigest, Timestamps.bind(Instant.now())));
    }

    @Test
    void deletesAnExpiredKeyThroughThePrimaryKey(TestReporter reporter) {
        plans.assertUses(reporter, "delete an expired key", "pk_idempotency_record", IdempotencyRecords.DELETE_EXPIRED_KEY,
                List.of(TENANT, MODE, keyDigest, Timestamps.bind(Instant.now())));
    }

    @Test
    void storesAnOutcomeThroughThePrimaryKey(TestReporter reporter) {
        plans.assertUses(reporter, "store an outcome", "pk_idempotency_record", IdempotencyRecords.COMPLETE,
                List.of(201, resourceId, "{}", TENANT, MODE, keyDigest));
    }

    @Test
    void tombstonesAnAppointmentsAnswersThroughTheResourceIndex(TestReporter reporter) {
        plans.assertUses(reporter, "tombstone an appointment's answers", "ix_idempotency_record_resource",
                IdempotencyRecords.TOMBSTONE_RESOURCE, List.of(TENANT, MODE, resourceId));
    }
}
