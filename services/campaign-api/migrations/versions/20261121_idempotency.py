"""Idempotency keys of creating POST requests.

Revision ID: campaign_0004
Revises: campaign_0003
Create Date: 2026-11-21
"""

from collections.abc import Sequence

from alembic import op

from service_kit.idempotency import create_idempotency_table, drop_idempotency_table

revision: str = "campaign_0004"
down_revision: str | None = "campaign_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_idempotency_table(op, "campaign")


def downgrade() -> None:
    drop_idempotency_table(op, "campaign")
