"""Every user-facing message, coded, and the exception tree.

- PolemosError            base of everything polemos raises on purpose
  - ConfigError           a bad option, setting or environment
    - MissingPart         an optional part that is not installed (the message says what to install)
  - ReadError             an input that cannot be read (empty, binary, bad encoding, malformed line)
  - ResolveError          a gazetteer or dictionary that cannot be built or loaded
  - StoreError            the database refused or failed
    - MigrationError      the schema is not at the version this code needs
    - StoreBusy           another ingest holds the store
  - ExtractError          one article's extraction failed or ran over its time budget
  - BatchError            a batch engine (processes, Ray) failed

Messages are ``Errors.E101.format(...)``: a ``Message``, text whose first word is its code (so users
can search for it) and that carries the code as ``.code`` too. A ``PolemosError`` takes its ``code``
from its message, and has an HTTP ``status`` (what the API answers) and an ``exit_code`` (what the
command line exits with); nothing reads a code back out of a message's text.
"""

from __future__ import annotations

from typing import Any


class Message(str):
    """A coded message: its text ("[E101] x.txt: empty input ...") and its ``code`` ("E101").

    ``format`` keeps the code, so ``Errors.E101.format(source=...)`` is a ``Message`` as well; any
    other string operation gives plain text.
    """

    code: str

    def __new__(cls, code: str, text: str) -> Message:
        message = super().__new__(cls, text)
        message.code = code
        return message

    def format(self, *args: object, **kwargs: object) -> Message:
        return Message(self.code, str.format(self, *args, **kwargs))

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # pickled with its code
        return self.code, str(self)


def code_of(message: object) -> str | None:
    """The code a message carries (None for text that is not a ``Message``)."""
    return message.code if isinstance(message, Message) else None


class ErrorsWithCodes(type):
    def __getattribute__(cls, code: str) -> Any:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return Message(code, f"[{code}] {msg}")


