"""Organisations the article names by what they are: a name right after a noun for a kind
of business or club ("insurer Pellmoor Group", "Dutch side Vlijmen") or with one as its
apposition ("Tarvo , the state power company ,") is an organisation, whatever the model
guessed; a sentence's opening noun is not part of the name ("Retailer Brightmoor Plc")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.entities.candidate import Cand, overlapping
from claimx.extractors.entities.labels import NAME_TAGS
from claimx.extractors.entities.tokens import starts_sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.extractors.entities.lexicon import Lexicon

# The model's labels a described name may carry that the noun before it overrules.
RELABELLED = frozenset({"PERSON", "GPE", "LOC", "NORP", "PRODUCT", "FAC", "WORK_OF_ART"})
# Tags after a name the model missed that show it is a whole noun phrase, the subject of a
# verb or closed by a comma: "bank Alpentreu named", "insurer Pellmoor , which".
FOLLOWING_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD", ",", "POS"})
APPOSITION_WORDS = 4  # words between the article and the noun: "the state power company"


class DescribedCompanies:
    """One Matcher for a company noun followed by capitalised proper nouns, built once."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        from spacy.matcher import Matcher

        self._lex = lex
        self._matcher = Matcher(nlp.vocab)
        self._matcher.add("DESCRIBED", [[
            {"LOWER": {"IN": sorted(lex.company_nouns)}},
            {"IS_TITLE": True, "TAG": {"IN": NAME_TAGS}, "OP": "+"},
        ]], greedy="LONGEST")

    def __call__(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        for _, noun, end in self._matcher(doc):
            cands = self._after_noun(doc, cands, noun, end)
        for cand in cands:
            if cand.label in RELABELLED and not cand.gaz and self._apposition(doc, cand.end):
                cand.label = "ORG"
        return cands

    def _after_noun(self, doc: Doc, cands: list[Cand], noun: int, end: int) -> list[Cand]:
        start = noun + 1
        inside = overlapping(cands, noun, end)
        if any(c.gaz for c in inside):
            return cands
        if len(inside) == 1 and inside[0].end == end and inside[0].start in (noun, start):
            cand = inside[0]
            if cand.start == noun and doc[noun].is_title and not starts_sentence(
                doc, noun, self._lex.articles
            ):
                return cands  # "Bank Lemanic", "the Exchange Club": the noun is the name's
            cand.start = start
            if cand.label in RELABELLED:
                cand.label = "ORG"
            return cands
        missed = not inside and doc[start].text not in self._lex.first_names
        if missed and end < len(doc) and doc[end].tag_ in FOLLOWING_TAGS:
            cands.append(Cand(start, end, "ORG"))
        return cands

    def _apposition(self, doc: Doc, end: int) -> bool:
        """", the state energy company ,": an article, a few lower-case words and a company
        noun closed by a comma or a full stop."""
        if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in (
            "the", "a", "an"
        ):
            return False
        for i in range(end + 2, min(len(doc) - 1, end + 2 + APPOSITION_WORDS)):
            if not doc[i].is_lower:
                return False
            if doc[i].lower_ in self._lex.company_nouns and doc[i + 1].text in (",", "."):
                return True
        return False
