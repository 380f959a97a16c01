"""Named entities merged per document: one record per real-world entity.

The small model's entities are the raw material. On news text they need, in one pass each
(the order of ``EntityExtractor._extract``; each pass lives in the module named):

1. ``repair``: boundaries a reader would mark: no leading "the", bullets, titles or
   sentence-opening prepositions, no trailing "'s", prepositions, "MP" or table numbers, no
   span across a line break, a bracket or a spaced dash;
2. ``events``: names ending in an event head ("the Harbour Open"), before ``headlines``:
   headlines checked against the body; ``orgnames``: names ending in an organisation head or
   a legal form the model missed; ``titled``: people named after a title it missed; given
   names and initials make people;
3. ``gazetteer``: countries, cities, regions, nationalities, events, international bodies;
4. ``sports``, ``rows`` and ``context``: results rows and score tables, match reports, wire
   results lines read by their shape (a country in brackets, results pairs, standings,
   scorers, lists of people, field labels), places listed with places, "X province",
   "X, a spokesman", "X University", "Varna striker"; ``described``: a name after a
   business or club noun ("insurer X", "Dutch side X") is an organisation;
5. ``page``: page furniture, where only real names survive, a byline names people and a
   dateline opens with a place;
6. ``consistency``: names the document already uses are tagged where the model missed them,
   words the same text writes in lower case are not names; then ``evidence``, over every
   mention: a name that speaks or is told something is a person or a body, one after a title
   is a person, what a deal verb takes is a company;
7. ``linking`` (with ``surnames``): one record per referent, one label each;
8. ``roles``: a person's role where the article gives one.

The vocabulary of every pass is in ``patterns/entities/`` (``lexicon``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimx.doc.text import doc_text
from claimx.extractors.entities.acronyms import add_acronyms, initialisms
from claimx.extractors.entities.candidate import Cand, disjoint
from claimx.extractors.entities.consistency import drop_common_words, propagate
from claimx.extractors.entities.context import context_labels, coordinated_places
from claimx.extractors.entities.described import DescribedCompanies
from claimx.extractors.entities.events import EventNames
from claimx.extractors.entities.evidence import evidence_labels
from claimx.extractors.entities.gazetteer import Gazetteer
from claimx.extractors.entities.headlines import check_headlines, headline_lines
from claimx.extractors.entities.labels import NAME_LABELS
from claimx.extractors.entities.lexicon import Lexicon
from claimx.extractors.entities.linking import link
from claimx.extractors.entities.orgnames import OrgHeadNames
from claimx.extractors.entities.page import (
    byline_names,
    dateline_places,
    drop_furniture,
    wire_datelines,
)
from claimx.extractors.entities.repair import clean, extend_joined_names, first_name_persons
from claimx.extractors.entities.roles import person_roles
from claimx.extractors.entities.rows import row_names
from claimx.extractors.entities.sports import match_reports, table_rows
from claimx.extractors.entities.titled import TitledNames
from claimx.extractors.entities.tokens import in_lines

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.models import Entity, Furniture
    from claimx.rules.loader import PatternSet


class EntityExtractor:
    """Turns a parsed Doc into entities: clean mentions, linked names, one label each.

    Built once per Extractor; every matcher and word list is prepared here, never per document.
    """

    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        self.patterns = patterns
        self._gazetteer = Gazetteer(nlp, patterns)
        self._lex = Lexicon.from_patterns(patterns)
        self._org_names = OrgHeadNames(nlp, self._lex)
        self._events = EventNames(nlp, self._lex)
        self._described = DescribedCompanies(nlp, self._lex)
        self._titled_names = TitledNames(nlp, self._lex)

    def __call__(self, doc: Doc, *, furniture: Sequence[Furniture] = ()) -> list[Entity]:
        try:
            return self._extract(doc, tuple(furniture))
        except Exception:  # odd text must cost entities, never the document
            return []

    def _extract(self, doc: Doc, furniture: tuple[Furniture, ...]) -> list[Entity]:
        if not len(doc):
            return []
        lex = self._lex
        text = doc_text(doc)
        headlines = headline_lines(text, lex)
        cands = self._model_mentions(doc, headlines)
        cands = self._events(doc, cands, headlines)
        cands = check_headlines(doc, cands, headlines)
        self._org_names(doc, cands, headlines)
        self._titled_names(doc, cands, headlines)
        first_name_persons(doc, cands, lex)
        cands = self._gazetteer.add(doc, cands, lex)
        cands = table_rows(doc, cands, headlines, furniture, lex)
        coordinated_places(doc, cands, lex)
        cands = match_reports(doc, cands, lex)
        cands = row_names(doc, cands, lex)
        context_labels(doc, cands, lex)
        cands = self._described(doc, cands)
        acronyms = add_acronyms(doc, cands)
        cands += initialisms(doc, cands, lex)
        cands = drop_furniture(doc, cands, furniture, lex)
        cands += byline_names(doc, cands, furniture, lex)
        cands = dateline_places(doc, cands, furniture)
        cands = wire_datelines(doc, text, cands)
        cands = drop_common_words(doc, cands, lex)
        extend_joined_names(doc, cands, lex)
        cands += propagate(doc, cands, lex)
        evidence_labels(doc, cands, lex)  # after propagation: every mention's sentence counts
        return person_roles(doc, link(doc, text, disjoint(cands), acronyms, lex), lex)

    def _model_mentions(self, doc: Doc, headlines: list[tuple[int, int]]) -> list[Cand]:
        """The model's name spans, repaired, each marked when it stands in a headline."""
        cands = [c for ent in doc.ents if ent.label_ in NAME_LABELS
                 for c in clean(doc, ent.start, ent.end, ent.label_, self._lex)]
        for cand in cands:
            cand.headline = in_lines(doc[cand.start].idx, headlines)
        return cands