class Errors(metaclass=ErrorsWithCodes):
    # reading: E1xx
    E101 = "{source}: empty input (no text to read)"
    E102 = "{source}: binary data, not text ({detail})"
    E103 = "{source}: not UTF-8 and its encoding cannot be told for certain ({detail})"
    E104 = "{source}: line {line}: not valid JSON ({detail})"
    E105 = "{source}: line {line}: {detail}"
    E106 = "{source}: {size} MB is over the limit of {limit} MB for one document"
    E107 = "{source}: no such file or directory"
    E108 = "{source}: not a language polemos reads (looks like {language}); events are read from {languages}"
    E109 = "{source}: invalid publication date {value!r} (use YYYY-MM-DD)"
    E110 = "{source}: cannot read: {detail}"
    E111 = "{source}: HTML without any main text"
    E112 = "{source}: {chars:,} characters is over the limit of {limit:,} for one document (--max-chars)"
    E113 = "{source}: not a regular file ({kind}); polemos reads files, folders and '-' (standard input)"
    E114 = "{source}: the {field} is not valid Unicode (a lone surrogate U+{code:04X} at offset {offset})"
    E115 = "{source}: inflates to more than {limit} MB; stopped reading (a decompression bomb?)"
    E116 = "{source}: truncated or damaged: {detail}"
    E117 = "{source}: extraction failed ({detail}); the other articles go on"
    E118 = "{source}: extraction took more than {limit:g} s of CPU time, one article's budget (--timeout)"
    E119 = "{plugin}: the reader plugin cannot be loaded ({detail}); the other readers go on"
    # watching sources (polemos watch): E13x
    E130 = "{source}: cannot fetch: {detail}"
    E131 = "{source}: HTTP {status} {reason}"
    E132 = "{source}: robots.txt of its host does not allow {agent} to fetch it"
    E133 = "{source}: not a feed URL, a file listing sources, a folder or a file to ingest"
    # configuration: E2xx
    E201 = "unknown output format {value!r}; use one of {choices}"
    E202 = "the spaCy model {name!r} is not installed; install polemos with its dependencies"
    E203 = "invalid option {name}: {detail}"
    E204 = "{plugin}: the exporter plugin cannot be loaded ({detail})"
    E205 = "{plugin}: the exporter {name!r} failed ({detail})"
    # an optional part that is not installed (exit code 3): E22x
    E220 = "{what} needs {package}, which is not installed: pip install '{install}'"
    # polemos eval: E23x
    E230 = "{path}: not a gold file polemos eval can read: {detail}"
    E231 = "{source}: gold event {id}: its anchor {anchor!r} is not in the article's text"
    # resolving: E3xx
    E301 = "cannot build the gazetteer at {path}: {detail}"
    E302 = "cannot load the data file {path}: {detail}"
    # store: E4xx
    E401 = "cannot open the database {url}: {detail}"
    E402 = "database error: {detail}"
    E403 = "the database at {url} is at schema {found}, this polemos needs {wanted}: run 'polemos db upgrade'"
    E404 = "no event with id {id}"
    E405 = "{source}: the record cannot be stored: {detail}"
    E406 = "report {report} is not in fused event {id}"
    E407 = "another ingest is writing to {url} ({holder}); {advice}"
    # batch: E5xx
    E501 = "the batch engine failed: {detail}"
    # API and web: E6xx
    E601 = "request body of {size} bytes is over the limit of {limit} bytes"
    E602 = "invalid request: {detail}"
    E603 = "a write needs the header 'Authorization: Bearer <token>' with the operator's token"
    E604 = "writes are disabled: the server was started without a token (set POLEMOS_TOKEN or --token)"
    E605 = "no such page or endpoint: {path}"
    E606 = "method {method} is not allowed on {path}"
    E607 = "no article with id {id}"
    E608 = "this server has no database: start it with --db URL"
    E609 = "internal error ({name}); the server log has the details"
    E610 = "{field} of {size:,} characters is over the limit of {limit:,} for one request"
    E611 = "the server is busy: {waiting} extractions running or waiting; retry after {seconds} s"
    E612 = "the extraction took over {seconds} s, the limit for one request: send a shorter text"
    E613 = "the extraction worker stopped ({detail}); the next request starts a new one"
    E614 = "the request body is not JSON in UTF-8: {detail}"
    E615 = "host {host!r} is not one this server answers for: start it with --allowed-host {host}"
    E616 = "the server is busy: {waiting} articles are being extracted or stored; retry after {seconds} s"


# a code whose HTTP status is not its class's: a database that cannot be opened is unavailable
_STATUS_OF_CODE = {"E401": 503}


class PolemosError(Exception):
    """Base class: every error polemos raises for a user to read.

    ``code`` ("E101", or None) comes from the message (an ``Errors`` message) unless given;
    ``status`` is the HTTP status the API answers with and ``exit_code`` what the command line exits
    with: the class's, unless given.
    """

    status: int = 400
    exit_code: int = 1

    def __init__(
        self,
        message: str = "",
        *,
        code: str | None = None,
        status: int | None = None,
        exit_code: int | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code or code_of(message)
        self.status = status or _STATUS_OF_CODE.get(self.code or "", type(self).status)
        self.exit_code = exit_code or type(self).exit_code


class ConfigError(PolemosError):
    pass


class MissingPart(ConfigError):
    """An optional part (a database driver, the Ray engine) that is not installed; the CLI exits 3."""

    exit_code = 3


class ReadError(PolemosError):
    """An input that cannot be read (what a reader yields for it is a ``polemos.read.ReadFailure``)."""

    status = 422


class ResolveError(PolemosError):
    pass


class StoreError(PolemosError):
    status = 500


class StoreBusy(StoreError):
    """Another ingest holds the store (``polemos.store.lock``); the CLI exits 4, the API answers 503
    with ``Retry-After``: ``retry_after`` seconds (the time waited in vain), when set."""

    status = 503
    exit_code = 4

    def __init__(self, message: str = "", *, retry_after: int | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class MigrationError(StoreError):
    status = 503


class ExtractError(PolemosError):
    pass


class BatchError(PolemosError):
    pass
