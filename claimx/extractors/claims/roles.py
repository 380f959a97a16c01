"""What each amount is to its claim (``Quantity.role``): the level stated, the size of a
change, the baseline the change starts from, or a comparison ("than the 300 of last year").

The quantity pass already links a change to the amounts that give its "to" and "from"
values ("rose 41% to $212m from $150m"); the rest comes from the parse: the word that governs
an amount ("from" under a change, "than", "compared", "surpassing"). A change written in %
of a rate is in percentage points: its level is a % too ("lifted rates 0.25% to 5.5%"), or
what changes is a rate (``claim_rate_nouns.txt``). The stretches that hold a baseline or a
comparison are kept, so a claim's time is never read from them (``dates.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from claimx.doc.text import doc_text
from claimx.extractors.claims.clause import converts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from claimx.doc.sentences import Sentences
    from claimx.extractors.quantities import Found
    from claimx.models import Quantity
    from claimx.rules.loader import PatternSet

LEVEL, CHANGE, BASELINE, COMPARISON = "level", "change", "baseline", "comparison"
PERCENT, POINTS = "percent", "percentage_point"
_BASELINE_PREP = "from"
_MOVES = frozenset({"up", "down"})  # "up from $150m": a baseline with no verb
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_HOPS = 5  # heads walked up from an amount to the word that governs it
_DETERMINERS = frozenset({"DT", "PRP$"})


@dataclass(frozen=True)
class Roles:
    """Gives each amount of one Doc its role; built once per PatternSet."""

    change_words: frozenset[str]
    comparison_words: frozenset[str]
    rate_nouns: frozenset[str]

    @classmethod
    def of(cls, patterns: PatternSet) -> Roles:
        changes = frozenset(str(row["word"]).lower() for row in patterns.rows("change_verbs"))
        return cls(changes | _MOVES, patterns.word_list("claim_comparison_words"),
                   patterns.word_list("claim_rate_nouns"))

    def __call__(self, doc: Doc, sentences: Sentences, found: list[Found]
                 ) -> tuple[list[Found], list[tuple[int, int]]]:
        """The amounts with their roles, and the stretches that hold a baseline or a
        comparison (the governing word's phrase)."""
        out: list[Found] = []
        asides: list[tuple[int, int]] = []
        by_sentence: dict[int, list[Quantity]] = {}
        sentence_of = [sentences.of(f.token).start for f in found]
        for item, sentence in zip(found, sentence_of, strict=True):
            by_sentence.setdefault(sentence, []).append(item.quantity)
        text = doc_text(doc)
        previous: tuple[int, Quantity] | None = None
        for item, sentence in zip(found, sentence_of, strict=True):
            same = [q for q in by_sentence[sentence] if q is not item.quantity]
            role, governor = self._role(doc, item, same)
            if previous is not None and previous[0] == sentence and converts(
                    text, previous[1], item.quantity):
                role, governor = previous[1].role, None  # the same amount in another unit
            q = replace(item.quantity, role=role)
            previous = (sentence, q)
            if role == CHANGE and q.unit == PERCENT and self._of_a_rate(doc, item, same):
                q = replace(q, unit=POINTS)
            if governor is not None:
                asides.append(_phrase(governor, doc[item.token]))
            out.append(replace(item, quantity=q))
        return out, asides

    def _role(self, doc: Doc, found: Found, others: list[Quantity]
              ) -> tuple[str, Token | None]:
        q = found.quantity
        if q.change is not None:
            return _linked_role(q, q.change.from_value, q.change.to_value) or CHANGE, None
        for other in others:
            if other.change is not None and other.start < q.start:
                role = _linked_role(q, other.change.from_value, other.change.to_value)
                if role is not None:
                    return role, None
        governor = self._governor(doc, found) or self._word_before(doc, found)
        if governor is None:
            return LEVEL, None
        if governor.lower_ == _BASELINE_PREP:
            return BASELINE, governor
        return COMPARISON, governor

    def _governor(self, doc: Doc, found: Found) -> Token | None:
        """The word above the amount that makes it a baseline ("from" under a change word) or
        a comparison ("than", "compared", "beating"), up to the first verb."""
        q = found.quantity
        token = doc[found.token]
        for _ in range(_HOPS):
            if token.head.i == token.i:
                return None
            token = token.head
            if q.start <= token.idx < q.end:
                continue  # "more than 50": the amount's own bound
            word = token.lower_
            if word in self.comparison_words:
                return token
            if word == _BASELINE_PREP and token.dep_ == "prep" and (
                    token.head.lower_ in self.change_words):
                return token
            if token.tag_.startswith("VB"):
                return None
        return None

    def _word_before(self, doc: Doc, found: Found) -> Token | None:
        """A comparison word right before the amount, past a determiner ("than the 300"),
        where the parse hangs the amount elsewhere."""
        start = doc[found.token].left_edge.i
        while start > 0 and doc[start].idx >= found.quantity.start:
            start -= 1  # the amount's own words ("£", "more than")
        token = doc[start]
        if token.tag_ in _DETERMINERS and start > 0:
            token = doc[start - 1]
        if token.idx < found.quantity.start and token.lower_ in self.comparison_words:
            return token
        return None

    def _of_a_rate(self, doc: Doc, found: Found, others: list[Quantity]) -> bool:
        """Whether a change in % is a change of a rate: its level or baseline is a % ("0.25%
        to 5.5%"), or what the change word moves is a rate ("the jobless rate fell 0.3%")."""
        change = found.quantity.change
        if change is None:
            return False  # a change only as another amount's restatement: "40 jobs, or 9%"
        ends = {change.to_value, change.from_value} - {None}
        if any(o.unit in (PERCENT, POINTS) and o.value in ends for o in others):
            return True
        token = doc[found.token]
        for _ in range(_HOPS):
            if token.head.i == token.i or token.tag_.startswith("VB"):
                break
            token = token.head
        return any(child.dep_ in _SUBJECT_DEPS and child.lower_ in self.rate_nouns
                   and child.i != found.token for child in token.children)


def _phrase(governor: Token, amount: Token) -> tuple[int, int]:
    """The characters of the phrase a governing word opens: its subtree, at least through
    the amount and on to the clause's next comma when the parse hung the amount elsewhere."""
    end = governor.right_edge
    if end.i < amount.i:
        end = amount
        while end.i + 1 < len(amount.doc) and not amount.doc[end.i + 1].is_punct:
            end = amount.doc[end.i + 1]
    return governor.left_edge.idx, end.idx + len(end)


def _linked_role(q: Quantity, from_value: float | None, to_value: float | None
                 ) -> str | None:
    """The role a change's own "to" and "from" values give an amount: the level reached or the
    baseline left; None when the amount is neither."""
    if q.value is None:
        return None
    if to_value is not None and q.value == to_value:
        return LEVEL
    if from_value is not None and q.value == from_value:
        return BASELINE
    return None


__all__ = ["BASELINE", "CHANGE", "COMPARISON", "LEVEL", "Roles"]
