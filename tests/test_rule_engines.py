"""The faster ways claimx runs spaCy's matchers give exactly the plain Matcher's matches: word
patterns through a PhraseMatcher (claimx.rules.matcher), name patterns over runs of title-case
words (claimx.rules.runs)."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from claimx.rules.matcher import RuleMatcher
from claimx.rules.model import Rule
from claimx.rules.runs import TitleRunMatcher

WORDS = [{"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "end"}]
MIXED = [{"LOWER": "in"}, {"LOWER": "the", "OP": "?"}, {"LOWER": "end"}]


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.id_) for s in matches]


@pytest.mark.parametrize("text", [
    "In the end the vote went ahead; in THE end it always does.",
    "In the end.",
    "The end, in the end, came in the middle of the night.",
])
def test_word_patterns_match_as_the_token_matcher_does(nlp, text):
    rules = [Rule("CUE", "t:1", pattern=WORDS, id="words"),
             Rule("CUE", "t:2", pattern=MIXED, id="mixed")]
    matcher = RuleMatcher(nlp, rules)
    assert len(matcher._words) == 1 and len(matcher._matcher) == 1  # one of each engine
    plain = Matcher(nlp.vocab)
    plain.add("words", [WORDS])
    plain.add("mixed", [MIXED])
    doc = nlp(text)
    expected = sorted(((s, e, nlp.vocab.strings[k]) for k, s, e in plain(doc)),
                      key=lambda m: (m[0], -m[1]))
    assert sorted(_spans(matcher(doc))) == sorted(expected)
    assert [m[:2] for m in _spans(matcher(doc))] == [m[:2] for m in expected]


def test_an_upper_case_word_is_left_to_the_token_matcher(nlp):
    rule = Rule("CUE", "t:1", pattern=[{"LOWER": "End"}], id="never")
    matcher = RuleMatcher(nlp, [rule])
    assert len(matcher._words) == 0
    assert matcher(nlp("The End of the End.")) == []  # LOWER is never "End"


TITLED = [{"IS_TITLE": True, "LOWER": {"IN": ["mayor", "judge", "prime", "minister"]}},
          {"IS_TITLE": True, "TAG": {"IN": ["NNP", "NNPS"]}, "OP": "+"}]


@pytest.mark.parametrize("text", [
    "Mayor Odile Brandt met Judge Kofi Mensah and Prime Minister Ilse Varga on Monday.",
    "The Mayor said nothing. Judge Hal Ortiz Smith Jones spoke. mayor Rui Costa left.",
    "Minister Zed\n\nMayor Anna Lind",
    "no names here at all",
])
def test_title_runs_give_the_whole_docs_matches_in_spacys_order(nlp, text):
    plain = Matcher(nlp.vocab)
    plain.add("TITLED", [TITLED], greedy="LONGEST")
    doc = nlp(text)
    assert TitleRunMatcher(nlp, "TITLED", TITLED)(doc) == plain(doc)


@pytest.mark.parametrize("pattern", [
    [{"LOWER": {"IN": ["mayor"]}}, {"IS_TITLE": True}],  # a token that may be lower case
    [{"IS_TITLE": True, "LOWER": {"IN": ["mayor"]}}, {"IS_TITLE": True, "OP": "*"}],
    [{"IS_TITLE": True}, {"IS_TITLE": True}],  # no anchor words
])
def test_title_runs_refuse_a_pattern_that_could_match_outside_them(nlp, pattern):
    with pytest.raises(ValueError, match=r"IS_TITLE|LOWER IN"):
        TitleRunMatcher(nlp, "BAD", pattern)
