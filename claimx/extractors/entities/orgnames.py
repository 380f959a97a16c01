"""Organisation names the small model misses: a run of capitalised proper nouns that ends in
an organisation head ("Quarrow Holdings said", "Lusk Harbour Board") is a body's name, and a
place written just before the body's name the model found is part of it ("Lusk" + "Town
Council")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.entities.candidate import Cand, overlapping
from claimx.extractors.entities.labels import NAME_TAGS, NUMERIC_LABELS
from claimx.extractors.entities.tokens import in_lines

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.extractors.entities.lexicon import Lexicon

# Model labels a place before the body's name may carry.
PLACE_PREFIX_LABELS = frozenset({"GPE", "LOC", "NORP", "PERSON"})


class OrgHeadNames:
    """One Matcher for capitalised names ending in an organisation head, built once. Its head
    may be in capitals ("AG"), so it cannot run over title-case runs alone (claimx.rules.runs)."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        from spacy.matcher import Matcher

        heads = sorted(lex.org_heads)
        self._heads = lex.org_heads
        self._matcher = Matcher(nlp.vocab)
        self._matcher.add("ORG_HEAD", [[
            # Proper nouns only, so a sentence's opening word ("Shares", "Analysts") never
            # starts a name.
            {"IS_TITLE": True, "TAG": {"IN": NAME_TAGS}, "OP": "+"},
            # Any capitalised form: "Council", and legal forms such as "AG" or "SpA".
            {"IS_LOWER": False, "LOWER": {"IN": heads}},
        ]], greedy="LONGEST")

    def __call__(self, doc: Doc, cands: list[Cand], headlines: list[tuple[int, int]]) -> None:
        """Add the names the model missed; widen a body's name over the place before it."""
        for _, start, end in self._matcher(doc):
            if in_lines(doc[start].idx, headlines) or _numeric(doc, start, end):
                continue
            inside = sorted(overlapping(cands, start, end), key=lambda c: c.start)
            if not inside:
                cands.append(Cand(start, end, "ORG"))
            elif _widens(inside, start, end):
                for cand in inside[:-1]:
                    cands.remove(cand)
                inside[-1].start = start
        for cand in [c for c in cands if c.label in ("ORG", "NORP")]:
            _extend_after_the(doc, cand, cands)
            if cand.label == "ORG":
                _extend_over_place(doc, cand, cands, self._heads)


def _extend_after_the(doc: Doc, cand: Cand, cands: list[Cand]) -> None:
    """"the Dunmere Ravens" where the model found only "Ravens": proper nouns between "the"
    and a body's or team's name, that no mention holds, are the start of its name."""
    start = cand.start
    while start > 1 and doc[start - 1].is_title and doc[start - 1].tag_ in NAME_TAGS:
        start -= 1
    if (start < cand.start and doc[start - 1].lower_ == "the"
            and not overlapping(cands, start, cand.start)):
        cand.start, cand.label = start, "ORG"


def _extend_over_place(doc: Doc, cand: Cand, cands: list[Cand], heads: frozenset[str]) -> None:
    """"the Reserve Bank of Lusk" where the model stopped at "Bank": a body's head noun
    followed by "of" and a place, or by capitalised proper nouns no mention holds, takes
    them in."""
    of = cand.end
    if (of + 1 >= len(doc) or doc[of].lower_ != "of"
            or doc[of - 1].lower_.rstrip(".") not in heads):
        return
    after = [c for c in cands if c.start == of + 1]
    if after and after[0].label in ("GPE", "LOC") and not after[0].club:
        cands.remove(after[0])
        cand.end = after[0].end
        return
    end = of + 1
    while end < len(doc) and doc[end].is_title and doc[end].tag_ in NAME_TAGS:
        end += 1
    if end > of + 1 and not after and not overlapping(cands, of + 1, end):
        cand.end = end


def _numeric(doc: Doc, start: int, end: int) -> bool:
    return any(doc[i].ent_type_ in NUMERIC_LABELS for i in range(start, end))


def _widens(inside: list[Cand], start: int, end: int) -> bool:
    """"Lusk Town Council" where the model found "Town Council" (and maybe "Lusk" as a
    place): the body's name the model found ends the match, and only places precede it."""
    body = inside[-1]
    return (body.end == end and body.start > start and body.label == "ORG"
            and inside[0].start >= start
            and all(c.label in PLACE_PREFIX_LABELS and not c.sure for c in inside[:-1]))
