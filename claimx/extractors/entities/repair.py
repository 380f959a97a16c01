"""Repair the model's spans: cut them where a name cannot go on, trim what a reader would not
call the name, and fix labels the words themselves settle (a given name, a cut-off agency)."""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from claimx.doc.offsets import trim_tokens
from claimx.extractors.entities.candidate import Cand
from claimx.extractors.entities.labels import (
    LEADING_NON_NAME_TAGS,
    LOWER_ENDING_LABELS,
    NUMBERED_LABELS,
    TRAILING_NON_NAME_TAGS,
)
from claimx.extractors.entities.tokens import (
    ACRONYM,
    BRACKETS,
    HAS_UPPER,
    NUMBERISH,
    numberish_next,
    spaced_dash,
    starts_sentence,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.extractors.entities.lexicon import Lexicon

# "the Research and Skills Agency": the article, the first word and the conjunction before a
# span the model cut at the conjunction.
JOINED_PREFIX = 3


def clean(doc: Doc, start: int, end: int, label: str, lex: Lexicon) -> list[Cand]:
    """Split a model span at line breaks and trim what a reader would not call the name."""
    out: list[Cand] = []
    drop_first = partial(_drop_first, doc, label=label, lex=lex)
    drop_last = partial(_drop_last, doc, label=label, lex=lex)
    for number, (s, e) in enumerate(_pieces(doc, start, end, label, lex)):
        s, e = trim_tokens(s, e, drop_first=drop_first, drop_last=drop_last)
        if e > s and is_name(doc, s, e, lex):
            # "Lord Ashworth", "Mr Halloran" tagged ORG: a personal honorific names a person.
            titled = s > 0 and doc[s - 1].lower_.rstrip(".") in lex.personal_honorifics
            out.append(Cand(s, e, "PERSON" if titled else label, gaz=titled, split=number > 0))
    return out


def _pieces(doc: Doc, start: int, end: int, label: str, lex: Lexicon) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for i in range(start, end):
        # spaCy keeps line breaks as whitespace tokens; brackets are never inside a name
        # ("Baltic Ports Union (BPU" is a name and an acronym).
        if (
            doc[i].is_space
            or doc[i].text in BRACKETS
            or spaced_dash(doc, i)
            or (label not in NUMBERED_LABELS and NUMBERISH.match(doc[i].text))
            # "Lanning told the Lusk Gazette" as one title: a speech verb in lower case is
            # between a speaker and the one spoken to, never inside a name.
            or (doc[i].is_lower and doc[i].lower_ in lex.speech_verbs)
        ):
            pieces.append((piece_start, i))
            piece_start = i + 1
    pieces.append((piece_start, end))
    return pieces


def _drop_first(doc: Doc, start: int, end: int, label: str, lex: Lexicon) -> bool:
    """Is the span's first token outside the name (bullet, "the", title, number)?"""
    tok = doc[start]
    if tok.is_space or tok.is_punct or not any(ch.isalnum() for ch in tok.text):
        return True
    if end - start <= 1:
        return False
    low = tok.lower_.rstrip(".")
    if low in lex.articles:
        # "The Hague" keeps its article: the gazetteer lists it with one.
        return doc[start:end].text.lower() not in lex.the_names
    return _opens_outside_the_name(doc, start, label, lex)


def _opens_outside_the_name(doc: Doc, start: int, label: str, lex: Lexicon) -> bool:
    """Is the first token of a span of two or more a number, a title or a stray word?"""
    tok = doc[start]
    low = tok.lower_.rstrip(".")
    if NUMBERISH.match(tok.text) or tok.lower_ in lex.possessives:
        return True
    if tok.tag_ in LEADING_NON_NAME_TAGS and starts_sentence(doc, start, lex.articles):
        return True  # "Beyond Ostrava, ...": a capitalised preposition opens the sentence
    if tok.is_lower and tok.is_alpha and low not in lex.joiners:
        return True  # "today Varna North": a name does not start with a lower-case word
    is_title = low in lex.honorifics or (label == "PERSON" and low in lex.titles)
    return is_title and doc[start + 1].text[:1].isupper()


def _drop_last(doc: Doc, start: int, end: int, label: str, lex: Lexicon) -> bool:
    """Is the span's last token outside the name ("'s", "of", a table number)?"""
    tok = doc[end - 1]
    if tok.is_space or (tok.is_punct and not ACRONYM.match(tok.text)):
        return True
    if tok.lower_ in lex.possessives or tok.tag_ == "POS":
        return True
    if end - start <= 1:
        return False
    return _closes_outside_the_name(doc, end, label, lex)


def _closes_outside_the_name(doc: Doc, end: int, label: str, lex: Lexicon) -> bool:
    """Is the last token of a span of two or more a role, a function word or a number?"""
    tok = doc[end - 1]
    if tok.text in lex.trailing_roles:
        return True  # "Northmoor MP": the seat is the name, the member is not
    if tok.tag_ in TRAILING_NON_NAME_TAGS:
        return True
    # "Ruritanian digital ministry": a name does not end in lower-case words.
    if tok.is_lower and tok.is_alpha and label not in LOWER_ENDING_LABELS:
        return True
    # "Ghana 3" in a results table; a version number stays unless more numbers follow.
    return bool(NUMBERISH.match(tok.text)) and (
        label not in NUMBERED_LABELS or numberish_next(doc, end)
    )


def is_name(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    text = doc[start:end].text
    if not HAS_UPPER.search(text) or NUMBERISH.match(text):
        return False
    if end - start == 1 and text.lower().rstrip(".") in lex.lone_titles:
        return False
    return " ".join(text.lower().split()) not in lex.stoplist

# One capital and a full stop: a given name's initial ("T. Hargreaves").
_INITIAL = re.compile(r"^[A-Z]\.$")
SURNAME_WORDS = 2  # words after an initial that can be the surname


def first_name_persons(doc: Doc, cands: list[Cand], lex: Lexicon) -> None:
    """"Marta Vidal" or "T. Hargreaves" tagged ORG: a known given name or an initial, then
    a capitalised word that is no organisation head, is a PERSON."""
    for cand in cands:
        if cand.end - cand.start == 1 and _INITIAL.match(doc[cand.start].text):
            _extend_initial(doc, cand, cands)
        if cand.label == "PERSON" or cand.end - cand.start <= 1:
            continue
        first, second = doc[cand.start], doc[cand.start + 1]
        initial = bool(_INITIAL.match(first.text)) and doc[cand.end - 1].lower_ not in (
            lex.org_heads
        )
        if (
            (first.text in lex.first_names or initial)
            and second.text[:1].isupper()
            and second.is_alpha
            and all(doc[i].text[:1].isupper() or doc[i].is_punct
                    for i in range(cand.start, cand.end))
        ):
            cand.label = "PERSON"


def _extend_initial(doc: Doc, cand: Cand, cands: list[Cand]) -> None:
    """"R." tagged alone before "Yates": the initial and the surname no mention holds are one
    person's name."""
    end = cand.end
    while end < len(doc) and end - cand.end < SURNAME_WORDS and doc[end].is_title \
            and doc[end].is_alpha:
        end += 1
    if end > cand.end and not any(c.start < end and cand.end <= c.start for c in cands):
        cand.end, cand.label = end, "PERSON"


def extend_joined_names(doc: Doc, cands: list[Cand], lex: Lexicon) -> None:
    """"The Research and Skills Agency": the article's scope shows that the first word belongs
    to the agency's name, which the model cut at "and"."""
    by_token = {i: c for c in cands for i in range(c.start, c.end)}
    for cand in list(cands):
        s = cand.start
        if not (
            cand.label == "ORG"
            and s >= JOINED_PREFIX
            and doc[cand.end - 1].lower_ in lex.org_heads
            and doc[s - 1].lower_ in lex.name_conjunctions
            and doc[s - 2].text[:1].isupper()
            and doc[s - 2].is_alpha
            and doc[s - 3].lower_ == "the"
        ):
            continue
        first = by_token.get(s - 2)
        if first is not None:
            # The model tagged the first word alone ("Research"): it joins the name.
            if first.gaz or (first.start, first.end) != (s - 2, s - 1):
                continue
            cands.remove(first)
        cand.start = s - 2
