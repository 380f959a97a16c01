"""Who a noun phrase names when its head is not the name: a person before her affiliation
("Jane Doe, Harbour Tenants Union said"), a name in apposition or inside the phrase ("pundit
and coach Jane Doe"); the entity span a token stands in."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

SOURCE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Tokens before an affiliation that a person's name and its comma take, at the least.
_NAME_AND_COMMA = 2
def affiliated_person(head: Token) -> Token | None:
    """"Jane Doe, Harbour Tenants Union said:": a bare organisation name right after a
    person's name and a comma is her affiliation, as a signature gives it; the person
    speaks, whichever of the two the parse made the subject."""
    ent = entity_of(head)
    if head.tag_ not in ("NNP", "NNPS") or head.ent_type_ == "PERSON":
        return None
    first = ent.start if ent is not None else head.left_edge.i
    if any(t.dep_ == "det" for t in head.lefts) or first < _NAME_AND_COMMA \
            or head.doc[first - 1].text != ",":
        return None
    person = entity_of(head.doc[first - _NAME_AND_COMMA])
    if person is None or person.root.ent_type_ != "PERSON" \
            or person.root.dep_ in ("pobj", "dobj"):
        return None
    return person.root


def name_in_phrase(head: Token, end: int) -> tuple[Token, int]:
    """The token that names who a phrase headed by a common noun is, and the mention's
    end: "the party's candidate, Jane Doe," names her in apposition; "pundit and coach
    Jane Doe" (no comma) and "former champion and commentator Jane Doe" (a bare singular
    noun is a title, so its conjunct is the same person) carry the name in the phrase."""
    doc = head.doc
    bare = head.tag_ == "NN" and not any(t.dep_ in ("det", "poss") for t in head.lefts)
    for right in head.rights:
        ent = entity_of(right) if right.dep_ in ("appos", "conj") else None
        if ent is None or (right.dep_ == "conj" and not bare):
            continue
        if not any(t.is_punct for t in doc[end:ent.start]):
            end = max(end, ent.end)
        elif right.dep_ == "conj":
            continue
        return right, end
    return head, end


def entity_of(token: Token) -> SpacySpan | None:
    """The whole named-entity span ``token`` stands in, if it names a possible source."""
    if token.ent_type_ not in SOURCE_LABELS:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
