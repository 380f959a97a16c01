"""The text of a parsed Doc and of its tokens, built once per Doc.

spaCy rebuilds ``doc.text`` from every token on each access; claimx's rule matcher and every
extractor read it, so it is cached on the Doc itself (its ``user_data``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached per Doc (keyed by its length, so a retokenized Doc rebuilds it)."""
    key = f"claimx.text:{len(doc)}"
    cached = doc.user_data.get(key)
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data[key] = cached
    return cached


def token_texts(doc: Doc) -> list[str]:
    """Each token's text, in order, cached per Doc like ``doc_text``: a pass that compares
    many tokens' texts reads this list instead of building a Token object for each."""
    key = f"claimx.token_texts:{len(doc)}"
    cached = doc.user_data.get(key)
    if not isinstance(cached, list):
        from spacy.attrs import ORTH

        strings = doc.vocab.strings
        cached = [strings[orth] for orth in doc.to_array(ORTH).tolist()] if len(doc) else []
        doc.user_data[key] = cached
    return cached


def string_ids(words: Iterable[str]) -> frozenset[int]:
    """The ids these strings have in any Doc's arrays (ORTH, LOWER), to find them there."""
    from spacy.strings import StringStore

    strings = StringStore()  # a string's id is its hash, the same in every vocabulary
    return frozenset(strings.add(word) for word in words)
