"""Reports stored whole, and a counter of written batches (issue 13, ``GET /events/{id}`` and
``GET /health``).

``events.record`` holds each report as ``Store.events`` gives it, as JSON text (TEXT, not JSONB,
so PostgreSQL keeps its key order): the by-id answer reads it instead of rebuilding every report
from its child tables (``polemos.store.reports``). An existing store's records are built from its
tables by ``polemos.store.migrate`` once the schema is at head, not here: this revision's tables are
not the ones later code reads. ``store_counters.reports`` moves with every batch of articles written,
so ``/health`` keeps its count of reports waiting for fusion while it and ``fusion`` stand still.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("record", sa.Text(), nullable=True))
    counters = sa.table("store_counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger))
    op.bulk_insert(counters, [{"name": "reports", "value": 0}])


def downgrade() -> None:
    op.execute("DELETE FROM store_counters WHERE name = 'reports'")
    # not a batch (SQLite would copy the table, and dropping the old one cascades to its children)
    op.execute("ALTER TABLE events DROP COLUMN record")
