"""The watcher's state (feeds and their items), kept in the store so a watcher killed at any moment
resumes where it was.

The statements are the store's (``polemos.store.watch``, behind the ``WatchStore`` Protocol that
``Store.watch_state()`` returns); this module keeps the names the watcher and its tests use. See
``polemos.store.watch`` for how items go from *pending* to *done*, *failed* and *gave-up*.
"""

from __future__ import annotations

from polemos.store.base import Item
from polemos.store.watch import MAX_TRIES, WatchState, backoff, item_id

__all__ = ["MAX_TRIES", "Item", "WatchState", "backoff", "item_id"]
