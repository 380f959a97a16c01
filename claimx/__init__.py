"""claimx: quantified claims, named entities and quotations from news text, with exact offsets.

>>> import claimx
>>> doc = claimx.extract("Profits jumped 76% to $1.13bn, the company said.")
>>> doc.to_dict()["claims"][0]["quantities"][0]["value"]
76.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.version import __version__

__all__ = ["Document", "Extractor", "__version__", "extract"]

if TYPE_CHECKING:
    from claimx.api import Extractor
    from claimx.models import Document

_default: Extractor | None = None


def extract(text: str, date: str | None = None) -> Document:
    """Extract claims, entities and quotes from one text with the default model and rules;
    claim times resolve against ``date`` (YYYY-MM-DD), else the text's dateline.

    The model loads on the first call and is reused; build an ``Extractor`` to choose the
    model, add pattern files or process many texts in batches.
    """
    global _default
    if _default is None:
        from claimx.api import Extractor

        _default = Extractor()
    return _default(text, date=date)


def __getattr__(name: str) -> object:
    # Lazy exports keep `import claimx` (and so `claimx --version`) free of spaCy's import time.
    if name == "Extractor":
        from claimx.api import Extractor

        return Extractor
    if name == "Document":
        from claimx.models import Document

        return Document
    raise AttributeError(f"module 'claimx' has no attribute {name!r}")
