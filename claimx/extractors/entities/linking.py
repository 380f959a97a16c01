"""Linking: mentions grouped into entities. Same name, surname or given name to the full
name, acronym to expansion both ways, a shorter organisation name to the full one; then one
label per entity (the gazetteer's or a title's first, else the majority)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimx.doc.offsets import end_char
from claimx.extractors.entities.candidate import Cand, initials, key
from claimx.extractors.entities.labels import PLACE_LABELS
from claimx.extractors.entities.surnames import resolve_surnames
from claimx.extractors.entities.tokens import ACRONYM
from claimx.models import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.extractors.entities.lexicon import Lexicon

# Words of a body named after a town: place, trade and head ("Lusk Harbour Trust"); a
# two-word company ("Altona Group") is named after a founder as often as after a town.
PLACE_BODY_WORDS = 3


@dataclass
class _Groups:
    """Mentions grouped by key, merged with union-find; which merges settle a label."""

    doc: Doc
    lex: Lexicon
    members: dict[str, list[Cand]]
    parent: dict[str, str] = field(init=False)
    persons: list[str] = field(init=False)  # keys of several words most mentions call PERSON
    orgs: list[str] = field(init=False)  # and ORG
    surnames: set[str] = field(default_factory=set)
    org_shorts: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # one-word names the text uses as places

    def __post_init__(self) -> None:
        self.parent = {k: k for k in self.members}
        several = [(k, _votes(cs)) for k, cs in self.members.items() if len(k.split()) > 1]
        self.persons = [k for k, label in several if label == "PERSON"]
        self.orgs = [k for k, label in several if label == "ORG"]

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, short: str, long: str) -> None:
        self.parent[self.find(short)] = self.find(long)

    def join_if_one(self, k: str, targets: list[str]) -> bool:
        """Link ``k`` to ``targets`` when they all belong to one entity."""
        if len({self.find(t) for t in targets}) != 1:
            return False
        self.union(k, targets[0])
        return True


def link(
    doc: Doc, text: str, cands: list[Cand], acronyms: dict[str, str], lex: Lexicon
) -> list[Entity]:
    """Group mentions into entities and give each one name and one label."""
    resolve_surnames(doc, cands, lex)
    members: dict[str, list[Cand]] = {}
    for cand in cands:
        k = cand.ref or key(doc[cand.start:cand.end].text)
        members.setdefault(k + "#club" if cand.club else k, []).append(cand)
    groups = _Groups(doc, lex, members)
    for k, cs in members.items():
        if k in acronyms and acronyms[k] in members:
            groups.union(k, acronyms[k])
            continue
        if _link_person(groups, k, cs):
            groups.surnames.add(k)
            continue
        _link_org(groups, k, cs)
    return _entities(doc, text, groups)


def _link_person(groups: _Groups, k: str, cs: list[Cand]) -> bool:
    """A surname, or a given name no other person shares, joins the full name."""
    words = k.split()
    if k in groups.lex.club_words:
        return False  # "United" is short for a club, never a person's surname
    full = [p for p in groups.persons if p != k and p.split()[-len(words):] == words]
    given = groups.doc[cs[0].start].text in groups.lex.first_names
    if not full and len(words) == 1 and (given or _votes(cs) == "PERSON"):
        # "Aoife" after "Aoife Halloran", when no other person shares the name.
        full = [p for p in groups.persons if p.split()[0] == k]
    return groups.join_if_one(k, full)


def _link_org(groups: _Groups, k: str, cs: list[Cand]) -> None:
    """An acronym joins its expansion; a shorter organisation name joins the full one."""
    words = k.split()
    orgs = groups.orgs
    if len(words) == 1 and ACRONYM.match(groups.doc[cs[0].start:cs[0].end].text):
        expansions = [o for o in orgs if initials(o, groups.lex.joiners) == k]
        if groups.join_if_one(k, expansions):
            return
    if len(words) > 1 and _votes(cs) == "ORG":
        # "Reserve Bank" is short for "Reserve Bank of Ruritania"; "Federal Reserve" is not
        # short for "Federal Reserve Bank of Boston", which names a different body.
        longer = [o for o in orgs if len(o) > len(k) and (
            o.endswith(" " + k) or _completes(o, k, groups.lex.joiners))]
        if groups.join_if_one(k, longer):
            return
    if len(words) == 1:
        _link_one_word_org(groups, k, cs)


def _link_one_word_org(groups: _Groups, k: str, cs: list[Cand]) -> None:
    lex = groups.lex
    capitalised = all(groups.doc[c.start].text[:1].isupper() for c in cs)
    # "the Bank" after "the Reserve Bank of Ruritania": the body's head noun, capitalised,
    # stands for the one organisation with that head the article names.
    if (k in lex.org_heads and capitalised
            and groups.join_if_one(k, [o for o in groups.orgs if k in o.split()])):
        return
    # "United" after "Manchester United", "the Comets" after "the Ferrowell Comets": a club's
    # or a body's last word names it when it is a club word or is written with "the".
    named_by_last = k in lex.club_words or (capitalised and _with_the(groups.doc, cs))
    if named_by_last and groups.join_if_one(
            k, [o for o in groups.orgs if o.split()[-1] == k]):
        groups.org_shorts.add(k)
        return
    # "Labour" and "Labour Party": a suffix that only says what kind of body it is.
    suffixed = [o for o in groups.orgs if o.split()[:-1] == [k] and o.split()[-1] in lex.org_heads
                and _votes(cs) == "ORG"]  # not "European" or "France" ("France Telecom")
    if not any(c.gaz for c in cs) and k not in lex.generic_heads:
        # "Halvorsen" after "Halvorsen Shipping": a company's first word names it, unless the
        # word is generic ("Central" is not short for "Central Bank of Ruritania").
        suffixed = [o for o in groups.orgs if o.split()[0] == k]
        named_after_town = any(len(o.split()) >= PLACE_BODY_WORDS for o in suffixed)
        if named_after_town and _used_as_place(groups.doc, cs, lex):
            # "hotels in Brackwater" beside "the Brackwater Hotels Association": the town a
            # body of place, trade and head is named after is a place, never its alias.
            groups.places.add(k)
            return
    if groups.join_if_one(k, suffixed):
        groups.org_shorts.add(k)


def _used_as_place(doc: Doc, cands: list[Cand], lex: Lexicon) -> bool:
    """A mention the model calls a place, or one after a place preposition ("to Lusk")."""
    return any(c.label in PLACE_LABELS or (c.start and doc[c.start - 1].lower_
               in lex.place_prepositions) for c in cands if c.end - c.start == 1)


def _with_the(doc: Doc, cands: list[Cand]) -> bool:
    return any(c.start and doc[c.start - 1].lower_ == "the" for c in cands)


def _completes(long: str, short: str, joiners: frozenset[str]) -> bool:
    """``long`` is ``short`` followed by a joiner and more words ("reserve bank of ruritania")."""
    rest = long[len(short):].split() if long.startswith(short + " ") else []
    return len(rest) > 1 and rest[0] in joiners


def _entities(doc: Doc, text: str, groups: _Groups) -> list[Entity]:
    clusters: dict[str, list[Cand]] = {}
    linked: dict[str, str] = {}
    for k, cs in groups.members.items():
        root = groups.find(k)
        clusters.setdefault(root, []).extend(cs)
        if k in groups.surnames:
            linked[root] = "PERSON"
        elif k in groups.org_shorts:
            linked.setdefault(root, "ORG")
        elif k in groups.places and root == k:
            linked[root] = "GPE"
    entities = []
    ordered = sorted(clusters.items(), key=lambda kv: min(c.start for c in kv[1]))
    for number, (root, cs) in enumerate(ordered, 1):
        label = linked.get(root) or _entity_label(cs)
        entities.append(_entity(doc, text, f"e{number}", label, cs))
    return entities


def _votes(cands: list[Cand]) -> str:
    return Counter(c.label for c in cands).most_common(1)[0][0]


def _entity_label(cands: list[Cand]) -> str:
    """The gazetteer's label when it knows the name, else the label most mentions carry."""
    backed = [c.label for c in cands if c.gaz]
    pool = backed or [c.label for c in cands]
    counts = Counter(pool)
    best = max(counts.values())
    # Ties go to the first mention's label: the first mention is usually the fullest.
    return next(label for label in pool if counts[label] == best)


def _entity(doc: Doc, text: str, entity_id: str, label: str, cands: list[Cand]) -> Entity:
    cands = sorted(cands, key=lambda c: c.start)
    mentions = []
    forms: list[str] = []
    for cand in cands:
        start, end = doc[cand.start].idx, end_char(doc, cand.end)
        mentions.append(Mention(start, end, text[start:end], label))
        form = " ".join(text[start:end].split())
        if form not in forms:
            forms.append(form)
    name = max(forms, key=lambda f: (not f.isupper() or len(f) <= 1, len(f.split()), len(f)))
    seen = {name.lower()}
    aliases = []
    for form in forms:
        if form.lower() not in seen:
            seen.add(form.lower())
            aliases.append(form)
    return Entity(entity_id, name, label, tuple(aliases), tuple(mentions))
