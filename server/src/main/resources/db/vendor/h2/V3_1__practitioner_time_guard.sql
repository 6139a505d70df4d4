-- H2 has no exclusion constraints. On H2 (the embedded, single-process default) no double booking
-- rests on the practitioner_lock stripes of V3: every transaction that books a practitioner's time
-- locks the stripe, checks, then writes, so the database serializes the check and the write.
COMMENT ON TABLE practitioner_lock IS 'Stripes locked (FOR UPDATE) by transactions that book a practitioner''s time';
