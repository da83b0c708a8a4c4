"""Fused records kept as written, and their toll in a column (issue 13).

On PostgreSQL ``fused_events.record`` was JSONB, which gives objects back with its own key order
(shorter keys first), so ``polemos events`` printed the same records in another order than on
SQLite. It becomes TEXT holding the record's JSON as written (``schema.JsonText``), as
``events.record`` already is. Records fused before this revision keep JSONB's order until fusion
writes them again; their content is unchanged. SQLite's column is already text in written order.

``fused_events.killed`` holds ``record.counts.killed.best``: sorting or summing by toll read it out
of every record's JSON before.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_FILL = {
    "postgresql": "UPDATE fused_events SET killed = (record #>> '{counts,killed,best}')::numeric::integer",
    "sqlite": "UPDATE fused_events SET killed = "
    "CAST(json_extract(record, '$.counts.killed.best') AS INTEGER)",
}


def upgrade() -> None:
    op.add_column("fused_events", sa.Column("killed", sa.Integer(), nullable=True))
    dialect = op.get_bind().dialect.name
    op.execute(_FILL[dialect])
    if dialect == "postgresql":
        op.execute("ALTER TABLE fused_events ALTER COLUMN record TYPE TEXT USING record::text")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE fused_events ALTER COLUMN record TYPE JSONB USING record::jsonb")
    # not a batch (SQLite would copy the table)
    op.execute("ALTER TABLE fused_events DROP COLUMN killed")
