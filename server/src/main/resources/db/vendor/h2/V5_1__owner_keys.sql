-- Whose appointments, as one value each (issue 11): the keys that lead the indexes of V6. Generated
-- by the database from the row (H2 has no STORED keyword; PostgreSQL's V5_1 stores them), so they can
-- never disagree with tenant_id, mode and practitioner_id; Owner.key() and Owner.practitionerKey(...)
-- build the same values for the queries. Mode comes first and is 'live' or 'test', and tenant ids
-- never contain ':' (ApiKeyAdministration), so no two owners share a key. practitioner_key is null
-- when the appointment has no practitioner.
ALTER TABLE appointment ADD COLUMN (
    owner_key VARCHAR(73) GENERATED ALWAYS AS (mode || ':' || tenant_id),
    practitioner_key VARCHAR(202) GENERATED ALWAYS AS (mode || ':' || tenant_id || ':' || practitioner_id));
