"""The one rule engine: a named rule set compiled into spaCy's ``Matcher`` (token patterns),
``PhraseMatcher`` (phrase strings) and ``regex`` expressions.

``RuleMatcher(nlp, rules)(doc)`` gives spaCy Spans with the rule's label and id
(``span.label_``, ``span.id_``), sorted by position; regex matches are snapped to whole tokens
(``doc.char_span(..., alignment_mode="expand")``). ``text_matches(text)`` gives a regex rule's
exact character offsets instead, for rules that run on the raw text (furniture).

A token pattern that is only a run of lower-case words (``[{"LOWER": "according"},
{"LOWER": "to"}]``) is matched by a PhraseMatcher on ``LOWER``: the same matches, without the
Matcher's Python object per token of the Doc.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from claimx.doc.text import doc_text
from claimx.rules.model import Rule, compile_rule_regex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from claimx.rules.loader import PatternSet


class RuleTimeout(TimeoutError):
    """A regex rule ran past its time limit on a text; the message names the rule."""


@dataclass(frozen=True)
class TextMatch:
    """A regex rule's match on the raw text: exact character offsets, end exclusive."""

    start: int
    end: int
    rule: Rule


class RuleMatcher:
    """Runs one rule set (token, phrase and regex rules) over a Doc."""

    def __init__(self, nlp: Language, rules: Sequence[Rule], *, phrase_attr: str = "LOWER"):
        from spacy.matcher import Matcher, PhraseMatcher

        self._matcher = Matcher(nlp.vocab, validate=False)
        self._phrases = PhraseMatcher(nlp.vocab, attr=phrase_attr)
        self._words = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._regexes: list[tuple[regex.Pattern[str], Rule]] = []
        self._rules: dict[int, Rule] = {}
        for number, rule in enumerate(rules):
            key = f"{rule.label}\x1f{rule.id}\x1f{number}"
            self._rules[nlp.vocab.strings.add(key)] = rule
            if rule.regex is not None:
                self._regexes.append((compile_rule_regex(rule), rule))
            elif isinstance(rule.pattern, str):
                self._phrases.add(key, [nlp.make_doc(rule.pattern)])
            elif rule.pattern is not None and (words := _lower_words(rule.pattern)):
                from spacy.tokens import Doc

                self._words.add(key, [Doc(nlp.vocab, words=words)])
            elif rule.pattern is not None:
                self._matcher.add(key, [rule.pattern])

    @classmethod
    def for_set(cls, nlp: Language, patterns: PatternSet, name: str, *,
                phrase_attr: str = "LOWER") -> RuleMatcher:
        """The matcher of the rule set ``name`` (a file stem)."""
        return cls(nlp, patterns.rules_for(name), phrase_attr=phrase_attr)

    def __bool__(self) -> bool:
        return bool(self._rules)

    def __call__(self, doc: Doc) -> list[SpacySpan]:
        from spacy.tokens import Span as SpacySpan

        found: list[SpacySpan] = []
        for matcher in (self._matcher, self._words, self._phrases):
            if not len(matcher):
                continue  # an empty matcher warns (W036) on every call
            for key, start, end in matcher(doc):
                rule = self._rules[key]
                found.append(SpacySpan(doc, start, end, label=rule.label, span_id=rule.id))
        for match in self.text_matches(doc_text(doc)):
            span = doc.char_span(match.start, match.end, alignment_mode="expand")
            if span is not None and len(span):
                found.append(SpacySpan(doc, span.start, span.end, label=match.rule.label,
                                       span_id=match.rule.id))
        found.sort(key=lambda s: (s.start, -s.end))
        return found

    def text_matches(self, text: str, *, timeout: float | None = None,
                     timed_out: list[Rule] | None = None) -> Iterator[TextMatch]:
        """Every non-empty match of the regex rules, rule by rule in file order.

        A rule that runs past ``timeout`` seconds is never skipped unseen: it raises
        RuleTimeout naming it, or, when the caller passes a ``timed_out`` list, is appended to
        it (its matches so far kept) and the next rule runs.
        """
        for compiled, rule in self._regexes:
            try:
                for match in compiled.finditer(text, timeout=timeout):
                    if match.end() > match.start():
                        yield TextMatch(match.start(), match.end(), rule)
            except TimeoutError:
                if timed_out is None:
                    raise RuleTimeout(f"{rule.where}: rule {rule.id or rule.label!r} ran past "
                                      f"{timeout}s on this text") from None
                timed_out.append(rule)


def _lower_words(pattern: list[dict[str, Any]]) -> list[str] | None:
    """The words of a token pattern that only asks each token's LOWER to equal a lower-case
    string (no operator, no other key), else None."""
    words = []
    for token in pattern:
        value = token.get("LOWER") if len(token) == 1 else None
        if not isinstance(value, str) or not value or value != value.lower():
            return None
        words.append(value)
    return words or None
