"""The store's tables (SQLAlchemy 2 Core), one schema for SQLite and PostgreSQL.

The contract record (``polemos.article/1``) is kept field by field so it can be rebuilt exactly:

- ``articles``   one row per article (text kept: evidence and fusion read it), keyed by the contract id
- ``events``     one row per article-level event; ``uid`` is a stable global id (article id + event id)
- ``actors``     actor, target and claimant mentions (``role``), so ``--actor``/``--claimant`` share an index
- ``claims``     who says it, in order; the claimant of claim ``seq`` is the ``actors`` row (claimant, seq)
- ``locations``  an event's places;  ``counts`` killed/injured/size;  ``spans`` trigger, evidence, mentions
- ``places`` / ``times``   the article-level geoparser and time-tagger lists
- ``ingest_runs`` / ``ingest_files`` / ``quarantine``   progress and failures of ingest runs

Every row that mirrors a JSON object has an ``extra`` JSON column for keys this schema does not name,
so fields the pipeline adds later survive the round trip. Dates are ISO strings (``YYYY-MM-DD``): they
sort and compare the same way on both databases. Fused events (issue 5) come in a later migration as
their own tables (``fused_events``, ``fused_members`` → ``events.uid``, ``fusion_history``).

Changing a table here needs a new migration in ``migrations/versions`` (a test compares the two).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

SCHEMA_REVISION = "0007"  # the alembic head this code reads and writes

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

Json = JSON().with_variant(JSONB(), "postgresql")


class JsonText(TypeDecorator[Any]):
    """A JSON value kept as its text (``json.dumps``), so PostgreSQL gives back its keys in the order
    they were written, as SQLite's JSON column does (JSONB reorders them: shorter keys first)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else json.loads(value)


# A whole record: JSON on SQLite (already text, in written order), text on PostgreSQL (migration 0007)
RecordJson = JSON().with_variant(JsonText(), "postgresql")
Id = String(2048)  # article ids are callers' ids, text hashes or URLs


def _fk_event() -> Column:
    return Column("event_uid", String(32), ForeignKey("events.uid", ondelete="CASCADE"), nullable=False)


articles = Table(
    "articles",
    metadata,
    Column("id", Id, primary_key=True),
    Column("content_hash", String(64), nullable=False),  # sha256 of the text
    Column("title", Text),
    Column("published", String(32)),
    Column("outlet", String(500)),
    Column("url", Text),
    Column("language", String(16)),
    Column("text", Text),
    Column("source", Text),  # where it was read from: "file.jsonl:12"
    Column("schema", String(40), nullable=False),
    Column("article_extra", Json),  # unknown keys of result["article"]
    Column("result_extra", Json),  # unknown keys of the result itself (e.g. noise)
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("run_id", Integer),
    Index(None, "content_hash"),
    Index(None, "published"),
    Index(None, "outlet"),
)

