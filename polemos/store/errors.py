"""The one place database errors become polemos errors.

Every statement the store runs goes through ``translated``: a SQLAlchemy error leaves the store as a
``StoreError`` whose code (E402) says "the database failed", with the driver's first line and the
(redacted) URL for the operator's log. Callers outside ``polemos.store`` therefore never see, catch
or import a SQLAlchemy exception; ``public_message`` is what the API shows a client of such an
error (no URL, host, user or password).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from sqlalchemy.engine import make_url
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from polemos.errors import Errors, StoreError
from polemos.store.engine import redact

_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)


def first_line(e: BaseException) -> str:
    """The first line of what the driver said (SQLAlchemy's own text follows it with noise)."""
    return str(getattr(e, "orig", None) or e).strip().splitlines()[0]


@contextlib.contextmanager
def translated(url: str) -> Iterator[None]:
    """Run the body; a database error in it is raised again as a coded ``StoreError`` (E402)."""
    try:
        yield
    except SQLAlchemyError as e:
        raise StoreError(Errors.E402.format(detail=f"{first_line(e)} ({redact(url)})")) from e


def public_message(e: StoreError, url: str) -> str:
    """A store error as a client may read it: never the database's URL, host, user or password.

    The store's messages end with the (redacted) URL, for the operator's log; the client gets the
    code and what went wrong with the statement (a missing table, a value refused), and for a
    connection to a server that failed, only that it failed: the driver's words there name the host
    and the user.
    """
    message = str(e)
    cause = e.__cause__
    if isinstance(cause, SQLAlchemyError) and e.code == "E402":
        if not url.startswith("sqlite") and isinstance(cause, OperationalError | InterfaceError):
            detail = "the database server cannot be reached or refused the connection"
        else:
            detail = first_line(cause)
        message = Errors.E402.format(detail=detail)
    secrets = [url, redact(url)] if url else []
    if url:
        parsed = make_url(url)
        secrets += [parsed.password or "", parsed.host or "", parsed.username or "", parsed.database or ""]
    for secret in sorted({s for s in secrets if len(s) > 3}, key=len, reverse=True):
        message = message.replace(secret, "…")
    return _URL.sub("…", message).replace(" (…)", "")
