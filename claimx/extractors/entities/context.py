"""Words around a name that settle its type: a list of places, "X province", "X University",
"X, a spokesman for", "Varna striker"."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from claimx.extractors.entities.labels import PLACE_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.extractors.entities.candidate import Cand
    from claimx.extractors.entities.lexicon import Lexicon

# Tags of the noun that heads a role ("chief executive", "spokesman").
ROLE_HEAD_TAGS = frozenset({"NN", "NNS"})
ROLE_WORDS = 4  # the most words a role phrase after "a", "the" takes


def coordinated_places(doc: Doc, cands: list[Cand], lex: Lexicon) -> None:
    """"in Velden and Orth", "Velden, Orth": a name joined to a known place by "and", "or" or
    a comma is a place too, when the model gave it a label that is not a place."""
    ordered = sorted(cands, key=lambda c: c.start)
    for left, right in itertools.pairwise(ordered):
        if right.start - left.end != 1 or doc[left.end].lower_ not in lex.place_coordinators:
            continue  # one word between them, and a coordinator
        for known, other in ((left, right), (right, left)):
            single = other.end - other.start == 1
            if (
                known.label in PLACE_LABELS
                and (known.gaz or single)
                and not other.gaz
                and other.label in ("ORG", "PERSON", "NORP", "PRODUCT", "FAC")
                and not (other.label == "PERSON" and not single)
            ):
                other.label = known.label  # a list of places: "Velden, Orth and Linz"


def context_labels(doc: Doc, cands: list[Cand], lex: Lexicon) -> None:
    """Words around a name that settle its type: "Ines Dahl, a spokeswoman for" is a person;
    "Varna province" and "the Ombra river" are places."""
    n = len(doc)
    for cand in cands:
        if (
            cand.weak
            and cand.end < n
            and doc[cand.end].lower_ in lex.team_words
            and doc[cand.end].is_lower
        ):
            # "Varna striker": the club, a different entity from the city.
            cand.label, cand.gaz, cand.sure, cand.club = "ORG", False, True, True
            continue
        if cand.gaz:
            continue
        if (
            cand.end - cand.start > 1
            and cand.label in ("GPE", "LOC", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART")
            and _org_named(doc, cand, lex)
        ):
            cand.label = "ORG"  # "Lake Ombra University", "Kelso Rovers", "Chamber of Trade"
            continue
        after = cand.end
        if (
            cand.label != "PERSON"
            and cand.end - cand.start > 1
            and after + 2 < n
            and doc[after].text == ","
            and doc[after + 1].lower_ in lex.role_determiners
            and _role_head(doc, after + 2, lex)
        ):
            cand.label = "PERSON"
        elif (
            cand.end - cand.start == 1
            and after < n
            and doc[after].lower_ in lex.place_nouns
            and cand.label in ("PERSON", "ORG", "NORP", "PRODUCT")
        ):
            cand.label = "LOC" if doc[after].lower_ in lex.natural_places else "GPE"


def _org_named(doc: Doc, cand: Cand, lex: Lexicon) -> bool:
    """The name's head says what kind of body it is: its last word is an organisation head
    or a club word ("Brede Athletic", "Orsk FC"), or the word before its first "of" is an
    organisation head ("the Chamber of Trade of Lusk")."""
    words = [doc[i].lower_.rstrip(".") for i in range(cand.start, cand.end)]
    if words[-1] in lex.org_heads or words[-1] in lex.club_words:
        return True
    head = words.index("of") - 1 if "of" in words[1:] else -1
    return head >= 0 and words[head] in lex.org_heads


def _role_head(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Is the noun phrase at ``i`` a role ("chief executive", "spokesman")? Its head, the last
    of its nouns, must be a title word: "the energy ministry" is not a role."""
    head = None
    for j in range(i, min(i + ROLE_WORDS, len(doc))):
        if doc[j].tag_.startswith("NN") or doc[j].tag_ == "JJ":
            head = doc[j] if doc[j].tag_.startswith("NN") else head
            continue
        break
    return head is not None and head.tag_ in ROLE_HEAD_TAGS and head.lower_ in lex.titles
