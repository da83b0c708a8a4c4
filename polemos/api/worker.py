"""The extraction worker: ``python -m polemos.api.worker``, one process that the API's pool feeds.

One JSON object a line on stdin (``{"fields": {...}}``, the keyword arguments of ``polemos.extract``),
one a line on stdout: ``{"ok": record}`` or ``{"error": {"type": ..., "message": ..., "code": ...}}``.
It loads the pipeline first and says ``{"ready": true}``, so a request's time budget never pays for
the model's load. It runs at a lower priority than the server (``NICENESS``). Anything the library prints goes
to stderr: stdout carries the protocol alone. It ends when its stdin closes (the server stopped,
even by kill -9).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from typing import IO, Any

WARM_UP = "Shelling killed four civilians in the town on Tuesday, the governor said."


def _answer(out: IO[str], obj: dict[str, Any]) -> None:
    # ensure_ascii: a record's text stays one line and survives any character the reader sends back
    out.write(json.dumps(obj, ensure_ascii=True, default=str) + "\n")
    out.flush()


def serve(inp: IO[str], out: IO[str]) -> None:
    from polemos.errors import PolemosError
    from polemos.pipeline import extract

    with contextlib.suppress(PolemosError):  # the warm-up only loads the pipeline
        extract(WARM_UP, published="2020-01-07")
    _answer(out, {"ready": True})
    for line in inp:
        try:
            fields = json.loads(line)["fields"]
            _answer(out, {"ok": extract(**fields)})
        except PolemosError as e:
            _answer(out, {"error": {"type": type(e).__name__, "message": str(e), "code": e.code}})
        except Exception as e:  # noqa: BLE001  (the server answers 500 with the class name)
            print(f"polemos worker: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
            _answer(out, {"error": {"type": "crash", "message": type(e).__name__}})


NICENESS = 10  # below the server: on a busy machine its reads come before any extraction


def main() -> None:
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no os.nice (Windows)
        os.nice(NICENESS)
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # print() anywhere in the pipeline lands on stderr
    sys.stdout = sys.stderr
    serve(sys.stdin, protocol)


if __name__ == "__main__":
    main()
