-- Appointment indexes a query cannot mistake (issue 11; V5 says why). Plain SQL that runs unchanged
-- on H2 and PostgreSQL.
--
-- Each query names its appointments by columns that lead its own index and no other's:
--   read, lock, update or delete by id   id                                 pk_appointment (V1)
--   search with a patient                patient_id, tenant_id, mode        ix_appointment_patient
--   search with a practitioner           practitioner_id, tenant_id, mode   ix_appointment_practitioner
--   the overlap check                    practitioner_key (V5_1)            ix_appointment_practitioner_end
--   search with neither                  owner_key (V5_1)                   ix_appointment_start, _created, _status
-- No index leads with tenant_id or mode, so a read by id can only use the primary key. A search with
-- both a patient and a practitioner may use either person's index. The searches on owner_key choose
-- among its three indexes, and there the one with more conditions (the status, or the date range on
-- start_key) is also the one estimated to read fewer rows: owner_key is a single equality, estimated
-- at 1/200 of the table rather than the 1/40,000 of tenant_id and mode. On PostgreSQL the exclusion
-- constraint's index (V3_1) holds tenant_id, mode and practitioner_id too, but it is partial and no
-- query implies its predicate now that the overlap check names practitioner_key. Each search index
-- ends with the sort key and id, so a page is a range scan in order.
CREATE INDEX ix_appointment_start        ON appointment (owner_key, start_key, id);
CREATE INDEX ix_appointment_created      ON appointment (owner_key, created_key, id);
CREATE INDEX ix_appointment_status       ON appointment (owner_key, status, start_key, id);
CREATE INDEX ix_appointment_patient      ON appointment (patient_id, tenant_id, mode, start_key, id);
CREATE INDEX ix_appointment_practitioner ON appointment (practitioner_id, tenant_id, mode, start_key, id);
-- The overlap check reads the practitioner's appointments that end after the new start (future
-- ones); with start_at in the index, only those that also start before the new end are fetched.
CREATE INDEX ix_appointment_practitioner_end ON appointment (practitioner_key, end_at, start_at);
