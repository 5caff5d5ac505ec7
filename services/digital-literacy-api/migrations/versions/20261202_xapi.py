"""The xAPI learning record store: statements (JSONB plus the queried columns, keyed by province), actor
links to learners, and the activity IRIs that mean each course.

Revision ID: literacy_0006
Revises: literacy_0005
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "literacy_0006"
down_revision: str | None = "literacy_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "literacy"


def upgrade() -> None:
    op.add_column(
        "course",
        sa.Column(
            "xapi_activity_ids",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="the xAPI activity IRIs that mean this course (statements about them become its records)",
        ),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_course_xapi_activity_ids", "course", ["xapi_activity_ids"], schema=SCHEMA, postgresql_using="gin"
    )
    op.create_table(
        "xapi_statement",
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "province_code",
            sa.String(length=2),
            nullable=False,
            comment="the sharding key (the LRS's province)",
        ),
        sa.Column("statement", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("actor_key", sa.Text(), nullable=False),
        sa.Column("verb_id", sa.Text(), nullable=False),
        sa.Column("activity_id", sa.Text(), nullable=True),
        sa.Column("registration", sa.Uuid(), nullable=True),
        sa.Column("related_activities", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("related_agents", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("voids", sa.Uuid(), nullable=True, comment="the statement this one voids"),
        sa.Column("stored", sa.DateTime(timezone=True), nullable=False),
        sa.Column("client_id", sa.String(length=128), nullable=False),
        sa.Column("effect", sa.String(length=10), nullable=False),
        sa.Column("course_code", sa.String(length=32), nullable=True),
        sa.Column("record_id", sa.Uuid(), nullable=True),
        sa.Column(
            "record_before",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=True,
            comment="the record's status and progress before this statement applied (null: it created it)",
        ),
        sa.Column("record_updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "effect IN ('none', 'pending', 'applied', 'reverted', 'refused')",
            name=op.f("ck_xapi_statement_known_effect"),
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            [f"{SCHEMA}.training_record.id"],
            name=op.f("fk_xapi_statement_record_id_training_record"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_xapi_statement")),
        sa.UniqueConstraint("id", name=op.f("uq_xapi_statement_id")),
        schema=SCHEMA,
    )
    for name, columns in (
        ("ix_xapi_statement_actor_key_seq", ["actor_key", "seq"]),
        ("ix_xapi_statement_verb_id_seq", ["verb_id", "seq"]),
        ("ix_xapi_statement_activity_id_seq", ["activity_id", "seq"]),
        ("ix_xapi_statement_registration_seq", ["registration", "seq"]),
        ("ix_xapi_statement_stored_seq", ["stored", "seq"]),
        ("ix_xapi_statement_province_code_seq", ["province_code", "seq"]),
    ):
        op.create_index(name, "xapi_statement", columns, schema=SCHEMA)
    op.create_index(
        "ix_xapi_statement_activities",
        "xapi_statement",
        ["related_activities"],
        schema=SCHEMA,
        postgresql_using="gin",
    )
    op.create_index(
        "ix_xapi_statement_agents",
        "xapi_statement",
        ["related_agents"],
        schema=SCHEMA,
        postgresql_using="gin",
    )
    op.create_index(
        "ix_xapi_statement_pending_actor",
        "xapi_statement",
        ["actor_key"],
        schema=SCHEMA,
        postgresql_where=sa.text("effect = 'pending'"),
    )
    op.create_table(
        "xapi_actor_link",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("actor_key", sa.Text(), nullable=False),
        sa.Column("actor_account_homepage", sa.String(length=500), nullable=True),
        sa.Column("actor_account_name", sa.String(length=200), nullable=True),
        sa.Column("mbox_sha1sum", sa.String(length=40), nullable=True),
        sa.Column("learner_id", sa.Uuid(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            [f"{SCHEMA}.learner.id"],
            name=op.f("fk_xapi_actor_link_learner_id_learner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_xapi_actor_link")),
        sa.UniqueConstraint("actor_key", name=op.f("uq_xapi_actor_link_actor_key")),
        schema=SCHEMA,
    )
    op.create_index(op.f("ix_xapi_actor_link_learner_id"), "xapi_actor_link", ["learner_id"], schema=SCHEMA)


def downgrade() -> None:
    op.drop_table("xapi_actor_link", schema=SCHEMA)
    op.drop_table("xapi_statement", schema=SCHEMA)
    op.drop_index("ix_course_xapi_activity_ids", table_name="course", schema=SCHEMA)
    op.drop_column("course", "xapi_activity_ids", schema=SCHEMA)
