"""Sports pages: results rows, standings and match reports name teams and players. A city
there is its club (ORG); a country is its national side, which stays a place."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimx.doc.text import doc_text
from claimx.extractors.entities.candidate import Cand, overlapping
from claimx.extractors.entities.labels import NUMERIC_LABELS
from claimx.extractors.entities.tokens import NUMBERISH, in_lines, run_after, run_before

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span

    from claimx.extractors.entities.lexicon import Lexicon
    from claimx.models import Furniture

_SCORE = re.compile(r"^\s*(?:\(\s*)?\d{1,3}\s?[-–]\s?\d{1,3}\b")
_SCORES = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")
# A line with a digit and a capital letter: a candidate results or standings row.
_TABLE_LINE = re.compile(r"(?m)^(?=[^\n]*\d)[^\n]*[A-Z][^\n]*$")
PLURAL_NAME_TAG = "NNPS"
TEAM_TAGS = frozenset({"NNP", "NNPS"})  # tags of a team name's first word
SCORE_WINDOW = 8  # tokens after the second team where the score must start


def match_reports(doc: Doc, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """"Ostrava beat Brno 3-0": the names around a match verb with a score after them are
    teams. A city, state or one-word name there is its club (ORG); a country stays its
    national side."""
    for verb in doc:
        if verb.lower_ not in lex.match_verbs or not verb.i:
            continue
        teams = _teams_around(doc, verb.i, lex)
        for start, end in teams:
            inside = overlapping(cands, start, end)
            exact = [c for c in inside if (c.start, c.end) == (start, end)]
            if exact:
                team = exact[0]
                if team.weak or (not team.gaz and team.label in ("GPE", "LOC")):
                    team.label, team.gaz, team.sure = "ORG", False, True
                    team.club = team.weak
                elif team.label == "PERSON" and doc[end - 1].tag_ == PLURAL_NAME_TAG:
                    team.label = "ORG"  # "Norrick Kites lost to": a person is not plural
            elif not inside and doc[start].text not in lex.first_names:
                cands.append(Cand(start, end, "ORG", sure=True))
    return cands


def _teams_around(doc: Doc, verb: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The capitalised runs before and after a match verb, when a single score follows."""
    n = len(doc)
    left = run_before(doc, verb)
    after = verb + 1
    if after < n and doc[after].lower_ in lex.match_particles:
        after += 1
    if after < n and doc[after].lower_ in lex.articles:
        after += 1  # "beat the Dunmere Ravens"
    right = run_after(doc, after)
    if left is not None and (doc[left[0]].lower_ in lex.articles
                             or doc[left[0]].tag_ not in TEAM_TAGS):
        # "The Lisk Harriers beat", "Meanwhile Lisk Harriers beat": the sentence's opening
        # article or adverb is not part of the team's name.
        left = (left[0] + 1, left[1]) if left[1] - left[0] > 1 else None
    if left is None or right is None:
        return []
    tail = doc[right[1]:min(n, right[1] + SCORE_WINDOW)].text
    if not _SCORE.match(tail) or len(_SCORES.findall(tail)) > 1:
        return []  # no score, or set scores ("6-4 7-6"): players, not teams
    return [left, right]


def table_rows(
    doc: Doc,
    cands: list[Cand],
    headlines: list[tuple[int, int]],
    furniture: Sequence[Furniture],
    lex: Lexicon,
) -> list[Cand]:
    """Results and standings lines ("Ostrava 2 Brno 1", "Ghana 4 3 1 0 9") hold only names and
    numbers: each run of capitalised words is a team or a player."""
    for match in _TABLE_LINE.finditer(doc_text(doc)):
        if in_lines(match.start(), headlines) or any(
            f.start < match.end() and match.start() < f.end and f.kind != "table"
            for f in furniture
        ):
            continue  # a dateline is names and numbers too
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or not _is_table_row(span, lex):
            continue
        for start, end in _capitalised_runs(span, lex):
            if any(doc[i].ent_type_ in NUMERIC_LABELS for i in range(start, end)):
                continue  # a month or a weekday: the model's dates are not teams
            cands = _row_name(span, start, end, cands, lex)
    return cands


def _row_name(row: Span, start: int, end: int, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """Settle the run ``start:end`` of a table row as a team or a player."""
    doc = row.doc
    # "Varna 3 ( Petrov 12 , Ivanov 45 )": names in brackets are the scorers.
    bracketed = _in_brackets(row, start)
    inside = overlapping(cands, start, end)
    exact = [c for c in inside if (c.start, c.end) == (start, end)]
    if exact:
        _relabel_row_name(doc, exact[0], bracketed, lex)
        return cands
    if any(c.gaz and not c.weak for c in inside):
        return cands  # a country inside a longer run keeps its own span
    label = next((c.label for c in inside if c.label == "PERSON"
                  and start <= c.start and c.end <= end), None)
    if label is None:
        given = doc[start].text in lex.first_names
        label = "PERSON" if given or bracketed else "ORG"
    cands = [c for c in cands if not (c.start < end and start < c.end)]
    cands.append(Cand(start, end, label, sure=True))
    return cands


def _relabel_row_name(doc: Doc, cand: Cand, bracketed: bool, lex: Lexicon) -> None:
    """A mention the row confirms: a player by full name, else a club or a national side."""
    cand.split, cand.sure = False, True
    one_word = cand.end - cand.start == 1
    # Players are listed by full name; one capitalised word there is a club.
    single_person = cand.label == "PERSON" and one_word and not bracketed
    if (not one_word and doc[cand.start].text in lex.first_names) or (
        bracketed and not cand.gaz
    ):
        cand.label = "PERSON"  # a golfer's name before the round scores
    elif cand.weak or single_person or (
        not cand.gaz and cand.label in ("GPE", "LOC", "NORP")
    ):
        cand.club = cand.weak or cand.label in ("GPE", "LOC")
        cand.label, cand.gaz = "ORG", False


def _is_table_row(span: Span, lex: Lexicon) -> bool:
    """Only names, numbers and punctuation; at least one number and one capitalised word."""
    numbers = names = 0
    for tok in span:
        if tok.is_space or tok.is_punct:
            continue
        if NUMBERISH.match(tok.text) or (tok.like_num and not tok.is_alpha):
            numbers += 1
        elif tok.text[:1].isupper():
            names += 1
        elif tok.lower_ not in lex.joiners:
            return False
    return numbers > 0 and names > 0


def _in_brackets(span: Span, i: int) -> bool:
    """Is token ``i`` inside round brackets opened within the line ``span``?"""
    depth = 0
    for tok in span:
        if tok.i >= i:
            break
        depth += (tok.text == "(") - (tok.text == ")")
    return depth > 0


def _capitalised_runs(span: Span, lex: Lexicon) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    for tok in [*span, None]:
        word = tok is not None and (
            tok.text[:1].isupper() or (start is not None and tok.lower_ in lex.joiners)
        ) and not tok.is_punct
        if word and tok is not None:
            if start is None:
                start = tok.i
            continue
        if start is not None:
            end = tok.i if tok is not None else span.end
            while end > start and span.doc[end - 1].lower_ in lex.joiners:
                end -= 1
            if end > start:
                runs.append((start, end))
        start = None
    return runs
