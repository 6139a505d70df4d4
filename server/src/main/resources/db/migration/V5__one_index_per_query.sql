-- Indexes a query cannot mistake (issue 11). Plain SQL that runs unchanged on H2 and PostgreSQL.
--
-- Until PostgreSQL has analyzed a table it has no statistics and takes every equality to keep one
-- row in 200. With few tenants that is wildly wrong for tenant_id and mode: right after a bulk load
-- of 25,000 appointments into one tenant, a read by id (id, tenant_id and mode) was planned on an
-- index leading with (tenant_id, mode), whose estimate looked as good as the primary key's, and
-- filtered 14,419 rows per read until autoanalyze happened to run. Searches and the overlap check
-- had the same trap: every index leading with (tenant_id, mode) could serve any of them.
--
-- So each query now names its appointments by columns that lead its own index and no other's:
--   read, lock, update or delete by id   id                                 pk_appointment (V1)
--   search with a patient                patient_id, tenant_id, mode        ix_appointment_patient
--   search with a practitioner           practitioner_id, tenant_id, mode   ix_appointment_practitioner
--   the overlap check                    practitioner_key (V4_1)            ix_appointment_practitioner_end
--   search with neither                  owner_key (V4_1)                   ix_appointment_start, _created, _status
-- No index leads with tenant_id or mode any more, so a read by id can only use the primary key. A
-- search with both a patient and a practitioner may use either person's index. The searches on
-- owner_key choose among its three indexes, and there the one with more conditions (the status, or
-- the date range on start_key) is also the one estimated to read fewer rows: owner_key is a single
-- equality, estimated at 1/200 of the table rather than the 1/40,000 of tenant_id and mode. On
-- PostgreSQL the exclusion constraint's index (V3_1) holds tenant_id, mode and practitioner_id too,
-- but it is partial and no query implies its predicate now that the overlap check names
-- practitioner_key. Each search index still ends with the sort key and id, so a page is a range
-- scan in order.
DROP INDEX ix_appointment_start;
DROP INDEX ix_appointment_created;
DROP INDEX ix_appointment_status;
DROP INDEX ix_appointment_patient;
DROP INDEX ix_appointment_practitioner;
DROP INDEX ix_appointment_practitioner_end;

CREATE INDEX ix_appointment_start        ON appointment (owner_key, start_key, id);
CREATE INDEX ix_appointment_created      ON appointment (owner_key, created_key, id);
CREATE INDEX ix_appointment_status       ON appointment (owner_key, status, start_key, id);
CREATE INDEX ix_appointment_patient      ON appointment (patient_id, tenant_id, mode, start_key, id);
CREATE INDEX ix_appointment_practitioner ON appointment (practitioner_id, tenant_id, mode, start_key, id);
-- The overlap check reads the practitioner's appointments that end after the new start (future
-- ones); with start_at in the index, only those that also start before the new end are fetched.
CREATE INDEX ix_appointment_practitioner_end ON appointment (practitioner_key, end_at, start_at);

-- Idempotency records had the same trap: the primary key (tenant_id, mode, key_digest) and the
-- resource index (tenant_id, mode, resource_id) both lead with tenant and mode, so before an ANALYZE
-- the lookup of a key could read every record of the tenant through the resource index. Each now
-- leads with what its queries look up (IdempotencyRecords): the key's digest, or the appointment.
ALTER TABLE idempotency_record DROP CONSTRAINT pk_idempotency_record;
ALTER TABLE idempotency_record ADD CONSTRAINT pk_idempotency_record PRIMARY KEY (key_digest, tenant_id, mode);
DROP INDEX ix_idempotency_record_resource;
CREATE INDEX ix_idempotency_record_resource ON idempotency_record (resource_id, tenant_id, mode);
