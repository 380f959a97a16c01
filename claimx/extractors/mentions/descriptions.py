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

from claimx.doc.ages import age_start
from claimx.extractors.entities import resolve_role
from claimx.models import Span, Speaker

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Token

    from claimx.extractors.mentions.resolver import MentionResolver, Name

# What a description noun may stand for, by its "refers" value (speaker_descriptions.tsv).
# A title ("the minister", titles.txt) names an office: it goes only to a person the article
# gave that title or role, never to whoever is in focus.
TITLE = "title"
# A body that speaks for its possessor ("her campaign", "the mayor's office"): the person.
VOICE = "voice"
DESCRIBED_LABELS = {"person": frozenset({"PERSON"}), "thing": frozenset({"ORG"}),
                    TITLE: frozenset({"PERSON"}), VOICE: frozenset({"ORG"})}
# Possessors a possessive description ("his company") may have: a person's.
_PERSONAL_POSSESSIVES = frozenset({"his", "her", "their"})
# How far back (characters) the names that make an entity salient may be.
SALIENT_REACH = 600
_DEFINITE = "the"
PERSON = "person"
# How far back (characters) a person's description looks for the one person named.
PERSON_REACH = 1500
_SINGULAR_NOUNS = frozenset({"NN", "NNP"})
_INDEFINITE = frozenset({"a", "an", "another", "one"})
# Roles of someone told, met or named in passing, not of the person in focus.
_OBJECTS = frozenset({"dobj", "pobj", "dative", "iobj"})


def describe(layer: MentionResolver, head: Token, mention: Span) -> Speaker | None:
    """The Speaker a description at ``mention`` headed by ``head`` stands for, or None."""
    person = resolve_role(layer.text, mention.start, mention.end, layer.entities)
    if person is not None:
        return Speaker(person.name, person.id, mention)
    voiced = voice(layer, head, mention)
    if voiced is not None:
        return voiced
    refers = _description(layer, head)
    unnamed = refers == PERSON and _introduced_unnamed(head)
    if refers == PERSON and not unnamed:
        # "the striker" is first the person in focus: the subject of the main clause just
        # before, however many people were named.
        focused = layer.in_focus(head)
        if focused is not None and focused.entity is not None:
            return Speaker(focused.name, focused.entity, mention)
    found = _referent(layer, head, mention.start, refers, unnamed=unnamed) \
        if refers is not None else None
    return Speaker(found.name, found.entity, mention) if found is not None else None


def _referent(layer: MentionResolver, head: Token, pos: int, refers: str, *,
              unnamed: bool) -> Name | None:
    """The name a description noun ``head`` at ``pos`` refers to; ``unnamed``: a person's
    description the text brought in without a name (``_introduced_unnamed``)."""
    labels = DESCRIBED_LABELS[refers]
    noun = head.lower_
    # "the bank" after "Bank of Pelora": the name carries the noun, and settles it at any
    # distance.
    carried = next((n for n in layer.recent_names(pos, labels, len(layer.text))
                    if noun in n.name.lower().split() or _has_role(layer, n.entity, noun)),
                   None)
    # A title names an office, and a modified description ("the port authority") a body of
    # its own: only a name or role that carries the noun settles them.
    # A person's description may say more of them ("the veteran defender"): still them.
    if carried is not None or refers == TITLE or (_modified(head) and refers != PERSON) \
            or unnamed:
        return carried
    names = layer.recent_names(pos, labels, SALIENT_REACH)
    if _one_entity(names):
        return names[0]
    if refers == PERSON:
        return _lone_person(layer, pos)  # the person in focus was looked for first
    # Several in view: the one that was a subject, the entity the text was about, if no
    # other was ("Harbor Lines said ... (Coastline News) ... The company added").
    subjects = [n for n in names if layer.is_subject(n, conjuncts=True)]
    return subjects[0] if _one_entity(subjects) else None


def _introduced_unnamed(head: Token) -> bool:
    """The text brought this person in without a name ("a witness said ... the witness
    added"): the description is that stranger, not whoever was in focus."""
    return any(any(t.dep_ == "det" and t.lower_ in _INDEFINITE for t in tok.lefts)
               for tok in _same_noun_before(head, PERSON_REACH))


def _lone_person(layer: MentionResolver, pos: int) -> Name | None:
    """The one person named within PERSON_REACH before ``pos``, if only one was."""
    names = layer.recent_names(pos, DESCRIBED_LABELS[PERSON], PERSON_REACH)
    return names[0] if _one_entity(names) else None


