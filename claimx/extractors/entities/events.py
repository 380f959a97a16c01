"""Named events the small model misses or calls an organisation: a run of capitalised proper
nouns ending in an event head ("the Harbour Open", "the Limmat Games") or opening one with
"of" ("Tour of the Alps") names a tournament, festival or prize, which CoNLL-style news
annotation files under MISC with the model's EVENT."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.entities.candidate import Cand, overlapping
from claimx.extractors.entities.labels import NAME_TAGS
from claimx.extractors.entities.tokens import in_lines

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.extractors.entities.lexicon import Lexicon

MIN_WORDS = 2  # "Open" alone is a word, not an event
# The model's labels an event's span may replace: it reads "Coastal Classic" as a body or a
# place; a person ("Grace Open") or a work keeps its label.
RELABELLED = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT"})


class EventNames:
    """One Matcher for event names, built once per extractor."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        from spacy.matcher import Matcher

        heads = sorted(lex.event_heads)
        name = {"IS_TITLE": True, "TAG": {"IN": NAME_TAGS}}
        # "the German Cup", "the Canadian Grand Prix": the tagger reads a nationality as JJ.
        adjective = {"IS_TITLE": True, "TAG": "JJ", "OP": "?"}
        self._matcher = Matcher(nlp.vocab)
        self._matcher.add("EVENT_HEAD", [
            [adjective, {**name, "OP": "*"}, {"IS_TITLE": True, "LOWER": {"IN": heads}}],
            [adjective, {**name, "OP": "*"}, {"IS_TITLE": True, "LOWER": {"IN": heads}},
             {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}, {**name, "OP": "+"}],
        ], greedy="LONGEST")

    def __call__(self, doc: Doc, cands: list[Cand], headlines: list[tuple[int, int]]) -> list[Cand]:
        """Events replace the model's pieces of them; a name the model found whole keeps its
        span and takes the EVENT label unless it is a person or a work."""
        for _, start, end in sorted(self._matcher(doc), key=lambda m: m[1]):
            if end - start < MIN_WORDS or in_lines(doc[start].idx, headlines):
                continue  # capitals headlines are checked against the body later
            inside = overlapping(cands, start, end)
            if any(c.label not in RELABELLED and c.label != "EVENT" for c in inside):
                continue
            if any(c.start < start or c.end > end for c in inside):
                continue  # part of a longer name ("Harbour Open Trust")
            cands = [c for c in cands if c not in inside]
            cands.append(Cand(start, end, "EVENT"))
        return cands
