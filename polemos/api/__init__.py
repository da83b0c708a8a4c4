"""The polemos HTTP API (FastAPI): ``create_app(db_url, token)``; see docs/api.md."""

from polemos.api.app import create_app

__all__ = ["create_app"]
