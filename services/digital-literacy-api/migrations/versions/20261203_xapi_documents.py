"""The xAPI document resources (activity state, activity profile, agent profile), statements' attachments, the
activities' merged definitions, and the statement a StatementRef names (filters reach through it).

Revision ID: literacy_0007
Revises: literacy_0006
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "literacy_0007"
down_revision: str | None = "literacy_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "literacy"


def upgrade() -> None:
    op.add_column(
        "xapi_statement",
        sa.Column(
            "statement_ref",
            sa.Uuid(),
            nullable=True,
            comment="the statement this one's object refers to (a StatementRef): filters reach it through this",
        ),
        schema=SCHEMA,
    )
    op.execute(
        "UPDATE literacy.xapi_statement SET statement_ref = (statement #>> '{object,id}')::uuid "
        "WHERE statement #>> '{object,objectType}' = 'StatementRef'"
    )
    op.create_index(
        "ix_xapi_statement_statement_ref",
        "xapi_statement",
        ["statement_ref"],
        schema=SCHEMA,
        postgresql_where=sa.text("statement_ref IS NOT NULL"),
    )
    op.create_table(
        "xapi_document",
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "province_code",
            sa.String(length=2),
            nullable=False,
            comment="the sharding key (the LRS's province)",
        ),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column(
            "activity_id", sa.Text(), nullable=False, comment="the activity IRI ('' for an agent profile)"
        ),
        sa.Column(
            "agent_key",
            sa.Text(),
            nullable=False,
            comment="the agent's identifier ('' for an activity profile)",
        ),
        sa.Column(
            "registration",
            sa.String(length=36),
            nullable=False,
            comment="a state's registration ('' for none)",
        ),
        sa.Column("document_id", sa.Text(), nullable=False, comment="stateId or profileId"),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("content_type", sa.String(length=200), nullable=False),
        sa.Column("etag", sa.String(length=64), nullable=False, comment="the SHA-1 of the content"),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('state', 'activity_profile', 'agent_profile')", name=op.f("ck_xapi_document_known_kind")
        ),
        sa.PrimaryKeyConstraint("province_code", "seq", name=op.f("pk_xapi_document")),
        schema=SCHEMA,
    )
    op.create_index(
        "uq_xapi_document_key",
        "xapi_document",
        ["province_code", "kind", "activity_id", "agent_key", "registration", "document_id"],
        unique=True,
        schema=SCHEMA,
    )
    op.create_index(
        "ix_xapi_document_updated",
        "xapi_document",
        ["kind", "activity_id", "agent_key", "updated"],
        schema=SCHEMA,
    )
    op.create_table(
        "xapi_activity",
        sa.Column("activity_id", sa.Text(), nullable=False),
        sa.Column("definition", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.PrimaryKeyConstraint("activity_id", name=op.f("pk_xapi_activity")),
        schema=SCHEMA,
    )
    op.execute(
        "INSERT INTO literacy.xapi_activity (activity_id, definition) "
        "SELECT DISTINCT ON (activity_id) activity_id, statement #> '{object,definition}' "
        "FROM literacy.xapi_statement WHERE activity_id IS NOT NULL AND statement #> '{object,definition}' IS NOT NULL "
        "ORDER BY activity_id, seq DESC"
    )
    op.create_table(
        "xapi_attachment",
        sa.Column("sha2", sa.String(length=128), nullable=False),
        sa.Column("content_type", sa.String(length=200), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("stored", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("sha2", name=op.f("pk_xapi_attachment")),
        schema=SCHEMA,
    )


def downgrade() -> None:
    op.drop_index("ix_xapi_statement_statement_ref", table_name="xapi_statement", schema=SCHEMA)
    op.drop_column("xapi_statement", "statement_ref", schema=SCHEMA)
    op.drop_table("xapi_attachment", schema=SCHEMA)
    op.drop_table("xapi_activity", schema=SCHEMA)
    op.drop_index("ix_xapi_document_updated", table_name="xapi_document", schema=SCHEMA)
    op.drop_index("uq_xapi_document_key", table_name="xapi_document", schema=SCHEMA)
    op.drop_table("xapi_document", schema=SCHEMA)
