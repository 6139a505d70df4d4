-- Whose appointments, as one value each (issue 11): the keys that lead the indexes of V5. Computed by
-- the database from the row (PostgreSQL stores a generated column; H2 computes it, see its V4_1), so
-- they can never disagree with tenant_id, mode and practitioner_id. Owner.key() and
-- Owner.practitionerKey(...) build the same values for the queries. Mode comes first and is 'live' or
-- 'test', and tenant ids never contain ':' (ApiKeyAdministration), so no two owners share a key.
-- Adding a stored column rewrites the table under an exclusive lock: on a large table, migrate in a
-- maintenance window.
ALTER TABLE appointment ADD COLUMN owner_key VARCHAR(73)
    GENERATED ALWAYS AS (mode || ':' || tenant_id) STORED;
-- Null when the appointment has no practitioner.
ALTER TABLE appointment ADD COLUMN practitioner_key VARCHAR(202)
    GENERATED ALWAYS AS (mode || ':' || tenant_id || ':' || practitioner_id) STORED;
