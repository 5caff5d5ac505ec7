"""Idempotency keys of creating POST requests.

Revision ID: scoring_0002
Revises: scoring_0001
Create Date: 2026-11-21
"""

from collections.abc import Sequence

from alembic import op

from service_kit.idempotency import create_idempotency_table, drop_idempotency_table

revision: str = "scoring_0002"
down_revision: str | None = "scoring_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_idempotency_table(op, "scoring")


def downgrade() -> None:
    drop_idempotency_table(op, "scoring")
