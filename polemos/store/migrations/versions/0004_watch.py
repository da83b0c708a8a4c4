"""Watching sources and the change feed (issue 14): feed validators and failures, feed items and
their state, versions of fused events, and the ordered list of their changes.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql")


def _at(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("source", sa.String(length=1000), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("final_url", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        _at("next_try_at"),
        _at("tried_at"),
        _at("ok_at"),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("source", name=op.f("pk_watch_sources")),
    )
    op.create_table(
        "watch_items",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=1000), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        _at("next_try_at"),
        sa.Column("entry", _json(), nullable=True),
        sa.Column("article_id", sa.String(length=2048), nullable=True),
        _at("seen_at", nullable=False),
        _at("done_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watch_items")),
    )
    op.create_index(op.f("ix_watch_items_state"), "watch_items", ["state"], unique=False)
    op.create_index(op.f("ix_watch_items_source"), "watch_items", ["source"], unique=False)
    op.create_table(
        "event_versions",
        sa.Column("fused_id", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("members", _json(), nullable=False),
        _at("seen_at"),
        sa.Column("gone", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("fused_id", name=op.f("pk_event_versions")),
    )
    op.create_table(
        "event_changes",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("fused_id", sa.String(length=20), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("into_id", sa.String(length=20), nullable=True),
        _at("at", nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_event_changes")),
    )
    op.create_index(op.f("ix_event_changes_fused_id"), "event_changes", ["fused_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_event_changes_fused_id"), table_name="event_changes")
    op.drop_table("event_changes")
    op.drop_table("event_versions")
    op.drop_index(op.f("ix_watch_items_source"), table_name="watch_items")
    op.drop_index(op.f("ix_watch_items_state"), table_name="watch_items")
    op.drop_table("watch_items")
    op.drop_table("watch_sources")
