"""polemos: conflict news to verifiable, evidenced event data.

    >>> import polemos
    >>> record = polemos.extract(text, published="2016-05-23", outlet="RT")

``record`` follows the contract ``polemos.article/1`` (docs/contract.md).
"""

from __future__ import annotations

from polemos.pipeline import Pipeline, extract

__all__ = ["Pipeline", "extract", "__version__"]
__version__ = "0.1.0"
