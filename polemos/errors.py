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

Messages are ``Errors.E101.format(...)``; the code is part of the text so users can search for it.
"""

from __future__ import annotations


class ErrorsWithCodes(type):
    def __getattribute__(cls, code: str) -> str:
        msg: str = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=ErrorsWithCodes):
    # reading: E1xx
    E101 = "{source}: empty input (no text to read)"
    E102 = "{source}: binary data, not text ({detail})"
    E103 = "{source}: not UTF-8 and its encoding cannot be told for certain ({detail})"
    E104 = "{source}: line {line}: not valid JSON ({detail})"
    E105 = "{source}: line {line}: {detail}"
    E106 = "{source}: {size} MB is over the limit of {limit} MB for one document"
    E107 = "{source}: no such file or directory"
    E108 = "{source}: not English (looks like {language}); events are read from English only"
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
    # watching sources (polemos watch): E13x
    E130 = "{source}: cannot fetch: {detail}"
    E131 = "{source}: HTTP {status} {reason}"
    E132 = "{source}: robots.txt of its host does not allow {agent} to fetch it"
    E133 = "{source}: not a feed URL, a file listing sources, a folder or a file to ingest"
    # configuration: E2xx
    E201 = "unknown output format {value!r}; use one of {choices}"
    E202 = "the spaCy model {name!r} is not installed; install polemos with its dependencies"
    E203 = "invalid option {name}: {detail}"
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
    E407 = "another ingest is writing to {url} ({holder}); run this one after it, or give --wait"
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


class PolemosError(Exception):
    """Base class: every error polemos raises for a user to read."""


class ConfigError(PolemosError):
    pass


class MissingPart(ConfigError):
    """An optional part (a database driver, the Ray engine) that is not installed; the CLI exits 3."""


class ReadError(PolemosError):
    pass


class ResolveError(PolemosError):
    pass


class StoreError(PolemosError):
    pass


class StoreBusy(StoreError):
    """Another ingest holds the store (``polemos.store.lock``); the CLI exits 4."""


class MigrationError(StoreError):
    pass


class ExtractError(PolemosError):
    pass


class BatchError(PolemosError):
    pass
