"""Speakers: from the subject of a cue verb to a mention, a resolved name and an entity id.

A speaker keeps two things apart: the words in the text (the mention, even "he") and who it is
(the name: "Ilham Aliyev"). Pronouns go to the nearest compatible name before them; surnames
and short forms go to the document's entity whose mentions contain them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimx.doc.text import doc_text
from claimx.extractors.entities import resolve_role
from claimx.models import Entity, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
THING_PRONOUNS = frozenset({"it"})
GROUP_PRONOUNS = frozenset({"they", "them", "we", "i", "you"})
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
SOURCE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# How far back (characters) a pronoun looks for a name in subject position before settling
# for the nearest name of any role.
SUBJECT_REACH = 600
# Words a speaker phrase may start with that are not part of who speaks.
_DROP_LEFT = frozenset({"but", "and", "or", "so", "also", "then", "yet"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


# Honorifics that tell a person's gender when they stand right before a mention of them.
_GENDER_TITLE = re.compile(
    r"\b(?P<m>Mr|Sir|Lord|Mister)\.?\s+$|\b(?P<f>Mrs|Ms|Miss|Dame|Lady|Madam)\.?\s+$")
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    name: str
    label: str
    entity: str | None


class SpeakerResolver:
    """Resolves speaker phrases of one document against its entities (built once per doc)."""

    def __init__(
        self,
        doc: Doc,
        entities: Sequence[Entity],
        titles: frozenset[str],
        blocked: Sequence[tuple[int, int]] = (),
        text: str | None = None,
        given_names: Mapping[str, str] | None = None,
    ) -> None:
        self.doc = doc
        # Doc.text joins every token on each access: read it once.
        self.text = doc_text(doc) if text is None else text
        self.titles = titles
        self.entities = entities
        names: list[_Name] = []
        for entity in entities:
            for m in entity.mentions:
                names.append(_Name(m.start, m.end, entity.name, entity.label, entity.id))
        if not names:
            # No merged entities (entities disabled or not built): link surnames to the
            # longest PERSON name in the document that ends with them.
            full: dict[str, str] = {}
            for ent in doc.ents:
                if ent.label_ == "PERSON" and len(ent) > 1:
                    last = ent[-1].text
                    if len(ent.text) > len(full.get(last, "")):
                        full[last] = ent.text
            for ent in doc.ents:
                if ent.label_ in SOURCE_LABELS:
                    name = full.get(ent.text, ent.text) if len(ent) == 1 else ent.text
                    names.append(_Name(ent.start_char, ent.end_char, name, ent.label_, None))
        names.sort(key=lambda n: n.start)
        self.names = names
        self.starts = [n.start for n in names]
        self.blocked = sorted(blocked)
        self.genders = self._genders(names, given_names or {})

    def _genders(self, names: list[_Name], given_names: Mapping[str, str]) -> dict[str, str]:
        """Each person's gender, "m" or "f", keyed by resolved name: from a title before one
        of their mentions ("Mrs Okafor"), else from a given name that usually carries it."""
        genders: dict[str, str] = {}
        for n in names:
            if n.label != "PERSON":
                continue
            title = _GENDER_TITLE.search(self.text, max(0, n.start - 12), n.start)
            if title is not None:
                genders[n.name] = "m" if title.group("m") else "f"  # a title always wins
            elif n.name not in genders and " " in n.name:
                given = given_names.get(n.name.split()[0])
                if given is not None:
                    genders[n.name] = given
        return genders

    def _names_in(self, start: int, end: int) -> list[_Name]:
        hi = bisect.bisect_left(self.starts, end)
        return [n for n in self.names[max(0, hi - 40):hi] if n.end > start]

    def _inside_blocked(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.blocked, (start, 1 << 62)) - 1
        return i >= 0 and self.blocked[i][0] <= start and end <= self.blocked[i][1]

    def _nearest_before(self, pos: int, labels: frozenset[str],
                        gender: str | None = None) -> _Name | None:
        """The name a pronoun at ``pos`` refers to: the nearest one before it that is a
        grammatical subject (the person the text is about, not one mentioned in passing:
        "Obama spoke after meeting Vladimir Putin. He said ..."), else the nearest one. A
        person whose title gives the other gender is skipped ("Mrs Okafor met Mr Bello. He
        said ...")."""
        hi = bisect.bisect_left(self.starts, pos)
        nearest = None
        for n in reversed(self.names[max(0, hi - 200):hi]):
            if n.end > pos or n.label not in labels or self._inside_blocked(n.start, n.end):
                continue
            if gender is not None and self.genders.get(n.name, gender) != gender:
                continue
            if nearest is None:
                nearest = n
            if pos - n.end > SUBJECT_REACH:
                break
            if self._is_subject(n):
                return n
        return nearest

    def _group_before(self, pronoun: Token) -> _Name | None:
        """What "they" stands for: the nearest sentence subject before it, within two
        sentences, when that subject is a named group ("Greenpeace said ... They added ...");
        a plain noun ("officials") or a person leaves "they" as it is."""
        doc = self.doc
        starts_seen = 0
        for i in range(pronoun.i - 1, -1, -1):
            tok = doc[i]
            if tok.is_sent_start:
                starts_seen += 1
                if starts_seen > 2:
                    return None
            main = tok.head.dep_ == "ROOT" or (tok.head.dep_ == "conj"
                                               and tok.head.head.dep_ == "ROOT")
            if tok.dep_ not in _SUBJECT_DEPS or tok.tag_ == "PRP" or not main:
                continue  # the sentence's own subject, not one inside what it reports
            if tok.ent_type_ not in ("ORG", "NORP"):
                return None
            names = self._names_in(tok.idx, tok.idx + len(tok.text))
            return next((n for n in names if n.label in ("ORG", "NORP")), None)
        return None

    def _is_subject(self, name: _Name) -> bool:
        span = self.doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ in ("appos", "compound") and root.head.i != root.i:
            root = root.head
        return root.dep_ in _SUBJECT_DEPS

    def mention_tokens(self, head: Token) -> tuple[int, int]:
        """Token range of the speaker phrase headed by ``head``: determiners, titles and
        compounds on the left, nothing after the head (appositions and relative clauses are
        descriptions, not the name)."""
        doc = self.doc
        start = head.i
        for left in head.lefts:
            if left.dep_ in ("det", "compound", "amod", "poss", "nmod", "nummod", "quantmod"):
                start = min(start, left.left_edge.i)
        while start < head.i and (doc[start].lower_ in _DROP_LEFT or doc[start].is_punct):
            start += 1
        end = head.i + 1
        ent = _entity_of(head)
        if ent is not None:
            start, end = min(start, ent.start), max(end, ent.end)
        # "one of the attorneys" and "the head of the agency": keep the of-phrase.
        for right in head.rights:
            if right.dep_ == "prep" and right.lower_ == "of" and right.i == end:
                end = right.right_edge.i + 1
        return start, end

    def resolve(self, head: Token) -> Speaker:
        """The Speaker for a subject head token."""
        doc = self.doc
        start, end = self.mention_tokens(head)
        # "the party's candidate, Jane Doe,": the named apposition is who speaks.
        named = head
        if _entity_of(head) is None:
            for right in head.rights:
                if right.dep_ == "appos" and _entity_of(right) is not None:
                    named = right
                    break
        mention = Span.of(self.text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        low = head.lower_
        if head.tag_ == "PRP" or low in PRONOUNS:
            labels: frozenset[str] = frozenset()
            if low in PERSON_PRONOUNS:
                labels = frozenset({"PERSON"})
            elif low in THING_PRONOUNS:
                labels = frozenset({"ORG"})
            found = (self._nearest_before(mention.start, labels, _PRONOUN_GENDER.get(low))
                     if labels else None)
            if low in ("they", "them"):
                found = self._group_before(head)
            if found is not None:
                return Speaker(found.name, found.entity, mention)
            return Speaker(mention.text, None, mention)
        # Only a name on the head itself counts: "the minister of Digital Development" is
        # not the ministry.
        ent = _entity_of(named)
        if ent is not None:
            span_start, span_end = ent.start_char, ent.end_char
        else:
            span_start, span_end = named.idx, named.idx + len(named.text)
        for n in self._names_in(span_start, span_end):
            if n.label in SOURCE_LABELS:
                return Speaker(n.name, n.entity, mention)
        if ent is not None:
            return Speaker(ent.text, None, mention)
        # "the president said": the person the article introduced with that title.
        person = resolve_role(self.text, mention.start, mention.end, self.entities)
        if person is not None:
            return Speaker(person.name, person.id, mention)
        return Speaker(self._bare_name(start, end), None, mention)

    def from_span(self, start: int, end: int) -> Speaker:
        """A Speaker for an already delimited phrase (the object of "according to")."""
        doc = self.doc
        tokens = doc[start:end]
        head = tokens.root
        return self.resolve(head)

    def _bare_name(self, start: int, end: int) -> str:
        """The phrase without a leading determiner ("the ministry" -> "ministry" would lose
        nothing, but "The ministry" reads better kept whole, so only "a"/"an"/"the" before a
        title-cased word go: "the Deputy Minister" -> "Deputy Minister")."""
        doc = self.doc
        if end - start > 1 and doc[start].lower_ in ("the", "a", "an") and doc[start + 1].is_title:
            start += 1
        return self.text[doc[start].idx:_end(doc, end)]


def _end(doc: Doc, hi: int) -> int:
    return doc[hi - 1].idx + len(doc[hi - 1].text)


def _entity_of(token: Token):  # -> spaCy Span | None
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


RELATIVES = frozenset({"who", "that", "which", "whom"})


def subject_of(verb: Token, *, depth: int = 1) -> Token | None:
    """The grammatical subject of a cue verb, looking through conjunctions and participles
    ("..., he said and added", "Smith left, saying ...": up to ``depth`` verbs up) and
    relative pronouns ("Jane Doe, who said ..." -> Jane Doe)."""
    node = verb
    for _ in range(depth + 1):
        # The subject nearest the verb: a parse that runs over a headline may give two.
        subjects = sorted((c for c in node.children if c.dep_ in _SUBJECT_DEPS),
                          key=lambda c: abs(c.i - node.i))
        if subjects:
            child = subjects[0]
            if child.lower_ in RELATIVES:
                if node.dep_ == "relcl" and node.head.i != node.i:
                    return node.head
                return None
            return child
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
            return None
        node = node.head
    return None