events = Table(
    "events",
    metadata,
    Column("uid", String(32), primary_key=True),  # stable: see records.event_uid
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", String(200), nullable=False),  # the contract id, unique within its article
    Column("seq", Integer, nullable=False),  # order within the article
    Column("type", String(20), nullable=False),
    Column("mode", String(60)),
    Column("modality", String(20)),
    Column("has_date", Boolean, nullable=False),
    Column("date_start", String(32)),
    Column("date_end", String(32)),
    Column("date_precision", String(32)),
    Column("date_text", Text),
    Column("date_extra", Json),
    Column("has_acled", Boolean, nullable=False),
    Column("acled_event_type", String(200)),
    Column("acled_sub_event_type", String(200)),
    Column("cameo", String(16)),
    Column("confidence", Float),
    Column("extra", Json),
    # The report whole, as ``Store.events`` gives it, as JSON text (migration 0006): written with the
    # row, read instead of rebuilding it from its child tables. TEXT, so PostgreSQL keeps its key order.
    Column("record", Text),
    UniqueConstraint("article_id", "event_id"),
    Index(None, "type", "date_start"),
    Index(None, "type", "date_start", "date_end", "uid"),  # covers the filtered page (migration 0003)
    Index(None, "date_start"),
    Index(None, "date_end"),
    Index(None, "modality"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk_event(),
    Column("role", String(32), nullable=False),  # actor, target, claimant
    Column("seq", Integer, nullable=False),  # claimants: the index of their claim; else 0
    Column("text", Text),
    Column("name", String(1000)),
    Column("name_fold", String(1000)),  # lower-cased name, else text: the --actor/--claimant key
    Column("kind", String(40)),
    Column("country", String(8)),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("party", Boolean),
    Column("extra", Json),
    Index(None, "event_uid"),
    Index(None, "role", "name_fold"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk_event(),
    Column("seq", Integer, nullable=False),
    Column("outlet", String(500)),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("extra", Json),
    Index(None, "event_uid"),
)

_PLACE_COLUMNS = (
    ("text", Text),
    ("name", String(1000)),
    ("geonameid", Integer),
    ("lat", Float),
    ("lon", Float),
    ("country", String(8)),
    ("admin1", String(500)),
    ("feature", String(40)),
    ("span_start", Integer),
    ("span_end", Integer),
)

locations = Table(
    "locations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk_event(),
    Column("seq", Integer, nullable=False),
    *(Column(name, kind) for name, kind in _PLACE_COLUMNS),
    Column("extra", Json),
    Index(None, "event_uid"),
    Index(None, "event_uid", "country"),  # covers the country filter (migration 0003)
    Index(None, "country"),
    Index(None, "lat", "lon"),
    Index(None, "geonameid"),
)

counts = Table(
    "counts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk_event(),
    Column("kind", String(20), nullable=False),  # killed, injured, size
    Column("seq", Integer, nullable=False),  # key order in the record
    Column("is_null", Boolean, nullable=False),  # the key is present with value null
    Column("low", Integer),
    Column("best", Integer),
    Column("high", Integer),
    Column("text", Text),
    Column("extra", Json),
    Index(None, "event_uid"),
)

spans = Table(
    "spans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk_event(),
    Column("role", String(32), nullable=False),  # trigger, evidence, mention
    Column("seq", Integer, nullable=False),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("text", Text),
    Column("extra", Json),
    Index(None, "event_uid"),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    *(Column(name, kind) for name, kind in _PLACE_COLUMNS),
    Column("extra", Json),
    Index(None, "article_id"),
    Index(None, "geonameid"),
)

times = Table(
    "times",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("text", Text),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("value", String(100)),
    Column("start_date", String(32)),
    Column("end_date", String(32)),
    Column("precision", String(32)),
    Column("extra", Json),
    Index(None, "article_id"),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(20), nullable=False),  # running, done, failed (a killed run stays running)
    Column("engine", String(20)),
    Column("workers", Integer),
    Column("paths", Json),
    Column("seen", Integer, nullable=False, default=0),
    Column("added", Integer, nullable=False, default=0),
    Column("updated", Integer, nullable=False, default=0),
    Column("skipped", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    Column("events", Integer, nullable=False, default=0),
)

ingest_files = Table(
    "ingest_files",
    metadata,
    Column("path", String(1000), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("mtime_ns", String(24), nullable=False),  # as text: nanoseconds overflow a 32-bit column
    Column("articles", Integer, nullable=False),
    Column("done_at", DateTime(timezone=True), nullable=False),
    Column("run_id", Integer),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(1000), nullable=False),  # file path
    Column("line", Integer, nullable=False),  # 0 when the whole file failed
    Column("code", String(8)),
    Column("reason", Text, nullable=False),
    Column("article_id", Id),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("run_id", Integer),
    UniqueConstraint("source", "line"),
)

# Fused events (issue 5, migration 0002): the fuser's output and people's decisions.
fused_events = Table(
    "fused_events",
    metadata,
    Column("id", String(20), primary_key=True),  # stable across re-ingest and re-fusion
    Column("type", String(20)),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("n_reports", Integer, nullable=False),
    Column("record", RecordJson, nullable=False),  # the polemos.event/1 record, keys in written order
    Column("killed", Integer),  # record.counts.killed.best, for sorting by toll (migration 0007)
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index(None, "date_start"),
    Index(None, "type", "date_start"),
)

fused_members = Table(
    "fused_members",
    metadata,
    Column("event_uid", String(32), ForeignKey("events.uid", ondelete="CASCADE"), primary_key=True),
    Column("fused_id", String(20), nullable=False),
    Index(None, "fused_id"),
)

# What a filtered page of fused events reads (migration 0005): one row per member report of a fused
# event and per country of that report's locations ('' when it has none), with the report's filter
# columns copied from ``events`` and the fused event's start (the order of a page). A fused event
# matches a filter when one of its reports does, so the filter is one indexed SELECT over this table.
# Written beside ``fused_members`` by fusion (``polemos.store.fusion``) and gone with the report.
fused_keys = Table(
    "fused_keys",
    metadata,
    Column("event_uid", String(32), ForeignKey("events.uid", ondelete="CASCADE"), primary_key=True),
    Column("country", String(8), primary_key=True),  # '' for a report with no located country
    Column("fused_id", String(20), nullable=False),
    Column("type", String(20), nullable=False),  # the report's, as in events
    Column("modality", String(20)),
    Column("date_start", String(32)),
    Column("date_end", String(32)),
    Column("fused_start", String(10)),  # fused_events.date_start of fused_id
    # covering: a filter by type, country and dates reads one range of one index (names spelt out:
    # the convention's would pass PostgreSQL's 63 characters)
    Index(
        "ix_fused_keys_type_country", "type", "country", "date_start", "date_end", "fused_id", "fused_start"
    ),
    Index("ix_fused_keys_country", "country", "date_start", "date_end", "fused_id", "fused_start"),
    Index("ix_fused_keys_type", "type", "date_start", "date_end", "fused_id", "fused_start"),
)

# Counters the store bumps (migration 0005): ``fusion`` goes up with every write that changes which
# fused events exist or which reports they hold, ``reports`` (migration 0006) with every batch of
# articles written, so a reader may keep a count until they move.
store_counters = Table(
    "store_counters",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

fused_articles = Table(
    "fused_articles",
    metadata,
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("fused_id", String(20)),  # null: fusion saw it and it joined no event
    Index(None, "fused_id"),
)

fusion_history = Table(
    "fusion_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("op", String(10), nullable=False),  # merge, split
    Column("fused_ids", Json, nullable=False),
    Column("reports", Json, nullable=False),  # the report uids the decision speaks of, at the time
    Column("report", String(32)),  # split: the report taken out
    Column("who", String(200), nullable=False),
    Column("at", String(40), nullable=False),  # ISO time of the decision
    Column("why", Text),
    Column("result_id", String(20)),
)

# Watching sources (issue 14, migration 0004): what `polemos watch` fetched, so a killed watcher resumes.
watch_sources = Table(
    "watch_sources",
    metadata,
    Column("source", String(1000), primary_key=True),  # a feed URL or a local path, as given
    Column("kind", String(10), nullable=False),  # feed, folder, file
    Column("etag", Text),  # validators of the last 200, sent back as If-None-Match / If-Modified-Since
    Column("last_modified", Text),
    Column("final_url", Text),  # where redirects led
    Column("status", String(20), nullable=False),  # new, ok, unchanged, failed
    Column("failures", Integer, nullable=False),  # in a row; the back-off doubles with each
    Column("reason", Text),  # why the last try failed
    Column("next_try_at", DateTime(timezone=True)),  # not tried again before (back-off)
    Column("tried_at", DateTime(timezone=True)),
    Column("ok_at", DateTime(timezone=True)),
    Column("items", Integer, nullable=False),  # feed items seen so far
)

watch_items = Table(
    "watch_items",
    metadata,
    Column("id", String(32), primary_key=True),  # sha256 of source and the item's key
    Column("source", String(1000), nullable=False),
    Column("key", Text, nullable=False),  # the entry's id, else its link
    Column("link", Text),
    Column("state", String(12), nullable=False),  # pending, failed, done, gave-up
    Column("tries", Integer, nullable=False),
    Column("reason", Text),
    Column("next_try_at", DateTime(timezone=True)),
    Column("entry", Json),  # title, text, published, outlet from the feed: what is read without the page
    Column("article_id", Id),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Column("done_at", DateTime(timezone=True)),
    Index(None, "state"),
    Index(None, "source"),
)

# Versions of fused events and the change feed (issue 14): ``event_changes.seq`` is the cursor.
event_versions = Table(
    "event_versions",
    metadata,
    Column("fused_id", String(20), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("digest", String(64), nullable=False),  # sha256 of the record as last seen
    Column("members", Json, nullable=False),  # its report uids then: where they went tells a merge
    Column("seen_at", DateTime(timezone=True)),  # fused_events.updated_at then; null once gone
    Column("gone", Boolean, nullable=False),
)

event_changes = Table(
    "event_changes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("fused_id", String(20), nullable=False),
    Column("op", String(10), nullable=False),  # added, updated, merged, removed
    Column("version", Integer, nullable=False),
    Column("into_id", String(20)),  # merged: the fused event it became part of
    Column("at", DateTime(timezone=True), nullable=False),
    Index(None, "fused_id"),
)

ARTICLE_CHILDREN = (places, times)
EVENT_CHILDREN = (actors, claims, locations, counts, spans)
