"""The store: articles and their events in SQLite or PostgreSQL (see docs/store.md).

The only package that talks to a database: the rest of polemos uses the Protocols of
``polemos.store.base`` (``Store``, ``FusionTx``, ``WatchStore``), which ``SqlStore`` implements.
"""

from polemos.store.base import (
    EventFilter,
    EventQuery,
    Failure,
    FusedRow,
    FusionTx,
    Progress,
    Store,
    Stored,
    WatchStore,
)
from polemos.store.sql import SqlStore, open_store

__all__ = ["EventFilter", "EventQuery", "Failure", "FusedRow", "FusionTx", "Progress", "SqlStore", "Store",
           "Stored", "WatchStore", "open_store"]  # fmt: skip
