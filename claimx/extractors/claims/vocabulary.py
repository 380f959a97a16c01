"""The claim builder's words, read once from ``patterns/claims/`` (README.md there says what
each file is for), plus the unit data that says which units are money."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from claimx.extractors.quantities.units import CURRENCY_LABELS

if TYPE_CHECKING:
    from claimx.rules.loader import PatternSet, Rule

# A rate's unit is written "A per B": what it counts is its first part.
RATE_JOIN = " per "
# The labels of claim_kinds.jsonl, each a clue to one kind of claim (kinds.py says how).
KIND_LABELS = ("COMPARISON", "SUPERLATIVE", "ORDINAL", "RANK")


def _words_regex(words: frozenset[str], *, digits: bool = False) -> regex.Pattern[str]:
    """Whole words of the list, ignoring case (and, with ``digits``, any digit)."""
    alternatives = "|".join(regex.escape(w) for w in sorted(words)) or r"(?!x)x"
    return regex.compile((r"\d|" if digits else "") + r"\b(?:" + alternatives + r")\b",
                         regex.IGNORECASE)


@dataclass(frozen=True)
class ClaimWords:
    """Every word list the claim builder reads, by what it is for."""

    speech: frozenset[str]  # verbs that attribute a clause they govern
    reporting: frozenset[str]  # verbs that attribute their own clause
    data_verbs: frozenset[str]
    data_nouns: frozenset[str]
    at_verbs: frozenset[str]
    price_verbs: frozenset[str]
    change_nouns: frozenset[str]
    pronouns: frozenset[str]
    circumstance_preps: frozenset[str]
    count_preps: frozenset[str]
    copulas: frozenset[str]
    level_preps: frozenset[str]
    period_nouns: frozenset[str]
    percent_units: frozenset[str]
    money_units: frozenset[str]
    abbreviations: tuple[str, ...]
    clause_openers: tuple[str, ...]
    hedges: tuple[str, ...]
    date_words: regex.Pattern[str]
    kind_clues: dict[str, regex.Pattern[str]]  # by label, its rules as one alternation

    def is_money(self, unit: str | None) -> bool:
        """A currency (its rule's label in units.jsonl says so), or a rate of one."""
        return unit is not None and unit.split(RATE_JOIN)[0] in self.money_units

    def is_percent(self, unit: str | None) -> bool:
        return unit is not None and unit.split(RATE_JOIN)[0] in self.percent_units


def kind_clues_of(rules: list[Rule]) -> dict[str, regex.Pattern[str]]:
    """Each label's regex rules as one pattern, so a clause is searched once a label; each
    rule keeps its own flags (``(?i:...)``)."""
    clues: dict[str, regex.Pattern[str]] = {}
    for label in KIND_LABELS:
        parts = [f"(?{rule.flags}:{rule.regex})" if rule.flags else f"(?:{rule.regex})"
                 for rule in rules if rule.label == label and rule.regex is not None]
        if parts:
            clues[label] = regex.compile("|".join(parts))
    return clues


def claim_words(patterns: PatternSet) -> ClaimWords:
    """The claim builder's vocabulary from a PatternSet."""
    reporting = patterns.word_list("claim_report_verbs")
    words = patterns.word_list
    # longest first, so "expected to" wins over "expected"
    hedges = sorted(words("claim_hedges"), key=lambda w: (-len(w), w))
    return ClaimWords(
        speech=words("cue_verbs") | reporting,
        reporting=reporting,
        data_verbs=words("claim_data_verbs"),
        data_nouns=words("claim_data_nouns"),
        at_verbs=words("claim_at_verbs"),
        price_verbs=words("claim_price_verbs"),
        change_nouns=frozenset(str(row["word"]).lower() for row in patterns.rows("change_verbs")
                               if row.get("also") == "noun"),
        pronouns=words("claim_pronouns"),
        circumstance_preps=words("claim_circumstance_preps"),
        count_preps=words("claim_count_preps"),
        copulas=words("claim_copulas"),
        level_preps=words("claim_level_preps"),
        period_nouns=words("claim_period_nouns"),
        percent_units=words("claim_percent_units", lower=False),
        money_units=frozenset(rule.id for rule in patterns.rules_for("units")
                              if rule.label in CURRENCY_LABELS),
        abbreviations=tuple(sorted(words("claim_abbreviations", lower=False))),
        # in file order: each opener is cut at most once, in turn
        clause_openers=tuple(f"{w.lower()} " for w in patterns.words.get("claim_clause_openers",
                                                                          [])),
        hedges=tuple(hedges),
        date_words=_words_regex(words("claim_date_words"), digits=True),
        kind_clues=kind_clues_of(patterns.rules_for("claim_kinds")),
    )
