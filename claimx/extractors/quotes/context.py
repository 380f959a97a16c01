"""What every quote reader reads about one document, built once per document before any of
them runs: the parse, its sentences and paragraphs, which tokens stand inside quotation marks,
the cue phrases found by the rules, the speaker resolver and the cue vocabulary.

``QuoteContext`` is frozen: a reader never changes what another one relies on. The one thing
the readers do record as they go, which cue tokens already attribute a quote, lives in its
``cues`` ledger (``CueLedger``), a separate object with two operations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimx.doc.sentences import Sentences

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from claimx.extractors.mentions import MentionResolver
    from claimx.rules.loader import PatternSet

# Labels of the cue phrase rules (patterns/quotes/cue_phrases.jsonl): the speaker is the
# phrase's object ("according to X"), or the phrase stands for a speech verb ("as X put it").
SOURCE_PHRASE = "CUE_SOURCE"
VERB_PHRASE = "CUE_VERB"


# CueWords' fields and the word lists of patterns/quotes/ they are read from.
WORD_FILES = {
    "speech": "cue_verbs",
    "beliefs": "cue_beliefs",
    "framing": "cue_framing",
    "intent": "cue_intent",
    "direct_only": "cue_direct_only",
    "nouns": "cue_nouns",
    "listeners": "cue_listeners",
    "adjuncts": "cue_adjuncts",
    "time_preps": "cue_time_preps",
    "heading_small": "quote_heading_words",
    "comment_openers": "quote_comment_openers",
    "run_on_adverbs": "quote_run_on_adverbs",
    "elisions": "quote_elisions",
    "withholding": "cue_withholding",
    "questions": "cue_questions",
    "contrasts": "quote_contrasts",
    "clause_non_reports": "cue_clause_non_reports",
    "telling": "cue_telling",
}


@dataclass(frozen=True)
class CueWords:
    """The word lists of patterns/quotes/ that decide what a cue is (see its README)."""

    speech: frozenset[str]
    beliefs: frozenset[str]
    framing: frozenset[str]
    intent: frozenset[str]
    direct_only: frozenset[str]
    nouns: frozenset[str]
    listeners: frozenset[str]
    adjuncts: frozenset[str]
    time_preps: frozenset[str]  # a participle after one speaks for the sentence's subject
    heading_small: frozenset[str]  # small words a title-cased heading keeps in lower case
    comment_openers: frozenset[str]  # words opening the writer's comment after a report
    run_on_adverbs: frozenset[str]  # adverbs after a report that the next words continue
    elisions: frozenset[str]  # words after an apostrophe that opens no quotation
    withholding: frozenset[str]  # "declined (to comment)": a cue that reports nothing said
    questions: frozenset[str]  # "asked": in the passive, its subject is who was asked
    contrasts: frozenset[str]  # "but": a clause after one answers the report
    clause_non_reports: frozenset[str]  # verbs whose "that" clause reports nobody's words
    telling: frozenset[str]  # "told": what it reports comes in a clause, not its object
    acts: Mapping[str, str]  # a cue's form -> its act when not speech (cue_acts.tsv)

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> CueWords:
        return cls(**{name: patterns.word_list(stem) for name, stem in WORD_FILES.items()},
                   acts=act_lexicon(patterns))

    def reports(self, low: str) -> bool:
        """A word that reports someone's words, thoughts or aims."""
        return low in self.speech or low in self.beliefs or low in self.framing \
            or low in self.intent


def act_lexicon(patterns: PatternSet) -> dict[str, str]:
    """Each inflected form of cue_acts.tsv -> the act of its lemma."""
    acts: dict[str, str] = {}
    for row in patterns.rows("cue_acts"):
        for form in str(row["forms"]).split(","):
            acts[form.strip().lower()] = str(row["act"])
    return acts


