"""The mention layer's resolver: from the head of a noun phrase that names someone (a
quote's speaker, a claim's source) to a mention, a resolved name and an entity id.

A resolved mention keeps two things apart: the words in the text (the mention, even "he") and
who it is (the name: "Ilham Aliyev"). Pronouns go to the nearest compatible name before them;
surnames and short forms go to the document's entity whose mentions contain them (entity
linking has already sent a shared surname to the person in focus); descriptions ("the
company") go to the entity the article named (descriptions). Each head token is resolved once,
so a quote and a claim that share a speaker get the same answer.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimx.doc.ages import age_start
from claimx.doc.offsets import end_char, index_from
from claimx.doc.syntax import SUBJECTS
from claimx.doc.text import doc_text
from claimx.extractors.mentions.descriptions import describe
from claimx.extractors.mentions.phrases import (
    SOURCE_LABELS,
    affiliated_person,
    entity_of,
    name_in_phrase,
)
from claimx.extractors.mentions.pronouns import person_referent, subject_referent
from claimx.extractors.mentions.words import MentionWords
from claimx.models import Entity, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# What a pronoun may stand for, by its "refers" value in speaker_pronouns.tsv.
_REFERENT_LABELS = {"person": frozenset({"PERSON"}), "thing": frozenset({"ORG"})}
# Gendered pronouns that stand as a subject (not "her", also a possessive).
_SUBJECT_FORMS = frozenset({"he", "she"})
# How far back (characters) a pronoun looks for a name in subject position before settling
# for the nearest name of any role.
SUBJECT_REACH = 600
# How far back (characters) a title before a mention may start ("Mrs ").
TITLE_REACH = 12
# Names before a position checked for one that covers it, and for a pronoun's referent.
_COVER_LOOKBACK = 40
_REFERENT_LOOKBACK = 200


@dataclass(frozen=True)
class Regions:
    """Character ranges of a document whose names are set apart: ``quoted`` (quotations: a
    name inside one is no referent for a pronoun outside) and ``furniture`` (a wire tag or
    byline: its names are no one's mention)."""

    quoted: Sequence[tuple[int, int]] = ()
    furniture: Sequence[tuple[int, int]] = ()


@dataclass(frozen=True)
class Name:
    """A name mention of the document: where it is, who (name, label, entity id)."""

    start: int
    end: int
    name: str
    label: str
    entity: str | None


class MentionResolver:
    """Resolves the mentions of one document that quotes and claims name (speakers, sources)
    against its entities; built once per document (layer.document_mentions)."""

    def __init__(
        self,
        doc: Doc,
        entities: Sequence[Entity],
        *,
        words: MentionWords,
        regions: Regions | None = None,
    ) -> None:
        self.doc = doc
        self.words = words
        self.text = doc_text(doc)  # cached on the Doc
        self.entities = entities
        self._by_id = {e.id: e for e in entities}
        self._resolved: dict[int, Speaker] = {}
        self._gendered: list[int] | None = None  # gendered pronouns not yet resolved
        names: list[Name] = []
        for entity in entities:
            for m in entity.mentions:
                names.append(Name(m.start, m.end, entity.name, entity.label, entity.id))
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
                    names.append(Name(ent.start_char, ent.end_char, name, ent.label_, None))
        regions = regions or Regions()
        # A wire tag or byline ("(AP)") names no one the article's words refer to.
        names = [n for n in names
                 if not any(s <= n.start and n.end <= e for s, e in regions.furniture)]
        names.sort(key=lambda n: n.start)
        self.names = names
        self.starts = [n.start for n in names]
        self.blocked = sorted(regions.quoted)
        # Each person's gender, keyed by resolved name; ``told`` holds those the text itself
        # tells (a title, a pronoun that went to them), ``genders`` adds given names' too.
        self.told: dict[str, str] = {}
        self.genders = self._genders(names)

    def _genders(self, names: list[Name]) -> dict[str, str]:
        """Each person's gender, "m" or "f", keyed by resolved name: from a title before one
        of their mentions ("Mrs Okafor"), which ``told`` keeps too, else from a given name
        that usually carries it."""
        for n in names:
            title = self.words.gender_title.search(
                self.text, max(0, n.start - TITLE_REACH), n.start) \
                if n.label == "PERSON" else None
            if title is not None:
                self.told[n.name] = "m" if title.group("m") else "f"  # a title always wins
        genders = dict(self.told)
        for n in names:
            if n.label == "PERSON" and n.name not in genders and " " in n.name:
                given = self.words.given_names.get(n.name.split()[0])
                if given is not None:
                    genders[n.name] = given
        return genders

    def entity(self, entity_id: str | None) -> Entity | None:
        """The document's entity with this id."""
        return self._by_id.get(entity_id) if entity_id is not None else None

    def recent_names(self, pos: int, labels: frozenset[str], reach: int) -> list[Name]:
        """Names of these labels ending before ``pos`` and at most ``reach`` characters
        before it, nearest first; none inside a quotation."""
        found = []
        for k in range(index_from(self.starts, pos) - 1, -1, -1):
            n = self.names[k]
            if pos - n.end > reach:
                break
            if n.end <= pos and n.label in labels and not self._inside_blocked(n.start, n.end):
                found.append(n)
        return found

    def _names_in(self, start: int, end: int) -> list[Name]:
        hi = index_from(self.starts, end)
        return [n for n in self.names[max(0, hi - _COVER_LOOKBACK):hi] if n.end > start]

    def label_of(self, tok: Token) -> str:
        """The label of the document entity ``tok`` names (the entities' verdict, which
        may overrule the parse's), else the parse's label."""
        names = self._names_in(tok.idx, tok.idx + len(tok.text))
        return next((n.label for n in names if n.start <= tok.idx), tok.ent_type_)

    def quoted(self, pos: int) -> bool:
        """Character ``pos`` stands inside a quotation."""
        return self._inside_blocked(pos, pos)

    def _inside_blocked(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.blocked, (start, 1 << 62)) - 1
        return i >= 0 and self.blocked[i][0] <= start and end <= self.blocked[i][1]

    def _nearest_before(self, pos: int, labels: frozenset[str],
                        gender: str | None = None, apart: str | None = None) -> Name | None:
        """The name a pronoun at ``pos`` refers to: the nearest one before it that is a
        grammatical subject (the person the text is about, not one mentioned in passing:
        "Obama spoke after meeting Vladimir Putin. He said ..."), else the nearest one. A
        person whose title gives the other gender is skipped ("Mrs Okafor met Mr Bello. He
        said ..."). ``apart``: an entity the pronoun cannot be."""
        genders = self.genders
        hi = index_from(self.starts, pos)
        nearest = None
        for n in reversed(self.names[max(0, hi - _REFERENT_LOOKBACK):hi]):
            if n.end > pos or n.label not in labels or self._inside_blocked(n.start, n.end) \
                    or (apart is not None and n.entity == apart):
                continue
            if gender is not None and genders.get(n.name, gender) != gender:
                continue
            if nearest is None:
                nearest = n
            if pos - n.end > SUBJECT_REACH:
                break
            if self.is_subject(n):
                return n
        return nearest

    def is_subject(self, name: Name, *, conjuncts: bool = False) -> bool:
        """The name is a grammatical subject (``conjuncts``: or conjoined to one, "A and B
        merged")."""
        span = self.doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ in ("appos", "compound") and root.head.i != root.i:
            root = root.head
        while conjuncts and root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        return root.dep_ in SUBJECTS

    def in_focus(self, head: Token) -> Speaker | None:
        """The person the text was just about, before a description headed by ``head``
        (pronouns.person_referent)."""
        return person_referent(self, head)

    def mention_tokens(self, head: Token) -> tuple[int, int]:
        """Token range of the speaker phrase headed by ``head``: determiners, titles and
        compounds on the left, nothing after the head (appositions and relative clauses are
        descriptions, not the name)."""
        doc = self.doc
        start = head.i
        for left in head.lefts:
            if left.dep_ in ("det", "compound", "amod", "poss", "nmod", "nummod", "quantmod"):
                start = min(start, left.left_edge.i)
        while start < head.i and (doc[start].lower_ in self.words.drop_left or doc[start].is_punct):
            start += 1
        age = age_start(doc, head.i)
        if age is not None:
            start = min(start, age)  # "the 30-year-old"
        end = head.i + 1
        ent = entity_of(head)
        if ent is not None:
            start, end = min(start, ent.start), max(end, ent.end)
        # "one of the attorneys" and "the head of the agency": keep the of-phrase.
        for right in head.rights:
            if right.dep_ == "prep" and right.lower_ == "of" and right.i == end:
                end = right.right_edge.i + 1
        return start, end

    def resolve_span(self, start: int, end: int) -> Speaker | None:
        """The Speaker of the noun phrase at characters ``start:end`` (a claim's source)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return self.resolve(span.root) if span is not None and len(span) else None

    def resolve(self, head: Token) -> Speaker:
        """The Speaker for a subject head token (the same object for the same token)."""
        speaker = self._resolved.get(head.i)
        if speaker is None:
            speaker = self._resolved[head.i] = self._resolve(head)
        return speaker

    def apart_from(self, speaker: Speaker, other: str) -> Speaker:
        """``speaker``, unless it is ``other``, the entity its words were said to: nobody
        tells themself. A pronoun then goes to the next compatible name ("Asked by Tom Hale,
        he said": not Hale), any other mention stays unresolved. The answer replaces the
        cached one, so a claim's source agrees with the quote."""
        mention = speaker.mention
        span = None if mention is None or speaker.entity != other else self.doc.char_span(
            mention.start, mention.end, alignment_mode="expand")
        if mention is None or span is None or not len(span):
            return speaker
        head = span.root
        refers, gender = self.words.pronouns.get(head.lower_, ("", None))
        labels = _REFERENT_LABELS.get(refers) if head.tag_ == "PRP" else None
        found = self._nearest_before(mention.start, labels, gender, apart=other) \
            if labels else None
        fixed = Speaker(found.name, found.entity, mention) if found is not None \
            else Speaker(mention.text, None, mention)
        self._resolved[head.i] = fixed
        return fixed

    def _resolve(self, head: Token) -> Speaker:
        doc = self.doc
        head = affiliated_person(head) or head
        start, end = self.mention_tokens(head)
        named = head
        if entity_of(head) is None:
            named, end = name_in_phrase(head, end)
        mention = Span.of(self.text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        if head.tag_ == "PRP" or head.lower_ in self.words.pronouns:
            return self._pronoun_speaker(head, mention)
        return self._named_speaker(named, mention, start, end)

    def _pronoun_speaker(self, head: Token, mention: Span) -> Speaker:
        """A pronoun's Speaker: the name it refers to, else the pronoun as written."""
        refers, gender = self.words.pronouns.get(head.lower_, ("", None))
        if gender is not None:
            self._resolve_gendered_before(head.i)
        if refers in ("thing", "group"):
            subject = subject_referent(self, head)
            if subject is not None:
                return Speaker(subject.name, subject.entity, mention)
        focused = person_referent(self, head, gender) \
            if gender is not None and head.lower_ in _SUBJECT_FORMS else None
        if focused is not None:
            self._tell_gender(focused.name, gender)
            return Speaker(focused.name, focused.entity, mention)
        labels = _REFERENT_LABELS.get(refers)
        found = self._nearest_before(mention.start, labels, gender) if labels else None
        if found is not None:
            if gender is not None and found.label == "PERSON":
                self._tell_gender(found.name, gender)
            return Speaker(found.name, found.entity, mention)
        return Speaker(mention.text, None, mention)

    def _tell_gender(self, name: str, gender: str | None) -> None:
        """"she" told us Rhea Castane is a woman: a later "he" is someone else. What the
        text tells wins over a given name's usual gender, never over a title."""
        if gender is not None:
            self.told.setdefault(name, gender)
            self.genders[name] = self.told[name]

    def _resolve_gendered_before(self, i: int) -> None:
        """Resolve the gendered pronouns before token ``i`` first, in order: each one that
        goes to a person of unknown gender tells that person's gender to the later ones, so
        the answer does not depend on which quote asked first."""
        if self._gendered is None:
            from spacy.attrs import LOWER

            wanted = {self.doc.vocab.strings[p] for p, (_, g) in self.words.pronouns.items()
                      if g is not None and p in _SUBJECT_FORMS}
            lows = self.doc.to_array([LOWER]).ravel().tolist()
            self._gendered = [k for k, low in enumerate(lows) if low in wanted]
        while self._gendered and self._gendered[0] < i:
            k = self._gendered.pop(0)
            tok = self.doc[k]
            if not self.quoted(tok.idx):
                self.resolve(tok)

    def _named_speaker(self, named: Token, mention: Span, start: int, end: int) -> Speaker:
        """The Speaker of a phrase that is no pronoun, whose name is on ``named``."""
        # Only a name on the head itself counts: "the minister of Digital Development" is
        # not the ministry.
        ent = entity_of(named)
        if ent is not None and named.ent_type_ == "NORP" and len(ent) == 1:
            # "The Brazilian said": a person of the article, not the nationality.
            described = describe(self, named, mention)
            if described is not None:
                return described
        if ent is not None:
            span_start, span_end = ent.start_char, ent.end_char
        else:
            span_start, span_end = named.idx, named.idx + len(named.text)
        for n in self._names_in(span_start, span_end):
            if n.label in SOURCE_LABELS:
                return Speaker(n.name, n.entity, mention)
        if ent is not None:
            return Speaker(ent.text, None, mention)
        # "the president said", "the company said": the entity the article named.
        described = describe(self, named, mention)
        if described is not None:
            return described
        return Speaker(self._bare_name(start, end), None, mention)

    def _bare_name(self, start: int, end: int) -> str:
        """The phrase without a leading determiner ("the ministry" -> "ministry" would lose
        nothing, but "The ministry" reads better kept whole, so only "a"/"an"/"the" before a
        title-cased word go: "the Deputy Minister" -> "Deputy Minister")."""
        doc = self.doc
        if end - start > 1 and doc[start].lower_ in self.words.articles \
                and doc[start + 1].is_title:
            start += 1
        return self.text[doc[start].idx:end_char(doc, end)]
