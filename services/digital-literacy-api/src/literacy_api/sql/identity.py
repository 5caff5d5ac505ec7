"""The national look-up of national IDs (`learner_identity`), kept by statement-level triggers with
transition tables on `learner`: one statement per writer's statement, whatever its rows (the API's
single rows, the import's set-based merge, a migration's UPDATE).

- insert: the new learners' hashes enter; a hash held already (by a learner of any province) is a
  unique violation, so the writer's statement fails (the API answers 409 `learner.exists`);
- update: the learners whose hash or province changed leave and enter again (a move to another
  province, an erasure that clears the hash, a national ID corrected);
- delete: the deleted learners' hashes leave; truncate: every hash leaves.
"""

from __future__ import annotations

from alembic_utils.pg_function import PGFunction
from alembic_utils.pg_trigger import PGTrigger
from alembic_utils.replaceable_entity import ReplaceableEntity

SCHEMA = "literacy"

ENTER = """
        INSERT INTO literacy.learner_identity (national_id_hash, province_code, learner_id)
        SELECT national_id_hash, province_code, id FROM {rows} WHERE national_id_hash IS NOT NULL;"""

LEAVE = """
        DELETE FROM literacy.learner_identity i USING {rows}
        WHERE {alias}.national_id_hash IS NOT NULL AND i.national_id_hash = {alias}.national_id_hash
          AND i.learner_id = {alias}.id;"""

CHANGED = """(SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE (o.national_id_hash, o.province_code) IS DISTINCT FROM (n.national_id_hash, n.province_code))
             AS changed_old"""

CHANGED_NEW = """(SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id
              WHERE (o.national_id_hash, o.province_code) IS DISTINCT FROM (n.national_id_hash, n.province_code))
             AS changed_new"""

TRIGGERS = {
    "INSERT": (ENTER.format(rows="new_rows"), "NEW TABLE AS new_rows"),
    "UPDATE": (
        LEAVE.format(rows=CHANGED, alias="changed_old") + ENTER.format(rows=CHANGED_NEW),
        "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    ),
    "DELETE": (LEAVE.format(rows="old_rows", alias="old_rows"), "OLD TABLE AS old_rows"),
    "TRUNCATE": ("\n        DELETE FROM literacy.learner_identity;", ""),
}


def _entities() -> list[ReplaceableEntity]:
    entities: list[ReplaceableEntity] = []
    for operation, (body, referencing) in TRIGGERS.items():
        name = f"identity_after_learner_{operation.lower()}"
        entities.append(
            PGFunction(
                schema=SCHEMA,
                signature=f"{name}()",
                definition=f"""RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN{body}
        RETURN NULL;
    END
    $fn$""",
            )
        )
        entities.append(
            PGTrigger(
                schema=SCHEMA,
                signature=name,
                on_entity=f"{SCHEMA}.learner",
                is_constraint=False,
                definition=f"AFTER {operation} ON {SCHEMA}.learner "
                + (f"REFERENCING {referencing} " if referencing else "")
                + f"FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.{name}()",
            )
        )
    return entities


ENTITIES = _entities()
"""The identity look-up's trigger functions and triggers, in the order they can be created."""
