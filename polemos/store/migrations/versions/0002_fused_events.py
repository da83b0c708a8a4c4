"""Fused events: the fuser's records, which article-level event (and which article no event was read
from) belongs to which, people's decisions.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "fused_events",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=True),
        sa.Column("date_start", sa.String(length=10), nullable=True),
        sa.Column("date_end", sa.String(length=10), nullable=True),
        sa.Column("n_reports", sa.Integer(), nullable=False),
        sa.Column("record", _json(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fused_events")),
    )
    op.create_index(op.f("ix_fused_events_date_start"), "fused_events", ["date_start"], unique=False)
    op.create_index(
        op.f("ix_fused_events_type_date_start"), "fused_events", ["type", "date_start"], unique=False
    )
    op.create_table(
        "fused_members",
        sa.Column("event_uid", sa.String(length=32), nullable=False),
        sa.Column("fused_id", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_uid"], ["events.uid"], name=op.f("fk_fused_members_event_uid_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_uid", name=op.f("pk_fused_members")),
    )
    op.create_index(op.f("ix_fused_members_fused_id"), "fused_members", ["fused_id"], unique=False)
    op.create_table(
        "fused_articles",
        sa.Column("article_id", sa.String(length=2048), nullable=False),
        sa.Column("fused_id", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_fused_articles_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_fused_articles")),
    )
    op.create_index(op.f("ix_fused_articles_fused_id"), "fused_articles", ["fused_id"], unique=False)
    op.create_table(
        "fusion_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("fused_ids", _json(), nullable=False),
        sa.Column("reports", _json(), nullable=False),
        sa.Column("report", sa.String(length=32), nullable=True),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("why", sa.Text(), nullable=True),
        sa.Column("result_id", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fusion_history")),
    )


def downgrade() -> None:
    op.drop_table("fusion_history")
    op.drop_index(op.f("ix_fused_articles_fused_id"), table_name="fused_articles")
    op.drop_table("fused_articles")
    op.drop_index(op.f("ix_fused_members_fused_id"), table_name="fused_members")
    op.drop_table("fused_members")
    op.drop_index(op.f("ix_fused_events_type_date_start"), table_name="fused_events")
    op.drop_index(op.f("ix_fused_events_date_start"), table_name="fused_events")
    op.drop_table("fused_events")
