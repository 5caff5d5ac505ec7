"""The official 2025 commune codes: the values of indicators of a commune framework stored under a draft
code of vietnam-provinces 2025.10 move to the code of the statistics office's official list
(`reference_data/data/commune-renumbering-2025.json`, 123 communes). The subject code is part of the key
and some codes swap, so the rows are taken out and put back renumbered. Runs keep the matrix they were
computed from, as computed.

The scoring schema is distributed as a whole in a sharded deployment (docs/scale-out.md); its tables are
classified in tests/integration/test_distribution_keys.py.

Revision ID: scoring_0005
Revises: scoring_0004
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

from reference_data.localities import commune_renumbering_2025, renumbering_values

revision: str = "scoring_0005"
down_revision: str | None = "scoring_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _renumber_commune_values(mapping: dict[str, str]) -> None:
    pairs = renumbering_values(mapping)
    op.execute(
        "CREATE TEMP TABLE moved ON COMMIT DROP AS WITH taken AS ("  # noqa: S608 - five-digit codes of a data file
        "DELETE FROM scoring.index_value v "
        f"USING scoring.index_framework f, (VALUES {pairs}) AS r (old, new) "
        "WHERE f.id = v.framework_id AND f.subject_kind = 'commune' AND v.subject_code = r.old "
        "RETURNING v.*, r.new) SELECT * FROM taken"
    )
    op.execute(
        "INSERT INTO scoring.index_value (framework_id, subject_code, indicator_code, value, updated_at) "
        "SELECT framework_id, new, indicator_code, value, updated_at FROM moved"
    )
    op.execute("DROP TABLE moved")


def upgrade() -> None:
    _renumber_commune_values(commune_renumbering_2025())


def downgrade() -> None:
    _renumber_commune_values({new: old for old, new in commune_renumbering_2025().items()})
