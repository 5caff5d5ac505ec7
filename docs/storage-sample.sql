-- A local sample of the literacy tables, to measure their size per million rows (infra/k8s/README.md,
-- "Sizing"). Run as the literacy role on a freshly migrated schema, e.g.
--   psql "$LITERACY_DATABASE_URL" -v n=100000 -f docs/storage-sample.sql
-- n learners in 40 communes of Đắk Lắk, three records each (about half completed, with a certificate),
-- an audit event per learner and per record, and one xAPI statement per record as an LMS sends it. The
-- values have the sizes of real ones (encrypted national IDs and phones, hashes, Vietnamese names).
\set ON_ERROR_STOP on
SET search_path TO literacy;
SET statement_timeout = 0;
INSERT INTO course (code, title, title_folded, hours, level, competence_codes, required_for)
SELECT 'SAMPLE-' || c, 'Kỹ năng số cơ bản ' || c, 'ky nang so co ban ' || c, 4, 1, '{1.1,2.1}', '{citizen}'
FROM generate_series(1, 3) c ON CONFLICT DO NOTHING;

CREATE TEMP TABLE sample_learner AS
SELECT gen_random_uuid() AS id, i,
       lpad((24100 + i % 40)::text, 5, '0') AS commune_code
FROM generate_series(1, :n) i;

INSERT INTO learner (id, province_code, commune_code, national_id_hash, national_id_encrypted, national_id_masked,
    full_name, full_name_folded, date_of_birth, birth_year, gender, ethnicity, category, unit_code, phone_encrypted)
SELECT id, '66', commune_code, sha256(i::text::bytea), substring(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) FROM 1 FOR 40), '0661******' || lpad((i % 100)::text, 2, '0'),
       'Nguyễn Thị Thu Hương ' || i, 'nguyen thi thu huong ' || i, DATE '1970-01-01' + (i % 15000),
       1970 + (i % 41), CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END, 'Kinh', 'citizen', 'DL-XA-' || (i % 40),
       substring(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) FROM 1 FOR 38)
FROM sample_learner;

INSERT INTO training_record (id, learner_id, course_code, province_code, commune_code, status, progress, score,
    enrolled_on, completed_on, source)
SELECT gen_random_uuid(), l.id, 'SAMPLE-' || c, '66', l.commune_code,
       CASE WHEN (l.i + c) % 2 = 0 THEN 'completed' ELSE 'in_progress' END,
       CASE WHEN (l.i + c) % 2 = 0 THEN 100 ELSE 40 END, CASE WHEN (l.i + c) % 2 = 0 THEN 8.5 END,
       DATE '2026-03-01' + (l.i % 60), CASE WHEN (l.i + c) % 2 = 0 THEN DATE '2026-05-01' + (l.i % 60) END, 'import'
FROM sample_learner l, generate_series(1, 3) c;

INSERT INTO certificate (province_code, record_id, learner_id, course_code, issued_on)
SELECT province_code, id, learner_id, course_code, completed_on FROM training_record WHERE status = 'completed';

INSERT INTO audit_event (actor, action, object_type, object_id, before, after)
SELECT 'import:3f1c', 'learner.created', 'learner', id::text, NULL::jsonb,
       jsonb_build_object('import_id', '3f1c2b7e-0d7a-4a51-9a43-1b2d3c4e5f60', 'national_id_masked', '0661******00')
FROM sample_learner
UNION ALL
SELECT 'import:3f1c', 'record.created', 'training_record', id::text, NULL,
       jsonb_build_object('status', status, 'import_id', '3f1c2b7e-0d7a-4a51-9a43-1b2d3c4e5f60')
FROM training_record;

INSERT INTO xapi_statement (id, province_code, statement, actor_key, verb_id, activity_id, registration,
    related_activities, related_agents, voided, stored, client_id, effect, course_code, record_id)
SELECT s.id, '66',
       jsonb_build_object(
           'id', s.id, 'version', '1.0.3', 'timestamp', '2026-05-01T08:30:00+07:00', 'stored', '2026-05-01T08:30:02Z',
           'actor', jsonb_build_object('objectType', 'Agent', 'account',
               jsonb_build_object('homePage', 'https://lms.daklak.edu.vn', 'name', 'u' || r.learner_id)),
           'verb', jsonb_build_object('id', 'http://adlnet.gov/expapi/verbs/completed', 'display', '{"en": "completed"}'::jsonb),
           'object', jsonb_build_object('objectType', 'Activity', 'id', 'https://lms.daklak.edu.vn/course/' || r.course_code,
               'definition', jsonb_build_object('name', '{"vi": "Kỹ năng số cơ bản"}'::jsonb,
                   'type', 'http://adlnet.gov/expapi/activities/course')),
           'result', '{"completion": true, "success": true, "score": {"scaled": 0.85}}'::jsonb,
           'context', jsonb_build_object('registration', s.registration, 'platform', 'Moodle 4.3'),
           'authority', '{"objectType": "Agent", "name": "lms-daklak", "account": {"homePage": "https://thiduaso.gov.vn", "name": "lms-daklak"}}'::jsonb),
       'account:https://lms.daklak.edu.vn|u' || r.learner_id, 'http://adlnet.gov/expapi/verbs/completed',
       'https://lms.daklak.edu.vn/course/' || r.course_code, s.registration,
       ARRAY['https://lms.daklak.edu.vn/course/' || r.course_code],
       ARRAY['account:https://lms.daklak.edu.vn|u' || r.learner_id], false, now(), 'lms-daklak', 'applied',
       r.course_code, r.id
FROM (SELECT t.*, gen_random_uuid() AS sid, gen_random_uuid() AS reg FROM training_record t) r,
     LATERAL (SELECT r.sid AS id, r.reg AS registration) s;

VACUUM ANALYZE;

SELECT c.relname AS table_name, c.reltuples::bigint AS row_count,
       pg_total_relation_size(c.oid) AS total_bytes,
       round(pg_total_relation_size(c.oid)::numeric / greatest(c.reltuples, 1)) AS bytes_per_row
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'literacy' AND c.relkind = 'r'
ORDER BY pg_total_relation_size(c.oid) DESC;
