"""Progress notifications: statement-level triggers on learners, records, certificates and courses that
`NOTIFY literacy_progress` with the learners whose progress changed (`*`: everyone), so that the
service's processes drop their in-process copies (`literacy_api.sql.progress`, `training.cache`).
Separate from the coverage rollups' triggers, which they do not touch.

Revision ID: literacy_0011
Revises: literacy_0010
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "literacy_0011"
down_revision: str | None = "literacy_0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CREATE = [
    "CREATE FUNCTION \"literacy\".\"progress_changed_by_learner_id\"() RETURNS trigger LANGUAGE plpgsql AS $fn$\n    DECLARE\n        changed text[];\n    BEGIN\n        IF TG_OP = 'INSERT' THEN\n            SELECT array_agg(id::text) INTO changed FROM (SELECT DISTINCT learner_id AS id FROM new_rows LIMIT 101) named;\n        ELSIF TG_OP = 'UPDATE' THEN\n            SELECT array_agg(id::text) INTO changed FROM (SELECT learner_id AS id FROM new_rows UNION SELECT learner_id FROM old_rows LIMIT 101) named;\n        ELSIF TG_OP = 'DELETE' THEN\n            SELECT array_agg(id::text) INTO changed FROM (SELECT DISTINCT learner_id AS id FROM old_rows LIMIT 101) named;\n        END IF;\n        IF changed IS NOT NULL THEN\n            PERFORM pg_notify('literacy_progress', CASE WHEN cardinality(changed) > 100 THEN '*'\n                                                ELSE array_to_string(changed, ',') END);\n        END IF;\n        RETURN NULL;\n    END\n    $fn$",
    "CREATE FUNCTION \"literacy\".\"progress_changed_learner\"() RETURNS trigger LANGUAGE plpgsql AS $fn$\n    DECLARE\n        changed text[];\n    BEGIN\n        IF TG_OP = 'UPDATE' THEN\n            SELECT array_agg(id::text) INTO changed FROM (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.full_name IS DISTINCT FROM o.full_name LIMIT 101) named;\n        ELSIF TG_OP = 'DELETE' THEN\n            SELECT array_agg(id::text) INTO changed FROM (SELECT id FROM old_rows LIMIT 101) named;\n        END IF;\n        IF changed IS NOT NULL THEN\n            PERFORM pg_notify('literacy_progress', CASE WHEN cardinality(changed) > 100 THEN '*'\n                                                ELSE array_to_string(changed, ',') END);\n        END IF;\n        RETURN NULL;\n    END\n    $fn$",
    "CREATE FUNCTION \"literacy\".\"progress_changed_everything\"() RETURNS trigger LANGUAGE plpgsql AS $fn$\n    BEGIN\n        PERFORM pg_notify('literacy_progress', '*');\n        RETURN NULL;\n    END\n    $fn$",
    'CREATE TRIGGER "progress_after_training_record_insert" AFTER INSERT ON literacy.training_record REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_by_learner_id()',
    'CREATE TRIGGER "progress_after_training_record_update" AFTER UPDATE ON literacy.training_record REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_by_learner_id()',
    'CREATE TRIGGER "progress_after_training_record_delete" AFTER DELETE ON literacy.training_record REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_by_learner_id()',
    'CREATE TRIGGER "progress_after_certificate_insert" AFTER INSERT ON literacy.certificate REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_by_learner_id()',
    'CREATE TRIGGER "progress_after_certificate_update" AFTER UPDATE ON literacy.certificate REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_by_learner_id()',
    'CREATE TRIGGER "progress_after_certificate_delete" AFTER DELETE ON literacy.certificate REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_by_learner_id()',
    'CREATE TRIGGER "progress_after_learner_update" AFTER UPDATE ON literacy.learner REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_learner()',
    'CREATE TRIGGER "progress_after_learner_delete" AFTER DELETE ON literacy.learner REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_learner()',
    'CREATE TRIGGER "progress_after_course_change" AFTER UPDATE OR DELETE ON literacy.course FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_everything()',
    'CREATE TRIGGER "progress_after_learner_truncate" AFTER TRUNCATE ON literacy.learner FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_everything()',
    'CREATE TRIGGER "progress_after_training_record_truncate" AFTER TRUNCATE ON literacy.training_record FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_everything()',
    'CREATE TRIGGER "progress_after_certificate_truncate" AFTER TRUNCATE ON literacy.certificate FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_everything()',
    'CREATE TRIGGER "progress_after_course_truncate" AFTER TRUNCATE ON literacy.course FOR EACH STATEMENT EXECUTE FUNCTION literacy.progress_changed_everything()',
]

DROP = [
    'DROP TRIGGER "progress_after_course_truncate" ON literacy.course',
    'DROP TRIGGER "progress_after_certificate_truncate" ON literacy.certificate',
    'DROP TRIGGER "progress_after_training_record_truncate" ON literacy.training_record',
    'DROP TRIGGER "progress_after_learner_truncate" ON literacy.learner',
    'DROP TRIGGER "progress_after_course_change" ON literacy.course',
    'DROP TRIGGER "progress_after_learner_delete" ON literacy.learner',
    'DROP TRIGGER "progress_after_learner_update" ON literacy.learner',
    'DROP TRIGGER "progress_after_certificate_delete" ON literacy.certificate',
    'DROP TRIGGER "progress_after_certificate_update" ON literacy.certificate',
    'DROP TRIGGER "progress_after_certificate_insert" ON literacy.certificate',
    'DROP TRIGGER "progress_after_training_record_delete" ON literacy.training_record',
    'DROP TRIGGER "progress_after_training_record_update" ON literacy.training_record',
    'DROP TRIGGER "progress_after_training_record_insert" ON literacy.training_record',
    'DROP FUNCTION "literacy"."progress_changed_everything"()',
    'DROP FUNCTION "literacy"."progress_changed_learner"()',
    'DROP FUNCTION "literacy"."progress_changed_by_learner_id"()',
]


def upgrade() -> None:
    for statement in CREATE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP:
        op.execute(statement)
