"""Names the small model misses after a title: "Councillor Fenella Rook, who leads the
council" is a person though the model tags nothing there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.entities.candidate import Cand, overlapping
from claimx.extractors.entities.labels import NAME_TAGS
from claimx.extractors.entities.tokens import in_lines

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.extractors.entities.lexicon import Lexicon

# Given name and surname, with at most a middle name: a longer run is something else.
MIN_WORDS, MAX_WORDS = 2, 3


class TitledNames:
    """One Matcher for a capitalised title followed by capitalised proper nouns, built once; it
    runs over the runs of title-case words alone (claimx.rules.runs)."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        from claimx.rules.runs import TitleRunMatcher

        self._lex = lex
        self._matcher = TitleRunMatcher(nlp, "TITLED", [
            {"IS_TITLE": True, "LOWER": {"IN": sorted(lex.titles)}},
            {"IS_TITLE": True, "TAG": {"IN": NAME_TAGS}, "OP": "+"},
        ])

    def __call__(self, doc: Doc, cands: list[Cand], headlines: list[tuple[int, int]]) -> None:
        """Add the person named after a title where no mention stands."""
        lex = self._lex
        for _, title, end in self._matcher(doc):
            start = title + 1
            words = [doc[i].lower_ for i in range(start, end)]
            if (not MIN_WORDS <= end - start <= MAX_WORDS
                    or in_lines(doc[title].idx, headlines)
                    or overlapping(cands, start, end)
                    or any(w in lex.titles or w in lex.org_heads or w in lex.club_words
                           for w in words)):
                continue
            cands.append(Cand(start, end, "PERSON"))
