"""The gazetteer (``patterns/entities/gazetteer_*.txt``): labels countries, cities, regions,
nationalities, events and international bodies, and finds them in capitals too. City and
state names yield to the model's ORG (a city is also its club or its government)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.entities.candidate import Cand
from claimx.extractors.entities.labels import PLACE_LABELS, WEAK_GAZETTEERS
from claimx.extractors.entities.lexicon import gazetteer_lists

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from claimx.extractors.entities.lexicon import Lexicon
    from claimx.rules.loader import PatternSet


class Gazetteer:
    """One PhraseMatcher over every gazetteer list, built once per extractor."""

    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        from spacy.matcher import PhraseMatcher

        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[int, tuple[str, bool]] = {}
        self._cities: set[int] = set()  # match ids of city lists, whose names make clubs
        for gazetteer in gazetteer_lists(patterns):
            key = f"claimx-{gazetteer.name}"
            weak = gazetteer.kind in WEAK_GAZETTEERS
            self._labels[nlp.vocab.strings.add(key)] = (gazetteer.label, weak)
            if gazetteer.kind == "cities":
                self._cities.add(nlp.vocab.strings[key])
            self._matcher.add(key, [nlp.make_doc(phrase) for phrase in gazetteer.phrases])

    def add(self, doc: Doc, cands: list[Cand], lex: Lexicon) -> list[Cand]:
        """Label model spans the gazetteer knows; add gazetteer names the model missed."""
        from spacy.util import filter_spans

        matches, weak, cities = self._matches(doc, lex)
        by_token: dict[int, Cand] = {i: c for c in cands for i in range(c.start, c.end)}
        for span in filter_spans(matches):
            overlapping = {id(by_token[i]): by_token[i] for i in range(span.start, span.end)
                           if i in by_token}
            is_weak = (span.start, span.end) in weak
            if not overlapping:
                cands.append(Cand(span.start, span.end, span.label_, gaz=True, weak=is_weak))
                continue
            for cand in overlapping.values():
                if _club_of(doc, span, cand, lex, city=(span.start, span.end) in cities):
                    cand.label = "ORG"
                    continue
                if is_weak and cand.label == "ORG" and not _place_context(doc, span, lex):
                    continue
                if (cand.start, cand.end) == (span.start, span.end):
                    cand.label, cand.gaz, cand.weak = span.label_, True, is_weak
                elif span.start <= cand.start and cand.end <= span.end:
                    # The gazetteer's name is longer ("South Africa" over "Africa").
                    cand.start, cand.end, cand.label, cand.gaz, cand.weak = (
                        span.start, span.end, span.label_, True, is_weak)
        return cands

    def _matches(
        self, doc: Doc, lex: Lexicon
    ) -> tuple[list[Span], set[tuple[int, int]], set[tuple[int, int]]]:
        """Gazetteer spans written like names, labelled; the spans from weak lists and from
        city lists."""
        matches = []
        weak: set[tuple[int, int]] = set()
        cities: set[tuple[int, int]] = set()
        for key, start, end in self._matcher(doc):
            if cased_like_a_name(doc, start, end, lex):
                label, is_weak = self._labels[key]
                matches.append(doc[start:end])
                matches[-1].label_ = label
                if is_weak:
                    weak.add((start, end))
                if key in self._cities:
                    cities.add((start, end))
        return matches, weak, cities


def _club_of(doc: Doc, span: Span, cand: Cand, lex: Lexicon, *, city: bool) -> bool:
    """"Manchester United", "Hull City", "Boston Hawks": a place's name, then a club word or
    a plural, is a club, which the model often calls a person or a place."""
    if span.label_ not in PLACE_LABELS or span.start != cand.start or span.end >= cand.end:
        return False
    last = doc[cand.end - 1]
    if last.lower_ in lex.club_words or (city and last.lower_ in lex.club_city_words):
        return True
    return last.tag_ == "NNPS" and last.text[:1].isupper()


def _place_context(doc: Doc, span: Span, lex: Lexicon) -> bool:
    """Does a city name the model calls ORG read as the place? The model's ORG stands against
    a city list, except in capitals, where the small model guesses ("VARNA 2024-03-11" is a
    dateline, not a club), and after a place preposition."""
    return span.text.isupper() or (
        span.start > 0 and doc[span.start - 1].lower_ in lex.place_prepositions
    )


def cased_like_a_name(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A gazetteer hit counts only when written like a name: "China", "CHINA", never "china"."""
    for i in range(start, end):
        text = doc[i].text
        if text[:1].isupper():
            continue
        if i > start and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
            continue  # "Co-operation": the part after a hyphen may be lower case
        if text.lower() in lex.joiners or not any(ch.isalpha() for ch in text):
            continue
        return False
    return doc[start].text[:1].isupper()
