-- PostgreSQL enforces no double booking in the schema itself, whatever writes the row: two
-- appointments of one practitioner (in one tenant and mode) whose status holds the practitioner's
-- time (AppointmentStatus.holdsPractitionerTime: booked, arrived, checked-in) may not have
-- overlapping [start, end) ranges. The service's stripe lock (V3) already prevents it and names the
-- conflicting appointment; this constraint is the guarantee behind it.
--
-- btree_gist ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: a
-- database owner may create it. If the service's user may not, create it once as a superuser.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE appointment ADD CONSTRAINT ex_appointment_practitioner_time
    EXCLUDE USING gist (
        tenant_id WITH =,
        mode WITH =,
        practitioner_id WITH =,
        tstzrange(start_at, end_at, '[)') WITH &&)
    WHERE (practitioner_id IS NOT NULL AND start_at IS NOT NULL AND end_at IS NOT NULL
           AND status IN ('booked', 'arrived', 'checked-in'));
