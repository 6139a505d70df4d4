-- Whose appointments, as one value each (issue 11): the keys that lead the indexes of V6. Generated
-- by the database from the row (stored here; H2 computes them, see its V5_1), so they can never
-- disagree with tenant_id, mode and practitioner_id; Owner.key() and Owner.practitionerKey(...) build
-- the same values for the queries. Mode comes first and is 'live' or 'test', and tenant ids never
-- contain ':' (ApiKeyAdministration), so no two owners share a key. practitioner_key is null when
-- the appointment has no practitioner.
--
-- Adding stored columns rewrites the table under an exclusive lock: about three minutes per million
-- appointments on a 2-core machine (see OPERATIONS.md for migrating a large table).
SET LOCAL statement_timeout = 0;
ALTER TABLE appointment
    ADD COLUMN owner_key VARCHAR(73) GENERATED ALWAYS AS (mode || ':' || tenant_id) STORED,
    ADD COLUMN practitioner_key VARCHAR(202) GENERATED ALWAYS AS (mode || ':' || tenant_id || ':' || practitioner_id) STORED;
