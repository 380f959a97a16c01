"""A person's role as the article gives it ("Dana Ruiz, chief economist at Harland",
"Finance Minister Ana Ruiz"), and role phrases ("the president") resolved to the titled person
on demand; role phrases are not name mentions."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

# The head of an appositive role is a common noun: a number ("Ana Ruiz, 45") is an age and a
# proper name is another name, not a role.
from claimx.extractors.entities.context import ROLE_HEAD_TAGS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token

    from claimx.extractors.entities.lexicon import Lexicon
    from claimx.models import Entity, Mention

_ROLE = re.compile(r"^(?:the\s+)?((?:[A-Za-z]+\s+){0,2}[A-Za-z]+)$", re.IGNORECASE)
# How far before a mention its title may start ("Deputy Foreign Minister Ana Ruiz").
TITLE_REACH = 40
MAX_ROLE_TOKENS = 10  # a longer appositive is a description, not a role
# Tags that end an appositive role: a relative clause or a participle starts ("a lawyer who
# ...", "a teacher living in ...").
ROLE_STOP_TAGS = frozenset({"WDT", "WP", "WP$", "VBG", "VBN", "VBD"})


def person_roles(doc: Doc, entities: list[Entity], lex: Lexicon) -> list[Entity]:
    """Each person entity with the first role the article gives one of its mentions."""
    out = []
    for entity in entities:
        role = None
        if entity.label == "PERSON":
            role = next(
                (r for m in entity.mentions if (r := _mention_role(doc, m, lex))), None
            )
        out.append(replace(entity, role=role) if role else entity)
    return out


def _mention_role(doc: Doc, mention: Mention, lex: Lexicon) -> str | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    return _appositive(doc, span, lex) or _title_before(doc, span.start, lex)


def _appositive(doc: Doc, span: Span, lex: Lexicon) -> str | None:
    """"Ana Ruiz, the governor of the central bank, said": the noun phrase in apposition;
    "its chief executive, Ana Ruiz": the noun phrase the name stands in apposition to."""
    root = span.root
    head = next((t for t in root.rights if t.dep_ == "appos" and t.i >= span.end), None)
    last = head.right_edge.i if head is not None else -1
    before = span.start - 1
    while before > 0 and doc[before].lower_.rstrip(".") in lex.gender_titles:
        before -= 1  # "The chairman, Sir Ian Hale"
    if (head is None and root.dep_ == "appos" and root.head.i < span.start
            and doc[before].text == ","):  # not "her brother Daniel Park"
        head, last = root.head, before
    if head is None or head.tag_ not in ROLE_HEAD_TAGS:
        return None
    start = max([head.left_edge.i] + [c.right_edge.i + 1 for c in head.lefts if c.dep_ == "poss"])
    while start < head.i and (doc[start].lower_ in lex.role_determiners or doc[start].is_punct):
        start += 1
    end = start
    while end <= last and not _ends_role(doc[end]):
        end += 1
    if end <= head.i or end - start > MAX_ROLE_TOKENS:
        return None
    if any(doc[j].tag_ == "CD" for j in range(start, head.i)):
        return None  # "his two sons, Tom and Ben": a count of people, not a role
    return doc[start:end].text


def _title(token: Token, lex: Lexicon) -> bool:
    return token.lower_.rstrip(".") in lex.titles


def _ends_role(token: Token) -> bool:
    return token.text in ",;:()" or "\n" in token.text or token.tag_ in ROLE_STOP_TAGS


def _title_before(doc: Doc, i: int, lex: Lexicon) -> str | None:
    """"Finance Minister Ana Ruiz", "chief executive Sam Ortiz": title words right before."""
    start = i
    while start and _title(doc[start - 1], lex):
        start -= 1
        if start > 1 and doc[start - 1].lower_ in lex.joiners and _title(doc[start - 2], lex):
            start -= 1  # "Secretary of State John Kerry"
    # "Mrs." is a courtesy, not a role; a title word may follow it ("Mrs. Justice Hale") or
    # come before it ("chairman Sir Ian Hale").
    end = i
    while end > start and doc[end - 1].lower_.rstrip(".") in lex.gender_titles:
        end -= 1
    while start < end and (doc[start].lower_.rstrip(".") in lex.gender_titles
                           or doc[start].lower_ in lex.joiners):
        start += 1
    if all(doc[j].lower_ in lex.role_modifiers for j in range(start, end)):
        return None  # nothing ("Sir") or only a qualifier ("former")
    return doc[start:end].text


def resolve_role(
    text: str, start: int, end: int, entities: Sequence[Entity]
) -> Entity | None:
    """The person a role noun phrase refers to: "the president" at ``text[start:end]`` is the
    PERSON the article last introduced with that title ("President Ana Ruiz") before it.

    Entity mentions never include role phrases (a name list is names), so quote and claim
    extractors call this to resolve a speaker or source written as a role.
    """
    match = _ROLE.match(" ".join(text[start:end].split()))
    if not match:
        return None
    role = match.group(1).lower()
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.label != "PERSON":
            continue
        for mention in entity.mentions:
            if mention.start >= start:
                break
            before = text[max(0, mention.start - TITLE_REACH):mention.start]
            if " ".join(before.split()).lower().endswith(role) and (
                best is None or mention.start > best[0]
            ):
                best = (mention.start, entity)
    return best[1] if best else None
