-- Safe retries and no double booking (issue 6). Plain SQL that runs unchanged on H2 and PostgreSQL;
-- what only PostgreSQL can add lives in db/vendor/postgresql (V3_1).

-- The outcome of every successful request that carried an Idempotency-Key, kept for 24 hours
-- (IdempotencyKeys.RETENTION; purged by IdempotencyPurge). The key itself is never stored, only its
-- SHA-256 (key_digest). The claim row is inserted in the same transaction as the change it guards,
-- before it: the primary key makes concurrent requests with one key wait for the first and then find
-- its outcome, so a key performs its change at most once, on every instance.
CREATE TABLE idempotency_record (
    tenant_id     VARCHAR(64)              NOT NULL,
    mode          VARCHAR(8)               NOT NULL,
    key_digest    VARCHAR(64)              NOT NULL,
    -- IdempotencyKeys.fingerprint of the request: method, path, If-Match and body.
    fingerprint   VARCHAR(64)              NOT NULL,
    -- The stored outcome; null only inside the claiming transaction, never once committed.
    status        INTEGER,
    resource_id   VARCHAR(64),
    response_body VARCHAR(1000000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (tenant_id, mode, key_digest)
);
CREATE INDEX ix_idempotency_record_expiry   ON idempotency_record (expires_at);
CREATE INDEX ix_idempotency_record_resource ON idempotency_record (tenant_id, mode, resource_id);

-- The practitioner's time guard: a transaction that books a practitioner's time first locks the
-- practitioner's stripe (SELECT ... FOR UPDATE), then checks for an overlap, then writes. Bookings of
-- one practitioner are thus serialized by the database on every instance. Practitioners are hashed
-- onto a fixed set of 1024 stripes (PractitionerSchedule.STRIPES; never change it while instances of
-- different versions share a database), so the rows always exist and need no insert.
CREATE TABLE practitioner_lock (
    stripe INTEGER NOT NULL,
    CONSTRAINT pk_practitioner_lock PRIMARY KEY (stripe)
);
INSERT INTO practitioner_lock (stripe)
SELECT a.n + 4 * b.n + 16 * c.n + 64 * d.n + 256 * e.n
  FROM (VALUES (0), (1), (2), (3)) AS a (n)
 CROSS JOIN (VALUES (0), (1), (2), (3)) AS b (n)
 CROSS JOIN (VALUES (0), (1), (2), (3)) AS c (n)
 CROSS JOIN (VALUES (0), (1), (2), (3)) AS d (n)
 CROSS JOIN (VALUES (0), (1), (2), (3)) AS e (n);

-- The overlap check reads a practitioner's appointments that end after the new start: future ones.
CREATE INDEX ix_appointment_practitioner_end ON appointment (tenant_id, mode, practitioner_id, end_at);
