"""Baseline of the `campaign` schema: the append-only audit trail.

Revision ID: campaign_0001
Revises:
Create Date: 2026-11-21
"""

from collections.abc import Sequence

from alembic import op

from service_kit.audit import create_audit_table, drop_audit_table

revision: str = "campaign_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_audit_table(op, "campaign")


def downgrade() -> None:
    drop_audit_table(op, "campaign")
