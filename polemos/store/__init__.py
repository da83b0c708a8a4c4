"""The store: articles and their events in SQLite or PostgreSQL (see docs/store.md)."""

from polemos.store.base import Failure, Progress, Store, Stored
from polemos.store.query import EventFilter
from polemos.store.sql import SqlStore, open_store

__all__ = ["EventFilter", "Failure", "Progress", "SqlStore", "Store", "Stored", "open_store"]
