"""Citus-ready keys for scorecards: a round's scorecards are distributed by `round_id` (its ranking, export
and workflow lists stay on one shard; the round is a reference table), so the round comes first in the
primary key, beside the unique `(round_id, subject_id)` it had. On one PostgreSQL this changes no answer.

Revision ID: scoring_0006
Revises: scoring_0005
Create Date: 2026-12-04 11:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "scoring_0006"
down_revision: str | None = "scoring_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "scoring"


def upgrade() -> None:
    op.drop_constraint("pk_scorecard", "scorecard", schema=S, type_="primary")
    op.create_primary_key("pk_scorecard", "scorecard", ["round_id", "id"], schema=S)


def downgrade() -> None:
    op.drop_constraint("pk_scorecard", "scorecard", schema=S, type_="primary")
    op.create_primary_key("pk_scorecard", "scorecard", ["id"], schema=S)
