"""Optional parts of polemos (extras) and the one-line message when one is used but not installed."""

from __future__ import annotations

import importlib

from polemos.errors import Errors, MissingPart

# what uses it → (module to import, what to name, what to install)
PARTS = {
    "postgres": ("psycopg", "the PostgreSQL driver psycopg", "polemos[postgres]"),
    "ray": ("ray", "Ray Data", "polemos[ray]"),
}


def require(part: str, what: str) -> None:
    """Import the module behind ``part`` or raise ``MissingPart`` naming what ``what`` needs and the
    ``pip install`` line that brings it."""
    module, package, install = PARTS[part]
    try:
        importlib.import_module(module)
    except ImportError as e:
        raise MissingPart(Errors.E220.format(what=what, package=package, install=install)) from e
