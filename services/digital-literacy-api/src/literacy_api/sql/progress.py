# ruff: noqa: S608 - the SQL below is assembled from constants of this module, never from input
"""What a learner's progress is read from changed: statement-level triggers that `NOTIFY` the learners
concerned on channel `literacy_progress`, so that every process drops its copy of their progress
(`training.cache`). The payload is the learners' ids separated by commas, or `*` when more than
`MOST_NAMED` changed at once (an import batch, a course edited, a table truncated): drop everything.

Kept apart from the coverage rules (`rules.py`): these only say what changed, they count nothing."""

from __future__ import annotations

from alembic_utils.pg_function import PGFunction
from alembic_utils.pg_trigger import PGTrigger
from alembic_utils.replaceable_entity import ReplaceableEntity

SCHEMA = "literacy"
CHANNEL = "literacy_progress"
EVERYONE = "*"
MOST_NAMED = 100
"""Learners named in one notification at most (36 characters each: the 8,000-byte payload limit is far)."""


def _notify(select_changed: dict[str, str]) -> str:
    branches = "\n        ELS".join(
        f"IF TG_OP = '{operation}' THEN\n            SELECT array_agg(id::text) INTO changed "
        f"FROM ({select} LIMIT {MOST_NAMED + 1}) named;"
        for operation, select in select_changed.items()
    )
    return f"""RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
        changed text[];
    BEGIN
        {branches}
        END IF;
        IF changed IS NOT NULL THEN
            PERFORM pg_notify('{CHANNEL}', CASE WHEN cardinality(changed) > {MOST_NAMED} THEN '{EVERYONE}'
                                                ELSE array_to_string(changed, ',') END);
        END IF;
        RETURN NULL;
    END
    $fn$"""


BY_LEARNER_ID = _notify(
    {
        "INSERT": "SELECT DISTINCT learner_id AS id FROM new_rows",
        "UPDATE": "SELECT learner_id AS id FROM new_rows UNION SELECT learner_id FROM old_rows",
        "DELETE": "SELECT DISTINCT learner_id AS id FROM old_rows",
    }
)
"""Records and certificates: the learners they belong to (before and after)."""

LEARNER = _notify(
    {
        "UPDATE": "SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id "
        "WHERE n.full_name IS DISTINCT FROM o.full_name",
        "DELETE": "SELECT id FROM old_rows",
    }
)
"""Learners: renamed (erasure too) or deleted. A new learner has nothing kept yet."""

EVERYTHING = f"""RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        PERFORM pg_notify('{CHANNEL}', '{EVERYONE}');
        RETURN NULL;
    END
    $fn$"""
"""A course changed (its title, hours or competences are in everyone's progress), or a table was emptied."""

REFERENCING = {
    "INSERT": "NEW TABLE AS new_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
}


def _function(name: str, definition: str) -> PGFunction:
    return PGFunction(schema=SCHEMA, signature=f"{name}()", definition=definition)


def _trigger(name: str, table: str, events: str, function: str, referencing: str = "") -> PGTrigger:
    return PGTrigger(
        schema=SCHEMA,
        signature=name,
        on_entity=f"{SCHEMA}.{table}",
        is_constraint=False,
        definition=f"AFTER {events} ON {SCHEMA}.{table} {referencing}"
        f"FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.{function}()",
    )


def _entities() -> list[ReplaceableEntity]:
    entities: list[ReplaceableEntity] = [
        _function("progress_changed_by_learner_id", BY_LEARNER_ID),
        _function("progress_changed_learner", LEARNER),
        _function("progress_changed_everything", EVERYTHING),
    ]
    for table in ("training_record", "certificate"):
        for operation, referencing in REFERENCING.items():
            entities.append(
                _trigger(
                    f"progress_after_{table}_{operation.lower()}",
                    table,
                    operation,
                    "progress_changed_by_learner_id",
                    f"REFERENCING {referencing} ",
                )
            )
    for operation in ("UPDATE", "DELETE"):
        entities.append(
            _trigger(
                f"progress_after_learner_{operation.lower()}",
                "learner",
                operation,
                "progress_changed_learner",
                f"REFERENCING {REFERENCING[operation]} ",
            )
        )
    entities.append(
        _trigger("progress_after_course_change", "course", "UPDATE OR DELETE", "progress_changed_everything")
    )
    for table in ("learner", "training_record", "certificate", "course"):
        entities.append(
            _trigger(f"progress_after_{table}_truncate", table, "TRUNCATE", "progress_changed_everything")
        )
    return entities


PROGRESS_ENTITIES = _entities()
"""The progress notifications' functions and triggers, in the order they can be created."""
