"""The shared Doc helpers: offsets, trimming, the subject of a verb, sentences."""

from __future__ import annotations

import pytest

from claimx.doc.offsets import (
    CLAUSE_EDGE_CHARS,
    QUOTED,
    Edges,
    end_char,
    index_at,
    index_from,
    token_at,
    token_ending,
    token_from,
    token_starts,
    trim,
    trim_tokens,
)
from claimx.doc.sentences import SentenceBreaks, Sentences
from claimx.doc.syntax import (
    CLAUSE_SUBJECT,
    RELATIVE_PRONOUN,
    SPEAKER,
    SPEAKER_FAR,
    SubjectWalk,
    subject_of,
)

CLAUSE = Edges(space=False, chars=CLAUSE_EDGE_CHARS, lead_words=("and ", "but ", "that "))


@pytest.mark.parametrize(
    ("starts", "char", "at", "from_"),
    [([0, 4, 9], 0, 0, 0), ([0, 4, 9], 3, 0, 1), ([0, 4, 9], 4, 1, 1), ([0, 4, 9], 12, 2, 3),
     ([2, 5], 0, -1, 0)],
)
def test_index_lookups(starts, char, at, from_):
    assert (index_at(starts, char), index_from(starts, char)) == (at, from_)


@pytest.mark.parametrize(
    ("char", "at", "following", "ending"),
    [(0, "Ferries", "Ferries", None), (3, "Ferries", "left", None),
     (7, "Ferries", "left", "Ferries"), (8, "left", "left", None),
     (12, "left", "early", "left"), (50, ".", None, None)],
)
def test_token_lookups(nlp, char, at, following, ending):
    doc = nlp.make_doc("Ferries left early.")
    assert token_starts(doc) == [0, 8, 13, 18]
    assert token_at(doc, char).text == at
    assert (token_from(doc, char).text if token_from(doc, char) else None) == following
    assert (token_ending(doc, char).text if token_ending(doc, char) else None) == ending


def test_lookups_on_an_empty_doc(nlp):
    doc = nlp.make_doc("")
    assert token_at(doc, 0) is None and token_from(doc, 0) is None
    assert token_starts(doc) == []


def test_end_char_is_the_end_of_the_last_token_in_the_range(nlp):
    doc = nlp.make_doc("Tolls rose  again")
    assert end_char(doc, 2) == len("Tolls rose")
    assert end_char(doc, len(doc)) == len(doc.text)


@pytest.mark.parametrize(
    ("text", "edges", "expected"),
    [
        ("  a dateline \n", None, "a dateline"),
        ("\u00a0word\u2009", None, "word"),
        ("“a quoted line” ", QUOTED, "a quoted line"),
        ("“a mixed quote” ", None, "“a mixed quote”"),
        (", and the levy rose;", CLAUSE, "the levy rose"),
        ("and that fares fell -", CLAUSE, "fares fell"),
        ("that and fares fell", CLAUSE, "and fares fell"),  # each word is checked once, in order
        ("\u00a0fares\u00a0", CLAUSE, "\u00a0fares\u00a0"),
        ("   ", None, ""),
    ],
)
def test_trim(text, edges, expected):
    start, end = trim(text, 0, len(text)) if edges is None else trim(text, 0, len(text), edges)
    assert text[start:end] == expected


def test_trim_tokens_drops_edges_by_predicate():
    words = ["the", "Harbour", "Board", "."]
    start, end = trim_tokens(0, 4, drop_first=lambda s, e: words[s] == "the",
                             drop_last=lambda s, e: words[e - 1] == ".")
    assert words[start:end] == ["Harbour", "Board"]


def _subject(nlp, text: str, verb: str, walk: SubjectWalk) -> str | None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    found = subject_of(token, walk)
    return found.text if found is not None else None


KEEP = SubjectWalk(relatives="keep")


@pytest.mark.parametrize(
    ("text", "verb", "walk", "expected"),
    [
        ("The ferry operator said fares would rise.", "said", SPEAKER, "operator"),
        ("The mayor smiled and said nothing.", "said", SPEAKER, "mayor"),
        ("Ines Rota, who said the budget was short, resigned.", "said", SPEAKER, "Rota"),
        ("Ines Rota, who said the budget was short, resigned.", "said", KEEP, "who"),
        ("Ines Rota, who said the budget was short, resigned.", "said", RELATIVE_PRONOUN, "who"),
        ("The mayor said the budget was short.", "said", RELATIVE_PRONOUN, None),
        ("Harbour profits rose and topped forecasts.", "topped", CLAUSE_SUBJECT, "profits"),
        ("The council plans to cut 300 jobs.", "cut", CLAUSE_SUBJECT, "council"),
        ("The council plans to cut 300 jobs.", "cut", SPEAKER, "council"),
        ("Rain fell.", "Rain", SPEAKER, None),
    ],
)
def test_subject_of(nlp, text, verb, walk, expected):
    assert _subject(nlp, text, verb, walk) == expected


def test_depth_limits_the_walk_up(nlp):
    text = "The inspector left early, planning to say nothing."
    assert _subject(nlp, text, "say", SPEAKER_FAR) == "inspector"
    assert _subject(nlp, text, "say", SubjectWalk(depth=0)) is None


def test_sentences_of_tokens(nlp):
    doc = nlp("Buses ran late. Trains were cancelled.")
    sentences = Sentences(doc)
    assert [s.text for s in sentences.spans] == ["Buses ran late.", "Trains were cancelled."]
    assert sentences.of(0).text == "Buses ran late."
    assert sentences.of(len(doc) - 1).text == "Trains were cancelled."


@pytest.mark.parametrize(
    ("text", "gaps"),
    [
        # a blank line after a full stop is both a paragraph break and a sentence end
        ("Fares rose.\n\nTolls fell.", ["\n\n", "\n\n"]),
        ("Fares rose\n\ntolls fell", ["\n\n"]),
        ("Plans:\n- fares\n- tolls", ["\n- ", "\n- "]),
        ("Coverage reached 4G. Broadband lagged.", [" "]),
        ("Mr. Oduya spoke. Then he left.", [" "]),
        ("Shares in the U.S. Fund fell.", []),
        ("it rose. then it fell", []),
    ],
)
def test_sentence_breaks(text, gaps):
    breaks = SentenceBreaks(["Mr", "U.S"])
    assert [text[a:b] for a, b in breaks(text)] == gaps


@pytest.mark.parametrize("text", [
    "Prices rose 4%, the board said.",
    "“Fine,” she said.\n\nNew line   spaced",
    "",
])
def test_token_texts_are_the_tokens_texts_and_follow_a_retokenized_doc(nlp, text):
    from claimx.doc.text import token_texts

    doc = nlp(text)
    assert token_texts(doc) == [t.text for t in doc]
    if len(doc) > 1:
        with doc.retokenize() as retokenizer:
            retokenizer.merge(doc[0:2])
        assert token_texts(doc) == [t.text for t in doc]
