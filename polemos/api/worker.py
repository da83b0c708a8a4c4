"""What the API's extraction workers run (``polemos.workers``): ``polemos.extract(**fields)``.

The handler is built once, in the zygote the workers are forked from (``polemos.workers``): it loads
the pipeline by extracting one sentence, so no request's time budget pays for the model's load and
a worker replacing one killed past its budget starts warm. The processes run at a lower priority
than the server (``NICENESS``): on a busy machine its reads come before any extraction.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Any

WARM_UP = "Shelling killed four civilians in the town on Tuesday, the governor said."
NICENESS = 10


class ExtractHandler:
    """``fields`` (the keyword arguments of ``polemos.extract``) in, the contract record out."""

    def __init__(self) -> None:
        from polemos.errors import PolemosError
        from polemos.pipeline import extract

        with contextlib.suppress(PolemosError):  # the warm-up only loads the pipeline
            extract(WARM_UP, published="2020-01-07")

    def __call__(self, fields: dict[str, Any]) -> dict[str, Any]:
        from polemos.errors import PolemosError
        from polemos.pipeline import extract

        try:
            return extract(**fields)
        except PolemosError:
            raise  # a coded refusal: the API answers it as it is
        except Exception as e:  # the server answers 500 with the class name; the details go here
            print(f"polemos worker: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
            raise
