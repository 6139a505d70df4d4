-- Idempotency tombstones (issue 9). Plain SQL that runs unchanged on H2 and PostgreSQL.
--
-- Deleting an appointment used to delete the idempotency records whose stored outcome carried it,
-- so a retry of the create that booked it booked it again. Now the delete keeps those records as
-- tombstones: response_body (patient data) is set to null in the deleting transaction and
-- resource_deleted to true. A repeat of the request with the same key then answers
-- 410 IDEMPOTENT_RESOURCE_DELETED instead of performing it again. Tombstones keep their status,
-- resource_id and expires_at, and are purged with every other record when their retention ends
-- (IdempotencyPurge).
ALTER TABLE idempotency_record ADD COLUMN resource_deleted BOOLEAN DEFAULT FALSE NOT NULL;
