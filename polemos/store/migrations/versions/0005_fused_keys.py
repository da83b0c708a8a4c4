"""The filter keys of fused events' reports, and the store's counters (issue 13, the API's speed).

``fused_keys`` holds, for every member report of a fused event and every country of its locations
('' when it has none), the report's type, modality and dates and the fused event's start, so a
filtered page of fused events is one indexed SELECT instead of a join from the reports through their
locations and memberships. ``store_counters`` holds ``fusion``, bumped by every write that changes
fused events or their members, so a reader may keep the total of a filter until it moves.

An existing store's keys are filled here from its fused events as they stand.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_LEADS = (["type", "country"], ["country"], ["type"])  # covering indexes: these, then _TAIL
_TAIL = ["date_start", "date_end", "fused_id", "fused_start"]
_FILL = """
INSERT INTO fused_keys (event_uid, country, fused_id, type, modality, date_start, date_end, fused_start)
SELECT m.event_uid, c.country, m.fused_id, e.type, e.modality, e.date_start, e.date_end, f.date_start
FROM fused_members m
JOIN events e ON e.uid = m.event_uid
JOIN fused_events f ON f.id = m.fused_id
JOIN (
    SELECT DISTINCT event_uid, country FROM locations WHERE country IS NOT NULL
    UNION
    SELECT uid, '' FROM events
    WHERE NOT EXISTS (SELECT 1 FROM locations l WHERE l.event_uid = events.uid AND l.country IS NOT NULL)
) c ON c.event_uid = m.event_uid
"""


def upgrade() -> None:
    op.create_table(
        "fused_keys",
        sa.Column("event_uid", sa.String(length=32), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=False),
        sa.Column("fused_id", sa.String(length=20), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("modality", sa.String(length=20), nullable=True),
        sa.Column("date_start", sa.String(length=32), nullable=True),
        sa.Column("date_end", sa.String(length=32), nullable=True),
        sa.Column("fused_start", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_uid"], ["events.uid"], name=op.f("fk_fused_keys_event_uid_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_uid", "country", name=op.f("pk_fused_keys")),
    )
    for lead in _LEADS:
        op.create_index("ix_fused_keys_" + "_".join(lead), "fused_keys", [*lead, *_TAIL], unique=False)
    counters = op.create_table(
        "store_counters",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_store_counters")),
    )
    op.bulk_insert(counters, [{"name": "fusion", "value": 0}])
    op.execute(_FILL)


def downgrade() -> None:
    op.drop_table("store_counters")
    for lead in _LEADS:
        op.drop_index("ix_fused_keys_" + "_".join(lead), table_name="fused_keys")
    op.drop_table("fused_keys")
