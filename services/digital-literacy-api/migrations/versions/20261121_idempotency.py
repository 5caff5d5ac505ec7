"""Idempotency keys of creating POST requests.

Revision ID: literacy_0002
Revises: literacy_0001
Create Date: 2026-11-21
"""

from collections.abc import Sequence

from alembic import op

from service_kit.idempotency import create_idempotency_table, drop_idempotency_table

revision: str = "literacy_0002"
down_revision: str | None = "literacy_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_idempotency_table(op, "literacy")


def downgrade() -> None:
    drop_idempotency_table(op, "literacy")
