"""Descriptions that stand for an entity the article named: "the president" for the person it
introduced with that title, "the company" or "the bank" for the organisation in focus, "the
candidate" for the one person the text is about just then.

A description resolves only when the article settles it: a name that has the description's
noun among its words ("the bank" -> "Reserve Bank of Ruritania"), a person whose title or role
carries it, else a single compatible entity among the names just before it, or the one of
them that was a subject. With two organisations in view as subjects "the company" stays
unresolved on purpose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.entities import resolve_role
from claimx.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.mentions.resolver import MentionResolver, Name

# What a description noun may stand for, by its "refers" value (speaker_descriptions.tsv).
# A title ("the minister", titles.txt) names an office: it goes only to a person the article
# gave that title or role, never to whoever is in focus.
TITLE = "title"
DESCRIBED_LABELS = {"person": frozenset({"PERSON"}), "thing": frozenset({"ORG"}),
                    TITLE: frozenset({"PERSON"})}
# How far back (characters) the names that make an entity salient may be.
SALIENT_REACH = 600
_DEFINITE = "the"


def describe(layer: MentionResolver, head: Token, mention: Span) -> Speaker | None:
    """The Speaker a description at ``mention`` headed by ``head`` stands for, or None."""
    person = resolve_role(layer.text, mention.start, mention.end, layer.entities)
    if person is not None:
        return Speaker(person.name, person.id, mention)
    refers = _description(layer, head)
    found = _referent(layer, head, mention.start, refers) if refers is not None else None
    return Speaker(found.name, found.entity, mention) if found is not None else None


def _referent(layer: MentionResolver, head: Token, pos: int, refers: str) -> Name | None:
    """The name a description noun ``head`` at ``pos`` refers to."""
    labels = DESCRIBED_LABELS[refers]
    noun = head.lower_
    # "the bank" after "Bank of Pelora": the name carries the noun, and settles it at any
    # distance.
    carried = next((n for n in layer.recent_names(pos, labels, len(layer.text))
                    if noun in n.name.lower().split() or _has_role(layer, n.entity, noun)),
                   None)
    # A title names an office, and a modified description ("the port authority") a body of
    # its own: only a name or role that carries the noun settles them.
    if carried is not None or refers == TITLE or _modified(head):
        return carried
    names = layer.recent_names(pos, labels, SALIENT_REACH)
    if len({n.entity or n.name for n in names}) == 1:
        return names[0]
    # Several in view: the one that was a subject, the entity the text was about, if no
    # other was ("Harbor Lines said ... (Coastline News) ... The company added").
    subjects = [n for n in names if layer.is_subject(n, conjuncts=True)]
    return subjects[0] if len({n.entity or n.name for n in subjects}) == 1 else None


def _description(layer: MentionResolver, head: Token) -> str | None:
    """What ``head`` may stand for, when it heads a definite singular description ("the
    company"), not a possessive or a count ("its company", "the two companies")."""
    if head.tag_ != "NN" or head.ent_type_:
        return None
    lefts = list(head.lefts)
    if not any(t.dep_ == "det" and t.lower_ == _DEFINITE for t in lefts) or any(
            t.dep_ in ("poss", "nummod") for t in lefts):
        return None
    return layer.words.descriptions.get(head.lower_)


def _modified(head: Token) -> bool:
    """The description says more than its noun: "the port authority", "the state bank"."""
    return any(t.dep_ in ("compound", "amod", "nmod") for t in head.lefts)


def _has_role(layer: MentionResolver, entity_id: str | None, noun: str) -> bool:
    """The entity is a person whose role, as the article gives it, has ``noun``
    ("chief economist at Harland" for "the economist")."""
    entity = layer.entity(entity_id)
    role = entity.role if entity is not None else None
    return role is not None and noun in role.lower().split()