@dataclass
class CueLedger:
    """Which cue tokens attribute a quotation already, and of those after a quotation, the
    closing mark of the quotation they attribute."""

    used: set[int] = field(default_factory=set)
    after: dict[int, int] = field(default_factory=dict)

    def take(self, cue: int, close_i: int | None) -> None:
        self.used.add(cue)
        if close_i is not None and close_i < cue:
            self.after[cue] = close_i

    def release(self, cue: int) -> None:
        self.used.discard(cue)


@dataclass(frozen=True)
class QuoteContext:
    """One document as the quote readers see it (token indices throughout)."""

    doc: Doc
    text: str
    n: int  # tokens
    par: list[int]  # paragraph number of each token
    sents: Sentences
    words: CueWords
    according: Mapping[int, int]  # first token of an "according to" phrase -> its end
    phrase_cues: Mapping[int, int]  # first token of an "as X put it" phrase -> its end
    in_quote: list[int]  # the quotation each token stands in, -1 outside (see extractor)
    in_marks: list[int]  # the same for any pair of marks, even a scare quote's
    nick_marks: frozenset[int]  # the marks and words of a nickname inside a name
    cue_tokens: CueTokens
    speakers: MentionResolver
    cues: CueLedger

    def sent(self, i: int) -> SpacySpan:
        """The sentence of token ``i``."""
        return self.sents.of(i)

    def is_cue(self, tok: Token) -> bool:
        """``tok`` can attribute a quotation: a speech verb or a cue phrase's start."""
        return tok.i in self.cue_tokens.speech_verbs or tok.i in self.according \
            or tok.i in self.phrase_cues

    def cues_in_order(self) -> list[int]:
        """Every token ``is_cue`` holds true of, in order."""
        return sorted(self.cue_tokens.speech_verbs | self.according.keys()
                      | self.phrase_cues.keys())



@dataclass(frozen=True)
class CueHashes:
    """The cue words' hashes in the vocabulary, to find them in a Doc's arrays."""

    speech: frozenset[int]
    reporting: frozenset[int]  # speech, belief and intent verbs
    nouns: frozenset[int]

    @classmethod
    def of(cls, words: CueWords, strings: StringStore) -> CueHashes:
        def hashes(*lists: frozenset[str]) -> frozenset[int]:
            return frozenset(strings[w] for words in lists for w in words)

        return cls(hashes(words.speech), hashes(words.speech, words.beliefs, words.intent),
                   hashes(words.nouns))


@dataclass(frozen=True)
class CueTokens:
    """A Doc's tokens that may report speech, found in one pass over its arrays rather
    than its Token objects."""

    speech_verbs: frozenset[int]  # a speech verb tagged as a verb (VB...)
    report_verbs: frozenset[int]  # a speech, belief or intent verb tagged as a verb
    report_nouns: frozenset[int]  # a cue noun tagged NN or NNS

    @classmethod
    def of(cls, doc: Doc, hashes: CueHashes) -> CueTokens:
        from spacy.attrs import LOWER, TAG

        rows = doc.to_array([LOWER, TAG])
        lows = rows[:, 0].tolist()
        # Only the tokens that are cue words at all are looked at further.
        cues = hashes.reporting | hashes.nouns
        hits = [(i, low, tag) for i, low, tag in zip(
            range(len(lows)), lows, rows[:, 1].tolist(), strict=True) if low in cues]
        strings = doc.vocab.strings
        verbs = {tag for _, _, tag in hits if strings[tag].startswith("VB")}
        nouns = {tag for _, _, tag in hits if strings[tag] in ("NN", "NNS")}
        return cls(
            frozenset(i for i, low, tag in hits if tag in verbs and low in hashes.speech),
            frozenset(i for i, low, tag in hits if tag in verbs and low in hashes.reporting),
            frozenset(i for i, low, tag in hits if tag in nouns and low in hashes.nouns),
        )


def phrase_cues(spans: list[SpacySpan], label: str) -> dict[int, int]:
    """First token -> end token of the cue phrase matches with this rule label."""
    return {span.start: span.end for span in spans if span.label_ == label}