def _one_entity(names: list[Name]) -> bool:
    """The names are all of one entity (one name, for a name no entity took)."""
    return len({n.entity or n.name for n in names}) == 1


def voice(layer: MentionResolver, head: Token, mention: Span) -> Speaker | None:
    """Whom a body that speaks for someone stands for: the possessor ("her campaign",
    "Birch's spokesman", "the mayor's office"), or for "the campaign" alone the possessor of
    the last one the text gave ("Her campaign said ... The campaign added"). None when the
    possessor resolves to no entity: the body is then described, not named."""
    if head.tag_ != "NN" or layer.words.descriptions.get(head.lower_) != VOICE:
        return None
    owner = _possessor(head)
    if owner is None and any(t.dep_ == "det" and t.lower_ == _DEFINITE for t in head.lefts) \
            and not _modified(head):
        earlier = _earlier_possessed(head)
        owner = _possessor(earlier) if earlier is not None else None
    if owner is None:
        return None
    found = layer.resolve(owner)
    return Speaker(found.name, found.entity, mention) if found.entity is not None else None


def _possessor(head: Token) -> Token | None:
    return next((t for t in head.lefts if t.dep_ == "poss"), None)


def _earlier_possessed(head: Token) -> Token | None:
    """The nearest earlier mention of ``head``'s noun that has a possessor."""
    return next((tok for tok in _same_noun_before(head, SALIENT_REACH)
                 if _possessor(tok) is not None), None)


def _same_noun_before(head: Token, reach: int) -> Iterator[Token]:
    """The earlier tokens of ``head``'s word, nearest first, at most ``reach`` characters
    before it."""
    doc = head.doc
    for i in range(head.i - 1, -1, -1):
        tok = doc[i]
        if head.idx - tok.idx > reach:
            return
        if tok.lower_ == head.lower_:
            yield tok


def _description(layer: MentionResolver, head: Token) -> str | None:
    """What ``head`` may stand for, when it heads a definite singular description ("the
    company") or one a person possesses ("her company": hers is the one in view), not a
    count ("the two companies") or a thing's ("its company")."""
    age = age_start(head.doc, head.i)
    if age is not None:
        # "the 30-year-old": a person; "a 30-year-old" is someone new. (The parse misreads
        # the age's role: '"...," added the 30-year-old' makes it an object.)
        return PERSON if head.doc[age].lower_ == _DEFINITE else None
    demonym = _demonym(layer, head)
    if not demonym and (head.tag_ != "NN" or head.ent_type_):
        return None
    lefts = list(head.lefts)
    owner = _possessor(head)
    personal = owner is not None and (owner.lower_ in _PERSONAL_POSSESSIVES
                                      or owner.ent_type_ == "PERSON")
    definite = any(t.dep_ == "det" and t.lower_ == _DEFINITE for t in lefts)
    if not (definite or personal) or any(t.dep_ == "nummod" for t in lefts) or (
            owner is not None and not personal):
        return None
    if demonym:
        return PERSON if _may_be_in_focus(head) else None
    refers = layer.words.descriptions.get(head.lower_)
    if refers == PERSON and not _may_be_in_focus(head):
        return None
    # A voice that resolved no possessor is a body of its own, like "the company".
    return "thing" if refers == VOICE else refers


def _may_be_in_focus(head: Token) -> bool:
    """A person's description may be the person in focus unless someone possesses it ("his
    partner" is not him) or it is who was told or met ("told the host")."""
    return _possessor(head) is None and head.dep_ not in _OBJECTS


def _demonym(layer: MentionResolver, head: Token) -> bool:
    """"the Brazilian": a nationality's singular noun (a NORP name the person nouns list)
    stands for a person; a capitalised head of any other name ("the Economist") is a name."""
    return head.ent_type_ == "NORP" and head.tag_ in _SINGULAR_NOUNS \
        and layer.words.descriptions.get(head.lower_) == PERSON


def _modified(head: Token) -> bool:
    """The description says more than its noun: "the port authority", "the state bank"."""
    return any(t.dep_ in ("compound", "amod", "nmod") for t in head.lefts)


def _has_role(layer: MentionResolver, entity_id: str | None, noun: str) -> bool:
    """The entity is a person whose role, as the article gives it, has ``noun``
    ("chief economist at Harland" for "the economist")."""
    entity = layer.entity(entity_id)
    role = entity.role if entity is not None else None
    return role is not None and noun in role.lower().split()
