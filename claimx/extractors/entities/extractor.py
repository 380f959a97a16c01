"""Named entities merged per document: one record per real-world entity.

The small model's entities are the raw material. On news text they need, in one pass each
(the order of ``EntityExtractor._extract``):

1. boundaries a reader would mark: no leading "the", bullets, titles or sentence-opening
   prepositions, no trailing "'s", prepositions, "MP" or table numbers, no span across a line
   break, a bracket or a spaced dash;
2. headlines checked against the body: a headline is in title case or capitals, where the
   model tags fragments ("Baku Steps Forward") that the body never names;
3. a gazetteer (``patterns/gazetteer_*.txt``) that labels countries, cities, regions,
   nationalities, events and international bodies, and finds them in capitals too; city and
   state names yield to the model's ORG (a city is also its club or its government);
4. context: results rows and score tables, places listed with places, "X province",
   "X, a spokesman", "X University", "Cardiff flanker", given names (``patterns/names_*``);
5. page furniture (``claimx.extractors.furniture``): only real names survive inside it ("Read
   more" never becomes a name), a byline names people, a dateline opens with a place;
6. document consistency: names the document already uses are tagged where the model missed
   them, words the same text writes in lower case are not names;
7. linking: same name, surname or given name to the full name, acronym to expansion both
   ways, a shorter organisation name to the full one; then one label per entity (the
   gazetteer's or a title's first, else the majority).

``resolve_role()`` links a role phrase ("the president") to the titled person on demand;
role phrases are not name mentions.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimx.doc.text import doc_text
from claimx.models import Entity, Furniture, Mention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from claimx.rules.loader import PatternSet

# spaCy's name types; numeric and date types are not names and stay out of the entity list.
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
     "LANGUAGE"}
)
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                            "CARDINAL"})
# Gazetteer file stem suffix -> label ("gazetteer_cities.txt" holds GPE names).
GAZETTEER_LABELS = {
    "gpe": "GPE",
    "cities": "GPE",
    "states": "GPE",
    "countries": "GPE",
    "loc": "LOC",
    "norp": "NORP",
    "org": "ORG",
    "orgs": "ORG",
    "fac": "FAC",
    "event": "EVENT",
    "events": "EVENT",
}
# A city name is also its club's or its government's ("Valencia won", "Beijing said"): these
# lists relabel the model's other labels but leave its ORG alone.
WEAK_GAZETTEERS = frozenset({"cities", "states"})
# Labels whose names may end in a number ("Windows 95", "Euro 2024").
NUMBERED_LABELS = frozenset({"PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC"})
# Words that join the parts of a name and may be lower case inside it.
JOINERS = frozenset({"of", "and", "the", "for", "de", "du", "la", "le", "von", "van", "der",
                     "di", "da", "del", "y", "on", "in", "at", "&", "-", "'s"})
# First words of organisation names that do not name the organisation alone.
GENERIC_HEADS = frozenset({"bank", "ministry", "department", "university", "national", "royal",
                           "federal", "central", "international", "world", "european", "united",
                           "new", "first", "general", "state", "the", "us", "uk", "city",
                           "house", "court", "council", "office", "institute", "association"})
# Personal honorifics, stripped whatever the model's label (the rest of titles.txt only from
# PERSON spans, because "General Motors" and "State Department" start with title words).
PERSONAL_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady",
                                 "baroness", "sen", "rep", "senator"})
TRAILING_ROLES = frozenset({"MP", "MPs", "MEP", "MEPs", "MSP", "MSPs", "AM", "TD"})
# Title words that are never a name on their own ("the Cardinal said").
LONE_TITLES = frozenset({"cardinal", "minister", "chancellor", "president", "senator", "governor",
                         "mayor", "bishop", "archbishop", "sheikh", "councillor", "premier",
                         "mr", "mrs", "ms", "dr", "sir", "lord", "lady"})
# Tags of a sentence's first word that is not part of the name the model ran it into.
LEADING_NON_NAME_TAGS = frozenset({"IN", "TO", "CC", "RB", "VBG", "WRB", "PRP", "MD"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "baroness",
                        "president", "sen", "rep",
                        "senator", "gov", "prof"})
BRACKETS = frozenset("()[]{}")
# A city name after one of these words is the place, even where the model says ORG.
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "outside", "across", "into",
                                "around", "via", "towards", "toward"})
# Lower-case nouns after a one-word name that make it a place: "Jaen province".
NATURAL_PLACES = frozenset({"river", "valley", "mountains", "lake", "sea", "island", "islands",
                            "peninsula", "desert", "basin", "coast", "bay", "gulf", "delta"})
PLACE_NOUNS = NATURAL_PLACES | frozenset({"province", "region", "district", "county",
                                          "prefecture", "municipality", "governorate", "oblast",
                                          "state", "city", "town", "village", "airport",
                                          "port"})
# Tags of words that are not names when the model tags them alone at a sentence start.
NOT_NAME_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VB", "VBD", "VBG", "VBN",
                           "VBP", "VBZ", "IN", "DT", "PRP", "PRP$", "MD", "CC", "UH", "NN",
                           "NNS"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’", "s"})
BLOCKING_FURNITURE = frozenset({"read_more", "id", "footer"})
_SCORE = re.compile(r"^\s*(?:\(\s*)?\d{1,3}\s?[-–]\s?\d{1,3}\b")
_SCORES = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")
_NUMBERISH = re.compile(r"^(?=.*\d)[\d.,:/%\-+]+$")
_HAS_UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_ACRONYM = re.compile(r"^[A-Z][A-Z&.\d]{1,9}$")


@dataclass
class _Cand:
    """A mention being built: token span, label and where it came from."""

    start: int
    end: int
    label: str
    gaz: bool = False  # the gazetteer (or a personal title) backs this span and its label
    headline: bool = False
    weak: bool = False  # backed by a list that yields to context (a city can be a club)
    split: bool = False  # a piece of a model span cut at a line break or dash
    sure: bool = False  # its context (a results row) settles it: no common-word doubts
    club: bool = False  # a place name used for its sports club: a separate entity


class EntityExtractor:
    """Turns a parsed Doc into entities: clean mentions, linked names, one label each.

    Built once per Extractor; every matcher and word list is prepared here, never per document.
    """

    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        from spacy.matcher import PhraseMatcher

        self.patterns = patterns
        self._gazetteer = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._gaz_labels: dict[int, tuple[str, bool]] = {}
        self._the_names: set[str] = set()
        for name, words in sorted(patterns.words.items()):
            if not name.startswith("gazetteer"):
                continue
            kind = name.rsplit("_", 1)[-1].lower()
            label = GAZETTEER_LABELS.get(kind)
            if label is None:
                continue
            key = f"claimx-{name}"
            self._gaz_labels[nlp.vocab.strings.add(key)] = (label, kind in WEAK_GAZETTEERS)
            phrases = [w for w in words if w.strip()]
            self._gazetteer.add(key, [nlp.make_doc(phrase) for phrase in phrases])
            self._the_names.update(w.lower() for w in phrases if w.lower().startswith("the "))
        self._titles = patterns.word_list("titles")
        self._first_names = frozenset().union(
            *(patterns.word_list(n, lower=False) for n in patterns.words if n.startswith("name"))
        )
        self._stoplist = patterns.word_list("entity_stoplist")
        self._org_heads = patterns.word_list("entity_org_heads")
        self._team_words = patterns.word_list("entity_team_words")
        self._match_verbs = patterns.word_list("entity_match_verbs")

    def __call__(self, doc: Doc, *, furniture: Sequence[Furniture] = ()) -> list[Entity]:
        try:
            return self._extract(doc, tuple(furniture))
        except Exception:  # odd text must cost entities, never the document
            return []

    # -- the passes ---------------------------------------------------------------------------

    def _extract(self, doc: Doc, furniture: tuple[Furniture, ...]) -> list[Entity]:
        if not len(doc):
            return []
        text = doc_text(doc)
        headlines = _headline_lines(text)
        cands = [c for ent in doc.ents if ent.label_ in NAME_LABELS
                 for c in self._clean(doc, ent.start, ent.end, ent.label_)]
        for cand in cands:
            cand.headline = _in_lines(doc[cand.start].idx, headlines)
        cands = self._check_headlines(doc, cands, headlines)
        self._first_name_persons(doc, cands)
        cands = self._add_gazetteer(doc, cands)
        cands = self._table_rows(doc, text, cands, headlines, furniture)
        _coordinated_places(doc, cands)
        cands = self._match_reports(doc, cands)
        self._context_labels(doc, cands)
        acronyms = self._add_acronyms(doc, cands)
        cands += _initialisms(doc, cands)
        cands = self._drop_furniture(doc, cands, furniture)
        cands += self._byline_names(doc, cands, furniture)
        cands = _dateline_places(doc, cands, furniture)
        cands = _drop_common_words(doc, cands)
        self._extend_joined_names(doc, cands)
        cands += self._propagate(doc, cands)
        cands = _disjoint(cands)
        return self._link(doc, text, cands, acronyms)

    def _clean(self, doc: Doc, start: int, end: int, label: str) -> list[_Cand]:
        """Split a model span at line breaks and trim what a reader would not call the name."""
        pieces: list[tuple[int, int]] = []
        piece_start = start
        for i in range(start, end):
            # spaCy keeps line breaks as whitespace tokens; brackets are never inside a name
            # ("World Health Organization (WHO" is a name and an acronym).
            if (
                doc[i].is_space
                or doc[i].text in BRACKETS
                or _spaced_dash(doc, i)
                or (label not in NUMBERED_LABELS and _NUMBERISH.match(doc[i].text))
            ):
                pieces.append((piece_start, i))
                piece_start = i + 1
        pieces.append((piece_start, end))
        out: list[_Cand] = []
        for number, (s, e) in enumerate(pieces):
            s, e = self._trim(doc, s, e, label)
            if e > s and self._is_name(doc, s, e):
                # "Lord Hutton", "Mr Castell" tagged ORG: a personal honorific names a person.
                titled = s > 0 and doc[s - 1].lower_.rstrip(".") in PERSONAL_HONORIFICS
                out.append(_Cand(s, e, "PERSON" if titled else label, gaz=titled,
                                 split=number > 0))
        return out

    def _trim(self, doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
        while start < end and self._drop_first(doc, start, end, label):
            start += 1
        while end > start and _drop_last(doc, start, end, label):
            end -= 1
        return start, end

    def _drop_first(self, doc: Doc, start: int, end: int, label: str) -> bool:
        """Is the span's first token outside the name (bullet, "the", title, number)?"""
        tok = doc[start]
        if tok.is_space or tok.is_punct or not any(ch.isalnum() for ch in tok.text):
            return True
        if end - start < 2:
            return False
        low = tok.lower_.rstrip(".")
        if low in ("the", "a", "an"):
            # "The Hague" keeps its article: the gazetteer lists it with one.
            return doc[start:end].text.lower() not in self._the_names
        if _NUMBERISH.match(tok.text) or tok.lower_ in POSSESSIVES:
            return True
        if tok.tag_ in LEADING_NON_NAME_TAGS and _starts_sentence(doc, start):
            return True  # "Across Wales, ...": a capitalised preposition opens the sentence
        if tok.is_lower and tok.is_alpha and low not in JOINERS:
            return True  # "today Brent South": a name does not start with a lower-case word
        is_title = low in HONORIFICS or (label == "PERSON" and low in self._titles)
        return is_title and doc[start + 1].text[:1].isupper()

    def _is_name(self, doc: Doc, start: int, end: int) -> bool:
        text = doc[start:end].text
        if not _HAS_UPPER.search(text) or _NUMBERISH.match(text):
            return False
        if end - start == 1 and text.lower().rstrip(".") in LONE_TITLES:
            return False
        return " ".join(text.lower().split()) not in self._stoplist

    def _first_name_persons(self, doc: Doc, cands: list[_Cand]) -> None:
        """"Helena Costa" tagged ORG: a known given name then a capitalised word is a PERSON."""
        for cand in cands:
            if cand.label == "PERSON" or cand.end - cand.start < 2:
                continue
            first, second = doc[cand.start], doc[cand.start + 1]
            if (
                first.text in self._first_names
                and second.text[:1].isupper()
                and second.is_alpha
                and all(doc[i].text[:1].isupper() or doc[i].is_punct
                        for i in range(cand.start, cand.end))
            ):
                cand.label = "PERSON"

    def _match_reports(self, doc: Doc, cands: list[_Cand]) -> list[_Cand]:
        """"Valencia beat Celta Vigo 3-0": the names around a match verb with a score after
        them are teams. A city, state or one-word name there is its club (ORG); a country
        stays its national side."""
        n = len(doc)
        for verb in doc:
            if verb.lower_ not in self._match_verbs or not verb.i:
                continue
            left = _run_before(doc, verb.i)
            after = verb.i + 1
            if after < n and doc[after].lower_ in ("with", "to", "against"):
                after += 1
            right = _run_after(doc, after)
            if left is None or right is None:
                continue
            tail = doc[right[1]:min(n, right[1] + 8)].text
            if not _SCORE.match(tail) or len(_SCORES.findall(tail)) > 1:
                continue  # no score, or set scores ("6-4 7-6"): players, not teams
            for start, end in (left, right):
                inside = [c for c in cands if c.start < end and start < c.end]
                exact = [c for c in inside if (c.start, c.end) == (start, end)]
                if exact:
                    team = exact[0]
                    if team.weak or (not team.gaz and team.label in ("GPE", "LOC")):
                        team.label, team.gaz, team.sure = "ORG", False, True
                        team.club = team.weak
                elif not inside and doc[start].text not in self._first_names:
                    cands.append(_Cand(start, end, "ORG", sure=True))
        return cands

    def _context_labels(self, doc: Doc, cands: list[_Cand]) -> None:
        """Words around a name that settle its type: "Ruben Campo, a spokesman for" is a person;
        "Jaen province" and "the Tana river" are places."""
        n = len(doc)
        for cand in cands:
            if (
                cand.weak
                and cand.end < n
                and doc[cand.end].lower_ in self._team_words
                and doc[cand.end].is_lower
            ):
                # "Cardiff flanker": the club, a different entity from the city.
                cand.label, cand.gaz, cand.sure, cand.club = "ORG", False, True, True
                continue
            if cand.gaz:
                continue
            if (
                cand.end - cand.start > 1
                and cand.label in ("GPE", "LOC", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART")
                and doc[cand.end - 1].lower_.rstrip(".") in self._org_heads
            ):
                cand.label = "ORG"  # "West Virginia University"
                continue
            after = cand.end
            if (
                cand.label != "PERSON"
                and cand.end - cand.start > 1
                and after + 2 < n
                and doc[after].text == ","
                and doc[after + 1].lower_ in ("a", "an", "the", "its", "their")
                and self._role_head(doc, after + 2)
            ):
                cand.label = "PERSON"
            elif (
                cand.end - cand.start == 1
                and after < n
                and doc[after].lower_ in PLACE_NOUNS
                and cand.label in ("PERSON", "ORG", "NORP", "PRODUCT")
            ):
                cand.label = "LOC" if doc[after].lower_ in NATURAL_PLACES else "GPE"

    def _role_head(self, doc: Doc, i: int) -> bool:
        """Is the noun phrase at ``i`` a role ("chief executive", "spokesman")? Its head, the
        last of its nouns, must be a title word: "the energy ministry" is not a role."""
        head = None
        for j in range(i, min(i + 4, len(doc))):
            if doc[j].tag_.startswith("NN") or doc[j].tag_ == "JJ":
                head = doc[j] if doc[j].tag_.startswith("NN") else head
                continue
            break
        return head is not None and head.tag_ in ("NN", "NNS") and head.lower_ in self._titles

    def _check_headlines(
        self, doc: Doc, cands: list[_Cand], headlines: list[tuple[int, int]]
    ) -> list[_Cand]:
        """Keep headline mentions the body confirms; find body names in headlines."""
        if not headlines:
            return cands
        body: dict[tuple[str, ...], str] = {}
        for cand in cands:
            if cand.headline:
                continue
            words = _key_words(doc, cand.start, cand.end)
            body.setdefault(words, cand.label)
            if cand.label == "PERSON" and len(words) > 1:
                body.setdefault(words[-1:], "PERSON")
        kept = []
        for cand in cands:
            label = body.get(_key_words(doc, cand.start, cand.end)) if cand.headline else None
            if label:
                cand.label = label
            elif cand.headline and not _repeated_in_body(doc, cand, headlines):
                # "Granite Peak Outfitters Posts Record Sales": keep the longest opening
                # words the body repeats, if any.
                for end in range(cand.end - 1, cand.start + 1, -1):
                    part = _Cand(cand.start, end, cand.label, headline=True)
                    if _repeated_in_body(doc, part, headlines):
                        kept.append(part)
                        break
                continue
            kept.append(cand)
        taken = {i for c in kept for i in range(c.start, c.end)}
        longest = max((len(k) for k in body), default=0)
        for line_start, line_end in headlines:
            span = doc.char_span(line_start, line_end, alignment_mode="expand")
            if span is None:
                continue
            i = span.start
            while i < span.end:
                found = 0
                if doc[i].text[:1].isupper() and i not in taken:
                    for n in range(min(longest, span.end - i), 0, -1):
                        label = body.get(_key_words(doc, i, i + n))
                        if label and not any(j in taken for j in range(i, i + n)):
                            kept.append(_Cand(i, i + n, label, headline=True))
                            found = n
                            break
                i += found or 1
        return kept

    def _add_gazetteer(self, doc: Doc, cands: list[_Cand]) -> list[_Cand]:
        """Label model spans the gazetteer knows; add gazetteer names the model missed."""
        from spacy.util import filter_spans

        matches = []
        weak: set[tuple[int, int]] = set()
        for key, start, end in self._gazetteer(doc):
            if _cased_like_a_name(doc, start, end):
                label, is_weak = self._gaz_labels[key]
                matches.append(doc[start:end])
                matches[-1].label_ = label
                if is_weak:
                    weak.add((start, end))
        by_token: dict[int, _Cand] = {i: c for c in cands for i in range(c.start, c.end)}
        for span in filter_spans(matches):
            overlapping = {id(by_token[i]): by_token[i] for i in range(span.start, span.end)
                           if i in by_token}
            is_weak = (span.start, span.end) in weak
            if not overlapping:
                cands.append(_Cand(span.start, span.end, span.label_, gaz=True, weak=is_weak))
                continue
            for cand in overlapping.values():
                # The model's ORG stands against a city list, except in capitals, where the
                # small model guesses ("NICOSIA 2024-03-11" is a dateline, not a club).
                if (span.start, span.end) in weak and cand.label == "ORG" and not (
                    span.text.isupper()
                    or (span.start and doc[span.start - 1].lower_ in PLACE_PREPOSITIONS)
                ):
                    continue
                if (cand.start, cand.end) == (span.start, span.end):
                    cand.label, cand.gaz, cand.weak = span.label_, True, is_weak
                elif span.start <= cand.start and cand.end <= span.end:
                    # The gazetteer's name is longer ("South Africa" over "Africa").
                    cand.start, cand.end, cand.label, cand.gaz, cand.weak = (
                        span.start, span.end, span.label_, True, is_weak)
        return cands

    def _table_rows(
        self,
        doc: Doc,
        text: str,
        cands: list[_Cand],
        headlines: list[tuple[int, int]],
        furniture: tuple[Furniture, ...],
    ) -> list[_Cand]:
        """Results and standings lines ("Real Betis 2 Sevilla 1", "Chile 4 3 1 0 9") hold only
        names and numbers: each run of capitalised words is a team or a player. A city there is
        its club (ORG); a country is its national side, which stays a place."""
        for match in _TABLE_LINE.finditer(text):
            if _in_lines(match.start(), headlines) or any(
                f.start < match.end() and match.start() < f.end for f in furniture
            ):
                continue  # a dateline is names and numbers too
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or not _is_table_row(span):
                continue
            for start, end in _capitalised_runs(span):
                if any(doc[i].ent_type_ in NUMERIC_LABELS for i in range(start, end)):
                    continue  # "June", "Tuesday": the model's dates are not teams
                # "Barnsley 3 ( Smith 12 , Jones 45 )": names in brackets are the scorers.
                bracketed = _in_brackets(span, start)
                inside = [c for c in cands if c.start < end and start < c.end]
                exact = [c for c in inside if (c.start, c.end) == (start, end)]
                if exact:
                    cand = exact[0]
                    cand.split, cand.sure = False, True  # the row confirms the name
                    # Players are listed by full name; one capitalised word there is a club.
                    single_person = (
                        cand.label == "PERSON" and end - start == 1 and not bracketed
                    )
                    if (end - start > 1 and doc[start].text in self._first_names) or (
                        bracketed and not cand.gaz
                    ):
                        cand.label = "PERSON"  # "Bernhard Langer 68 67" in a golf table
                    elif cand.weak or single_person or (
                        not cand.gaz and cand.label in ("GPE", "LOC", "NORP")
                    ):
                        cand.club = cand.weak or cand.label in ("GPE", "LOC")
                        cand.label, cand.gaz = "ORG", False
                    continue
                if any(c.gaz and not c.weak for c in inside):
                    continue  # "Brazil" inside a longer run keeps its own span
                label = next((c.label for c in inside if c.label == "PERSON"
                              and start <= c.start and c.end <= end), None)
                if label is None:
                    given = doc[start].text in self._first_names
                    label = "PERSON" if given or bracketed else "ORG"
                cands = [c for c in cands if not (c.start < end and start < c.end)]
                cands.append(_Cand(start, end, label, sure=True))
        return cands

    def _add_acronyms(self, doc: Doc, cands: list[_Cand]) -> dict[str, str]:
        """"International Telecommunication Union (ITU)": add ITU, map it to the long name."""
        acronyms: dict[str, str] = {}
        starts = {c.start: c for c in cands}
        for cand in list(cands):
            i = cand.end
            if i + 2 >= len(doc):
                continue
            if doc[i].text != "(" or doc[i + 2].text != ")":
                continue
            acr = doc[i + 1]
            if not _ACRONYM.match(acr.text) or acr.text[0] != doc[cand.start].text[0].upper():
                continue
            acronyms[_key(acr.text)] = _key(doc[cand.start:cand.end].text)
            if acr.i not in starts:
                cands.append(_Cand(acr.i, acr.i + 1, cand.label, gaz=cand.gaz))
        return acronyms

    def _drop_furniture(
        self, doc: Doc, cands: list[_Cand], furniture: tuple[Furniture, ...]
    ) -> list[_Cand]:
        """Inside furniture only names survive: cut link text and ids out of mentions."""
        blocks = [f for f in furniture if f.kind in BLOCKING_FURNITURE]
        if not blocks:
            return cands
        kept = []
        for cand in cands:
            end = cand.start
            while end < cand.end and not _blocked(doc[end], blocks):
                end += 1
            if end > cand.start and self._is_name(doc, cand.start, end):
                cand.end = end
                kept.append(cand)
        return kept

    def _byline_names(
        self, doc: Doc, cands: list[_Cand], furniture: tuple[Furniture, ...]
    ) -> list[_Cand]:
        """A byline names its writers (PERSON); a wire tag names its agencies (ORG)."""
        found: list[_Cand] = []
        taken = {i for c in cands for i in range(c.start, c.end)}
        for item in furniture:
            if item.kind not in ("byline", "wire_tag"):
                continue
            label = "PERSON" if item.kind == "byline" else "ORG"
            if item.kind == "wire_tag":
                # the tag names one source: "(Baltic Wire)" is an ORG, not NORP + ORG pieces
                inside = [c for c in cands if item.start <= doc[c.start].idx
                          and doc[c.end - 1].idx < item.end]
                for cand in inside:
                    cands.remove(cand)
                    taken.difference_update(range(cand.start, cand.end))
            for cand in cands:
                if not cand.gaz and item.start <= doc[cand.start].idx < item.end:
                    cand.label = label
            span = doc.char_span(item.start, item.end, alignment_mode="contract")
            if span is None:
                continue
            run: list[int] = []
            for tok in [*span, None]:
                if (
                    tok is not None
                    and tok.text[:1].isupper()
                    and tok.text[-1:].isalnum()  # "MENAFN-" is the aggregator's prefix
                    and tok.i not in taken
                    and tok.lower_ not in ("by", "and", "written", "reporting", "editing")
                ):
                    run.append(tok.i)
                    continue
                if run and (len(run) >= 2 or label == "ORG"):
                    end = run[-1] + 1
                    if self._is_name(doc, run[0], end):
                        found.append(_Cand(run[0], end, label))
                run = []
        return found

    def _extend_joined_names(self, doc: Doc, cands: list[_Cand]) -> None:
        """"The Innovation and Digital Development Agency": the article's scope shows that the
        first word belongs to the agency's name, which the model cut at "and"."""
        by_token = {i: c for c in cands for i in range(c.start, c.end)}
        for cand in list(cands):
            s = cand.start
            if not (
                cand.label == "ORG"
                and s >= 3
                and doc[cand.end - 1].lower_ in self._org_heads
                and doc[s - 1].lower_ in ("and", "&")
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

    def _propagate(self, doc: Doc, cands: list[_Cand]) -> list[_Cand]:
        """Other occurrences of a name the document already uses are mentions of it too: the
        model often misses a name at the start of a sentence or in a list."""
        forms: dict[tuple[str, ...], str] = {}
        for cand in cands:
            form = tuple(doc[i].text for i in range(cand.start, cand.end))
            forms.setdefault(form, cand.label)
            last = doc[cand.end - 1]
            if cand.label == "PERSON" and len(form) > 1 and last.is_alpha and len(last) > 2:
                forms.setdefault((last.text,), "PERSON")  # "Pashinyan" after "Nikol Pashinyan"
                if form[0] in self._first_names:
                    forms.setdefault(form[:1], "PERSON")  # "Petra" after "Petra Kvitova"
        if not forms:
            return []
        longest = max(len(f) for f in forms)
        taken = {i for c in cands for i in range(c.start, c.end)}
        lower: set[int] | None = None
        found: list[_Cand] = []
        i = 0
        while i < len(doc):
            step = 1
            if i not in taken and doc[i].text[:1].isupper():
                for n in range(min(longest, len(doc) - i), 0, -1):
                    form = tuple(doc[j].text for j in range(i, i + n))
                    if form not in forms or any(
                        j in taken or doc[j].ent_type_ in NUMERIC_LABELS for j in range(i, i + n)
                    ):
                        continue  # taken, or a date ("May" the month after "Theresa May")
                    if n == 1 and _starts_sentence(doc, i) and not form[0].isupper():
                        if lower is None:
                            lower = _lower_words(doc)
                        if doc.vocab.strings[form[0].lower()] in lower:
                            break
                    found.append(_Cand(i, i + n, forms[form]))
                    step = n
                    break
            i += step
        return found

    def _link(
        self, doc: Doc, text: str, cands: list[_Cand], acronyms: dict[str, str]
    ) -> list[Entity]:
        """Group mentions into entities and give each one name and one label."""
        groups: dict[str, list[_Cand]] = {}
        for cand in cands:
            key = _key(doc[cand.start:cand.end].text)
            groups.setdefault(key + "#club" if cand.club else key, []).append(cand)
        parent = {k: k for k in groups}

        def find(k: str) -> str:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        def union(short: str, long: str) -> None:
            parent[find(short)] = find(long)

        persons = [k for k, cs in groups.items() if len(k.split()) > 1 and _votes(cs) == "PERSON"]
        orgs = [k for k, cs in groups.items() if len(k.split()) > 1 and _votes(cs) == "ORG"]
        surname_of: set[str] = set()
        org_short: set[str] = set()
        for key, cs in groups.items():
            words = key.split()
            if key in acronyms and acronyms[key] in groups:
                union(key, acronyms[key])
                continue
            full = [p for p in persons if p != key and p.split()[-len(words):] == words]
            given = doc[cs[0].start].text in self._first_names
            if not full and len(words) == 1 and (given or _votes(cs) == "PERSON"):
                # "Serena" after "Serena Williams", when no other person shares the name.
                full = [p for p in persons if p.split()[0] == key]
            if len({find(p) for p in full}) == 1:
                union(key, full[0])
                surname_of.add(key)
                continue
            if len(words) == 1 and _ACRONYM.match(doc[cs[0].start:cs[0].end].text):
                expansions = [o for o in orgs if _initials(o) == key]
                if len({find(o) for o in expansions}) == 1:
                    union(key, expansions[0])
                    continue
            if len(words) > 1 and _votes(cs) == "ORG":
                longer = [o for o in orgs if len(o) > len(key) and o.endswith(" " + key)]
                if len({find(o) for o in longer}) == 1:
                    union(key, longer[0])
                    continue
            if len(words) == 1 and not any(c.gaz for c in cs):
                # "Altria" after "Altria Group": a company's first word names it.
                longer = [o for o in orgs if o.split()[0] == key and not _is_generic(o)]
                if len({find(o) for o in longer}) == 1:
                    union(key, longer[0])
                    org_short.add(key)
        clusters: dict[str, list[_Cand]] = {}
        linked: dict[str, str] = {}
        for key, cs in groups.items():
            root = find(key)
            clusters.setdefault(root, []).extend(cs)
            if key in surname_of:
                linked[root] = "PERSON"
            elif key in org_short:
                linked.setdefault(root, "ORG")
        entities = []
        ordered = sorted(clusters.items(), key=lambda kv: min(c.start for c in kv[1]))
        for number, (root, cs) in enumerate(ordered, 1):
            label = linked.get(root) or _entity_label(cs)
            entities.append(_entity(doc, text, f"e{number}", label, cs))
        return entities


# -- helpers -----------------------------------------------------------------------------------


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Char ranges of lines that read as headlines: capitals, or title case with no full stop."""
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        words = _WORD.findall(line)
        if len(words) < 2 or len(line) > 200:
            continue
        caps = sum(1 for w in words if w.isupper() and len(w) > 1)
        content = [w for w in words if w.lower() not in JOINERS and len(w) > 1]
        if caps >= 2 and caps >= 0.8 * len(content):
            lines.append((match.start(), match.end()))
            continue
        stripped = line.rstrip()
        if (
            len(words) < 3
            or stripped[-1:] in ".!?:;,\"”'’"
            or stripped[-1:].isdigit()
            or len(re.findall(r"(?<!\S)\d", line)) >= 2
        ):
            continue  # a sentence, or a results row ("Real Betis 2 Sevilla 1")
        titled = sum(1 for w in content if w[0].isupper())
        if content and titled == len(content) and len(content) >= 3:
            lines.append((match.start(), match.end()))
    return lines


def _repeated_in_body(doc: Doc, cand: _Cand, headlines: list[tuple[int, int]]) -> bool:
    """The body writes the headline's name too, even where the model did not tag it there."""
    name = doc[cand.start:cand.end].text
    if name.isupper() or " " not in name:
        return False  # one word or capitals: too weak a signal on its own
    text = doc_text(doc)
    # Not inside a longer name: "Port of Gdansk Authority" does not repeat "Port of Gdansk".
    for match in re.finditer(r"\b" + re.escape(name) + r"\b(?![ -][A-Z])", text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[max(line_start, match.start() - 30):match.start()].split()
        inside_name = bool(before) and before[-1][:1].isupper() and before[-1][-1:].isalpha()
        if not inside_name and not _in_lines(match.start(), headlines):
            return True
    return False


def _in_lines(offset: int, lines: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in lines)


def _cased_like_a_name(doc: Doc, start: int, end: int) -> bool:
    """A gazetteer hit counts only when written like a name: "China", "CHINA", never "china"."""
    for i in range(start, end):
        text = doc[i].text
        if text[:1].isupper():
            continue
        if i > start and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
            continue  # "Co-operation": the part after a hyphen may be lower case
        if text.lower() in JOINERS or not any(ch.isalpha() for ch in text):
            continue
        return False
    return doc[start].text[:1].isupper()


def _drop_last(doc: Doc, start: int, end: int, label: str) -> bool:
    """Is the span's last token outside the name ("'s", "of", a table number)?"""
    tok = doc[end - 1]
    if tok.is_space or (tok.is_punct and not _ACRONYM.match(tok.text)):
        return True
    if tok.lower_ in POSSESSIVES or tok.tag_ == "POS":
        return True
    if end - start < 2:
        return False
    if tok.text in TRAILING_ROLES:
        return True  # "Bedfordshire MP": the seat is the name, the member is not
    if tok.tag_ in ("IN", "CC", "DT", "TO", "WDT"):
        return True
    # "Kazakh digital ministry": a name does not end in lower-case words.
    if tok.is_lower and tok.is_alpha and label not in ("WORK_OF_ART", "LAW", "EVENT"):
        return True
    # "Japan 2" in a results table; "Windows 95" keeps its number unless more numbers follow.
    return bool(_NUMBERISH.match(tok.text)) and (
        label not in NUMBERED_LABELS or _numberish_next(doc, end)
    )


# A line with a digit and a capital letter: a candidate results or standings row.
_TABLE_LINE = re.compile(r"(?m)^(?=[^\n]*\d)[^\n]*[A-Z][^\n]*$")


def _is_table_row(span: Span) -> bool:
    """Only names, numbers and punctuation; at least one number and one capitalised word."""
    numbers = names = 0
    for tok in span:
        if tok.is_space or tok.is_punct:
            continue
        if _NUMBERISH.match(tok.text) or (tok.like_num and not tok.is_alpha):
            numbers += 1
        elif tok.text[:1].isupper():
            names += 1
        elif tok.lower_ not in JOINERS:
            return False
    return numbers > 0 and names > 0


def _run_before(doc: Doc, i: int) -> tuple[int, int] | None:
    """The capitalised words that end right before token ``i``."""
    start = i
    while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
        start -= 1
    return (start, i) if start < i else None


def _run_after(doc: Doc, i: int) -> tuple[int, int] | None:
    """The capitalised words that start at token ``i``."""
    end = i
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
        end += 1
    return (i, end) if end > i else None


def _in_brackets(span: Span, i: int) -> bool:
    """Is token ``i`` inside round brackets opened within the line ``span``?"""
    depth = 0
    for tok in span:
        if tok.i >= i:
            break
        depth += (tok.text == "(") - (tok.text == ")")
    return depth > 0


def _capitalised_runs(span: Span) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    for tok in [*span, None]:
        word = tok is not None and (
            tok.text[:1].isupper() or (start is not None and tok.lower_ in JOINERS)
        ) and not tok.is_punct
        if word and tok is not None:
            if start is None:
                start = tok.i
            continue
        if start is not None:
            end = tok.i if tok is not None else span.end
            while end > start and span.doc[end - 1].lower_ in JOINERS:
                end -= 1
            if end > start:
                runs.append((start, end))
        start = None
    return runs


def _spaced_dash(doc: Doc, i: int) -> bool:
    """A dash with spaces around it separates ("Pakistan - Saeed Anwar"); "Al-Ain" does not."""
    return (
        doc[i].text in ("-", "–", "—", "--")
        and bool(doc[i].whitespace_)
        and i > 0
        and bool(doc[i - 1].whitespace_)
    )


def _numberish_next(doc: Doc, end: int) -> bool:
    return end < len(doc) and bool(_NUMBERISH.match(doc[end].text))


def _blocked(token: Token, blocks: list[Furniture]) -> bool:
    return any(f.start <= token.idx < f.end for f in blocks)


def _key(text: str) -> str:
    """The grouping key of a surface form: case, dots, possessive marks and spacing ignored."""
    text = text.replace("’", "'").replace(".", "")
    return " ".join(text.lower().split())


def _key_words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """Token-wise keys; punctuation tokens keep a placeholder so "ROTTERDAM ." != "Rotterdam"."""
    return tuple(_key(doc[i].text) or doc[i].text for i in range(start, end))


def _initialisms(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Untagged capitals that spell a named organisation's initials ("ADB") are mentions of it."""
    initials: dict[str, str] = {}
    for cand in cands:
        if cand.label in ("ORG", "FAC", "EVENT", "LAW") and cand.end - cand.start > 1:
            code = _initials(_key(doc[cand.start:cand.end].text)).upper()
            if len(code) > 2:  # two letters ("BA", "FR") spell too many things
                initials.setdefault(code, cand.label)
    if not initials:
        return []
    taken = {i for c in cands for i in range(c.start, c.end)}
    # Compare token ids, not Token objects: building a Token per word costs more than the rest.
    wanted = {doc.vocab.strings[code]: code for code in initials if code in doc.vocab.strings}
    orths = doc.to_array("ORTH")
    return [_Cand(i, i + 1, initials[wanted[int(orth)]]) for i, orth in enumerate(orths)
            if int(orth) in wanted and i not in taken]


def _is_generic(key: str) -> bool:
    """Names that start with a generic word ("Bank of England") are not named by that word."""
    return key.split()[0] in GENERIC_HEADS


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in JOINERS and w[0].isalpha())


def _votes(cands: list[_Cand]) -> str:
    return Counter(c.label for c in cands).most_common(1)[0][0]


def _entity_label(cands: list[_Cand]) -> str:
    """The gazetteer's label when it knows the name, else the label most mentions carry."""
    backed = [c.label for c in cands if c.gaz]
    pool = backed or [c.label for c in cands]
    counts = Counter(pool)
    best = max(counts.values())
    # Ties go to the first mention's label: the first mention is usually the fullest.
    return next(label for label in pool if counts[label] == best)


def _entity(doc: Doc, text: str, entity_id: str, label: str, cands: list[_Cand]) -> Entity:
    cands = sorted(cands, key=lambda c: c.start)
    mentions = []
    forms: list[str] = []
    for cand in cands:
        start, end = doc[cand.start].idx, doc[cand.end - 1].idx + len(doc[cand.end - 1])
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


def _coordinated_places(doc: Doc, cands: list[_Cand]) -> None:
    """"in Porto and Aveiro", "Lisbon, Madeira": a name joined to a known place by "and", "or"
    or a comma is a place too, when the model gave it a label that is not a place."""
    ordered = sorted(cands, key=lambda c: c.start)
    for left, right in itertools.pairwise(ordered):
        gap = [doc[i].lower_ for i in range(left.end, right.start)]
        if gap not in (["and"], ["or"], [","], ["&"]):
            continue
        for known, other in ((left, right), (right, left)):
            single = other.end - other.start == 1
            if (
                known.label in ("GPE", "LOC")
                and (known.gaz or single)
                and not other.gaz
                and other.label in ("ORG", "PERSON", "NORP", "PRODUCT", "FAC")
                and not (other.label == "PERSON" and not single)
            ):
                other.label = known.label  # a list of places: "Cardiff, Bangor and Wrexham"


def _dateline_places(
    doc: Doc, cands: list[_Cand], furniture: tuple[Furniture, ...]
) -> list[_Cand]:
    """The place in capitals that opens a dateline ("OSLO, Norway, May 4", "AL-AIN , United Arab
    Emirates 2024-03-01") is a place, whatever the model guessed."""
    for item in furniture:
        if item.kind != "dateline" or not item.text[:2].isupper():
            continue
        span = doc.char_span(item.start, item.end, alignment_mode="contract")
        if span is None:
            continue
        end = span.start
        while end < span.end and (doc[end].text.isupper() or (
            doc[end].text in "-'." and end + 1 < span.end and doc[end + 1].text.isupper()
        )):
            end += 1
        if end == span.start or not doc[end - 1].text.isupper():
            continue
        if any((c.start, c.end) == (span.start, end) and c.gaz for c in cands):
            continue  # the gazetteer already knows the place, with its own label
        cands = [c for c in cands if c.end <= span.start or c.start >= end]
        cands.append(_Cand(span.start, end, "GPE", gaz=True))
    return cands


def _drop_common_words(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """A capitalised word at the start of a sentence or line that the same text also writes in
    lower case ("Broadband has...", "... broadband") is a common word, not a name."""
    lower: set[int] | None = None
    kept = []
    for cand in cands:
        tok = doc[cand.start]
        single = (
            cand.end - cand.start == 1
            and not cand.gaz
            and not cand.sure
            and tok.text[:1].isupper()
            and not tok.text.isupper()  # "WHO" in capitals is an acronym, not "who"
        )
        if single and cand.split and not _ACRONYM.match(tok.text):
            continue  # "Giulia Ferraro\n\nHeavy": the model ran on past the line break
        if single and _starts_sentence(doc, tok.i):
            if cand.label != "NORP" and tok.tag_ in NOT_NAME_TAGS:
                continue  # "Heavy rain fell": an adjective that opens a sentence
            if lower is None:
                lower = _lower_words(doc)
            if doc.vocab.strings[tok.text.lower()] in lower:
                continue
        if (
            cand.label in ("NORP", "PRODUCT")
            and not cand.gaz
            and cand.end - cand.start == 1
            and tok.i
            and doc[tok.i - 1].lower_ in PLACE_PREPOSITIONS
        ):
            cand.label = "GPE"  # "flew to Parma": nationalities and products do not follow "to"
        kept.append(cand)
    return kept


def _lower_words(doc: Doc) -> set[int]:
    """Ids of the words the text writes in lower case (token ids: no Token objects built)."""
    rows = doc.to_array(["ORTH", "IS_LOWER"])
    return {int(orth) for orth, is_lower in rows if is_lower}


def _starts_sentence(doc: Doc, i: int) -> bool:
    """First word of a sentence or line, allowing one article before it ("The Innovation")."""
    if i and doc[i - 1].lower_ in ("the", "a", "an"):
        i -= 1
    if i == 0 or doc[i].is_sent_start:
        return True
    prev = doc[i - 1]
    return prev.is_space or prev.is_punct or prev.text[-1:] in ".!?:;•"


def _disjoint(cands: list[_Cand]) -> list[_Cand]:
    """Drop duplicate and overlapping mentions, keeping the longer one."""
    cands = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cand] = []
    last_end = -1
    for cand in cands:
        if cand.start >= last_end:
            out.append(cand)
            last_end = cand.end
    return out


_ROLE = re.compile(r"^(?:the\s+)?((?:[A-Za-z]+\s+){0,2}[A-Za-z]+)$", re.IGNORECASE)


def resolve_role(
    text: str, start: int, end: int, entities: Sequence[Entity]
) -> Entity | None:
    """The person a role noun phrase refers to: "the president" at ``text[start:end]`` is the
    PERSON the article last introduced with that title ("President Ilham Aliyev") before it.

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
            before = " ".join(text[max(0, mention.start - 40):mention.start].split()).lower()
            if before.endswith(role) and (best is None or mention.start > best[0]):
                best = (mention.start, entity)
    return best[1] if best else None
