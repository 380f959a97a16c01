"""Person or body for a name that speaks, from what the article says of it afterwards.

The small model labels a lone surname or a footballer's single name ORG about as often as
PERSON, and a club named after its town PERSON. A reader settles it from the words the
article uses for the name: "he"/"she" later, "the striker", "the 30-year-old", a title or a
given name make a person; "it said", "its", "the club", "the company" make a body.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from claimx.doc.ages import age_start
from claimx.doc.syntax import ACTIVE_SUBJECTS
from claimx.extractors.entities.candidate import Cand, key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from claimx.extractors.entities.lexicon import Lexicon

PERSON, BODY = "PERSON", "ORG"
# Where a later word stands for the name: its subject or its possessive.
REFERRING_DEPS = ACTIVE_SUBJECTS | {"poss"}


def speaker_kinds(doc: Doc, cands: list[Cand], speaking: set[str],
                  lex: Lexicon) -> dict[str, str]:
    """PERSON or ORG for each speaking name whose mentions' signs lean one way."""
    votes: dict[str, Counter[str]] = {k: Counter() for k in speaking}
    starts = sorted(c.start for c in cands)
    for cand in cands:
        k = key(doc[cand.start:cand.end].text)
        if k in votes:
            kind = _mention_kind(doc, cand, starts, lex)
            if kind:
                votes[k][kind] += 1
    return {k: PERSON if v[PERSON] > v[BODY] else BODY
            for k, v in votes.items() if v[PERSON] != v[BODY]}


def _mention_kind(doc: Doc, cand: Cand, starts: list[int], lex: Lexicon) -> str | None:
    """What the mention itself says, else what the words after it say. An acronym ("NHS
    said ... he") names a body, whatever follows it."""
    first = doc[cand.start]
    if cand.end - cand.start == 1 and len(first) > 1 and first.is_upper:
        return None
    return _own_kind(doc, cand, lex) or _later_kind(doc, cand, starts, lex)


def _own_kind(doc: Doc, cand: Cand, lex: Lexicon) -> str | None:
    """A title before the mention, a given name opening it (a lone "Chelsea" is a club as
    often as a woman), or an apposition ("Kovac, the defender, said")."""
    if (cand.start and doc[cand.start - 1].lower_ in lex.titles) or (
            cand.end - cand.start > 1 and doc[cand.start].text in lex.given_genders):
        return PERSON
    root = doc[cand.start:cand.end].root
    return next((kind for child in root.children
                 if child.dep_ == "appos" and (kind := _noun_kind(child, lex))), None)


def _later_kind(doc: Doc, cand: Cand, starts: list[int], lex: Lexicon) -> str | None:
    """The first word after a subject mention, to the end of the next sentence, that stands
    for a person or a body, unless another name comes first (the "he" after "a bid for
    Kovac" is Kovac's)."""
    if doc[cand.start:cand.end].root.dep_ not in ACTIVE_SUBJECTS:
        # A later word goes on about the name only when the name was the subject ("a
        # spokesman for Vekta. He urged ..." is about the spokesman).
        return None
    next_name = next((s for s in starts if s >= cand.end), len(doc))
    sent = doc[cand.start].sent
    stop = min(next_name, _next_sentence_end(doc, sent.end))
    for token in doc[cand.end:stop]:
        # The speaker's own words name others by description ("Vek said the manager would
        # stay"), itself by a pronoun: descriptions count from the next sentence on.
        later = token.i >= sent.end
        if later and _is_age(doc, token):
            return PERSON
        if token.dep_ in REFERRING_DEPS and (kind := _reference_kind(token, later, lex)):
            return kind
    return None


def _next_sentence_end(doc: Doc, end: int) -> int:
    return doc[end].sent.end if end < len(doc) else end


def _is_age(doc: Doc, token: Token) -> bool:
    """"the 30-year-old", read from its tokens: the parse misreads the age's role."""
    start = age_start(doc, token.i)
    return start is not None and doc[start].lower_ == "the"


def _reference_kind(token: Token, later: bool, lex: Lexicon) -> str | None:
    """"he", "her" stand for a person; "its" and an "it" that speaks for a body; "the
    striker" and "the club" by their noun."""
    refers = lex.pronoun_refers.get(token.lower_)
    if refers == "person":
        return PERSON
    if refers == "thing":
        speaks = token.dep_ == "poss" or token.head.lower_ in lex.speech_verbs
        return BODY if speaks else None
    # "the club's decision" after a player's name is most often another body's.
    if later and token.dep_ != "poss" and any(c.dep_ == "det" and c.lower_ == "the"
                                    for c in token.children):
        return _noun_kind(token, lex)
    return None


def _noun_kind(noun: Token, lex: Lexicon) -> str | None:
    word = noun.lower_
    if word in lex.company_nouns:
        return BODY
    if word in lex.person_nouns:
        return PERSON
    return None
