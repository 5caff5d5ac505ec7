"""The official 2025 commune codes: units stored with a draft code of vietnam-provinces 2025.10 take the
code of the statistics office's official list (`reference_data/data/commune-renumbering-2025.json`, 123
communes; some codes swap, so one statement maps them all). The audit trail keeps what it recorded.

The campaign schema is distributed as a whole in a sharded deployment (docs/scale-out.md); its tables are
classified in tests/integration/test_distribution_keys.py.

Revision ID: campaign_0008
Revises: campaign_0007
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

from reference_data.localities import commune_renumbering_2025, renumbering_values

revision: str = "campaign_0009"
down_revision: str | None = "campaign_0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _renumber_units(mapping: dict[str, str]) -> None:
    pairs = renumbering_values(mapping)
    op.execute(
        "UPDATE campaign.unit u SET commune_code = r.new "  # noqa: S608 - five-digit codes of a data file
        f"FROM (VALUES {pairs}) AS r (old, new) WHERE u.commune_code = r.old"
    )


def upgrade() -> None:
    _renumber_units(commune_renumbering_2025())


def downgrade() -> None:
    _renumber_units({new: old for old, new in commune_renumbering_2025().items()})
