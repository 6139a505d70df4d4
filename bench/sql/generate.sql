-- Loads :rows appointments into the service's own schema (run after its migrations), as production
-- holds them: one large tenant ("bench", 60 % of the rows, ids appt_g1 … appt_g<big>) and 5,000
-- small ones sharing the rest; 1,000 practitioners booked 16 half-hour slots a day, day after day;
-- 100,000 patients; one appointment in 20 cancelled, one in 20 fulfilled. No ANALYZE afterwards:
-- the plans must be right before autovacuum has looked at the table.
-- Usage: psql -v rows=1000000 -f generate.sql
\set big (:rows * 6 / 10)
INSERT INTO appointment (id, tenant_id, mode, version, status, patient_id, practitioner_id,
                         start_at, end_at, minutes_duration, created, updated_at, start_key, created_key)
SELECT 'appt_g' || n,
       CASE WHEN n <= :big THEN 'bench' ELSE 'small' || (n % 5000) END,
       'test', 1,
       CASE n % 20 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'fulfilled' ELSE 'booked' END,
       'pat_' || ((n::bigint * 7919) % 100000),
       'prac_' || (n % 1000),
       s, s + interval '30 minutes', 30,
       c, c,
       (extract(epoch FROM s) * 1000000)::bigint,
       (extract(epoch FROM c) * 1000000)::bigint
  FROM generate_series(1, :rows) AS n,
       LATERAL (SELECT timestamptz '2026-01-05 08:00:00+00'
                       + ((n / 1000) / 16) * interval '1 day'
                       + ((n / 1000) % 16) * interval '30 minutes' AS s,
                       timestamptz '2025-12-01 00:00:00+00' + n * interval '1 second' AS c) AS t;
