"""The first schema: articles, article-level events and their evidence, ingest progress, quarantine.

Revision ID: 0001
Revises:
Generated once from polemos/store/schema.py and frozen: later changes go in new revisions.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=2048), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=32), nullable=True),
        sa.Column("outlet", sa.String(length=500), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("schema", sa.String(length=40), nullable=False),
        sa.Column(
            "article_extra",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "result_extra",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
    )
    op.create_index(op.f("ix_articles_content_hash"), "articles", ["content_hash"], unique=False)
    op.create_index(op.f("ix_articles_outlet"), "articles", ["outlet"], unique=False)
    op.create_index(op.f("ix_articles_published"), "articles", ["published"], unique=False)
    op.create_table(
        "ingest_files",
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mtime_ns", sa.String(length=24), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("path", name=op.f("pk_ingest_files")),
    )
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("engine", sa.String(length=20), nullable=True),
        sa.Column("workers", sa.Integer(), nullable=True),
        sa.Column(
            "paths", sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"), nullable=True
        ),
        sa.Column("seen", sa.Integer(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_runs")),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.String(length=1000), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("article_id", sa.String(length=2048), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantine")),
        sa.UniqueConstraint("source", "line", name=op.f("uq_quarantine_source_line")),
    )
    op.create_table(
        "events",
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("article_id", sa.String(length=2048), nullable=False),
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=60), nullable=True),
        sa.Column("modality", sa.String(length=20), nullable=True),
        sa.Column("has_date", sa.Boolean(), nullable=False),
        sa.Column("date_start", sa.String(length=32), nullable=True),
        sa.Column("date_end", sa.String(length=32), nullable=True),
        sa.Column("date_precision", sa.String(length=32), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column(
            "date_extra",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("has_acled", sa.Boolean(), nullable=False),
        sa.Column("acled_event_type", sa.String(length=200), nullable=True),
        sa.Column("acled_sub_event_type", sa.String(length=200), nullable=True),
        sa.Column("cameo", sa.String(length=16), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column(
            "extra", sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_events_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_events")),
        sa.UniqueConstraint("article_id", "event_id", name=op.f("uq_events_article_id_event_id")),
    )
    op.create_index(op.f("ix_events_date_end"), "events", ["date_end"], unique=False)
    op.create_index(op.f("ix_events_date_start"), "events", ["date_start"], unique=False)
    op.create_index(op.f("ix_events_modality"), "events", ["modality"], unique=False)
    op.create_index(op.f("ix_events_type_date_start"), "events", ["type", "date_start"], unique=False)
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=2048), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("name", sa.String(length=1000), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("admin1", sa.String(length=500), nullable=True),
        sa.Column("feature", sa.String(length=40), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column(
            "extra", sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_places_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
    )
    op.create_index(op.f("ix_places_article_id"), "places", ["article_id"], unique=False)
    op.create_index(op.f("ix_places_geonameid"), "places", ["geonameid"], unique=False)
    op.create_table(
        "times",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=2048), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("value", sa.String(length=100), nullable=True),
        sa.Column("start_date", sa.String(length=32), nullable=True),
        sa.Column("end_date", sa.String(length=32), nullable=True),
        sa.Column("precision", sa.String(length=32), nullable=True),
        sa.Column(
            "extra", sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_times_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_times")),
    )
    op.create_index(op.f("ix_times_article_id"), "times", ["article_id"], unique=False)
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_uid", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("name", sa.String(length=1000), nullable=True),
        sa.Column("name_fold", sa.String(length=1000), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("party", sa.Boolean(), nullable=True),
        sa.Column(
            "extra", sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["event_uid"], ["events.uid"], name=op.f("fk_actors_event_uid_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
    )
    op.create_index(op.f("ix_actors_event_uid"), "actors", ["event_uid"], unique=False)
    op.create_index(op.f("ix_actors_role_name_fold"), "actors", ["role", "name_fold"], unique=False)
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_uid", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("outlet", sa.String(length=500), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column(
            "extra", sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["event_uid"], ["events.uid"], name=op.f("fk_claims_event_uid_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    op.create_index(op.f("ix_claims_event_uid"), "claims", ["event_uid"], unique=False)
    op.create_table(
        "counts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_uid", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("is_null", sa.Boolean(), nullable=False),
        sa.Column("low", sa.Integer(), nullable=True),
        sa.Column("best", sa.Integer(), nullable=True),
        sa.Column("high", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column(
            "extra", sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["event_uid"], ["events.uid"], name=op.f("fk_counts_event_uid_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counts")),
    )
    op.create_index(op.f("ix_counts_event_uid"), "counts", ["event_uid"], unique=False)
    op.create_table(
        "locations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_uid", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("name", sa.String(length=1000), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("admin1", sa.String(length=500), nullable=True),
        sa.Column("feature", sa.String(length=40), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column(
            "extra", sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["event_uid"], ["events.uid"], name=op.f("fk_locations_event_uid_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_locations")),
    )
    op.create_index(op.f("ix_locations_country"), "locations", ["country"], unique=False)
    op.create_index(op.f("ix_locations_event_uid"), "locations", ["event_uid"], unique=False)
    op.create_index(op.f("ix_locations_geonameid"), "locations", ["geonameid"], unique=False)
    op.create_index(op.f("ix_locations_lat_lon"), "locations", ["lat", "lon"], unique=False)
    op.create_table(
        "spans",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_uid", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column(
            "extra", sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["event_uid"], ["events.uid"], name=op.f("fk_spans_event_uid_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spans")),
    )
    op.create_index(op.f("ix_spans_event_uid"), "spans", ["event_uid"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_spans_event_uid"), table_name="spans")
    op.drop_table("spans")
    op.drop_index(op.f("ix_locations_lat_lon"), table_name="locations")
    op.drop_index(op.f("ix_locations_geonameid"), table_name="locations")
    op.drop_index(op.f("ix_locations_event_uid"), table_name="locations")
    op.drop_index(op.f("ix_locations_country"), table_name="locations")
    op.drop_table("locations")
    op.drop_index(op.f("ix_counts_event_uid"), table_name="counts")
    op.drop_table("counts")
    op.drop_index(op.f("ix_claims_event_uid"), table_name="claims")
    op.drop_table("claims")
    op.drop_index(op.f("ix_actors_role_name_fold"), table_name="actors")
    op.drop_index(op.f("ix_actors_event_uid"), table_name="actors")
    op.drop_table("actors")
    op.drop_index(op.f("ix_times_article_id"), table_name="times")
    op.drop_table("times")
    op.drop_index(op.f("ix_places_geonameid"), table_name="places")
    op.drop_index(op.f("ix_places_article_id"), table_name="places")
    op.drop_table("places")
    op.drop_index(op.f("ix_events_type_date_start"), table_name="events")
    op.drop_index(op.f("ix_events_modality"), table_name="events")
    op.drop_index(op.f("ix_events_date_start"), table_name="events")
    op.drop_index(op.f("ix_events_date_end"), table_name="events")
    op.drop_table("events")
    op.drop_table("quarantine")
    op.drop_table("ingest_runs")
    op.drop_table("ingest_files")
    op.drop_index(op.f("ix_articles_published"), table_name="articles")
    op.drop_index(op.f("ix_articles_outlet"), table_name="articles")
    op.drop_index(op.f("ix_articles_content_hash"), table_name="articles")
    op.drop_table("articles")
