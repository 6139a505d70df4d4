-- No index leads with tenant_id and mode any more (issue 11). Plain SQL that runs unchanged on H2 and
-- PostgreSQL; V5_1 (per vendor) adds the keys the new appointment indexes lead with, V6 creates them.
--
-- Until PostgreSQL has analyzed a table it has no statistics and takes every equality to keep one
-- row in 200. With few tenants that is wildly wrong for tenant_id and mode: right after a bulk load
-- of 25,000 appointments into one tenant, a read by id (id, tenant_id and mode) was planned on an
-- index leading with (tenant_id, mode), whose estimate looked as good as the primary key's, and
-- filtered 14,419 rows per read until autoanalyze happened to run. Any index leading with
-- (tenant_id, mode) could serve any query naming the tenant and the mode: searches, the overlap
-- check and the lookups of idempotency records had the same trap.
--
-- The appointment indexes are dropped before V5_1 adds columns, so that its rewrite of the table
-- (on PostgreSQL) does not rebuild them.
DROP INDEX ix_appointment_start;
DROP INDEX ix_appointment_created;
DROP INDEX ix_appointment_status;
DROP INDEX ix_appointment_patient;
DROP INDEX ix_appointment_practitioner;
DROP INDEX ix_appointment_practitioner_end;

-- Idempotency records lead with what IdempotencyRecords looks them up by: the key's digest (same
-- columns, same uniqueness as before), or the appointment of the stored answer.
ALTER TABLE idempotency_record DROP CONSTRAINT pk_idempotency_record;
ALTER TABLE idempotency_record ADD CONSTRAINT pk_idempotency_record PRIMARY KEY (key_digest, tenant_id, mode);
DROP INDEX ix_idempotency_record_resource;
CREATE INDEX ix_idempotency_record_resource ON idempotency_record (resource_id, tenant_id, mode);
