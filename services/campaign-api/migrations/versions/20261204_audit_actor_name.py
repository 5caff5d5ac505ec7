"""Readable histories: the audit trail keeps the actor's name as the token gave it at the time of the act
(`actor_name`). Earlier events keep none; history is not rewritten.

Revision ID: campaign_0012
Revises: campaign_0011
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

from service_kit.audit import add_actor_name, drop_actor_name

revision: str = "campaign_0012"
down_revision: str | None = "campaign_0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_actor_name(op, "campaign")


def downgrade() -> None:
    drop_actor_name(op, "campaign")
