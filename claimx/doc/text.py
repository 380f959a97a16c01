"""The text of a parsed Doc, built once per Doc.

spaCy rebuilds ``doc.text`` from every token on each access; claimx's rule matcher and every
extractor read it, so it is cached on the Doc itself (its ``user_data``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached per Doc (keyed by its length, so a retokenized Doc rebuilds it)."""
    key = f"claimx.text:{len(doc)}"
    cached = doc.user_data.get(key)
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data[key] = cached
    return cached
