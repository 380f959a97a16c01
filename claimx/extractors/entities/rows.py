"""Who a wire results line names, read from the line's shape: a name with its country in
brackets ("Ana Ruiz ( Spain )") is a competitor, a person unless a match score follows the
bracket, when it is a club; the two names of a results pair ("Orvik 2 Lamsa 1") or of a
cricket score line ("Orvik 210 v Lamsa 45-1") and a name before a standings row's numbers are
teams, a golfer's rounds and total name a player; scorers after "Team -" and names listed with
people are people; a line's field label ("Attendance :", "Halftime 1-0") is no name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimx.doc.text import doc_text
from claimx.extractors.entities.candidate import Cand, overlapping
from claimx.extractors.entities.labels import NUMERIC_LABELS, PLACE_LABELS
from claimx.extractors.entities.tokens import DASHES, NUMBERISH

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.extractors.entities.lexicon import Lexicon

MAX_NAME_WORDS = 4
MIN_FULL_NAME = 2  # words of a listed person's full name
# A name in a row: up to four words of letters (inner dots, dashes, apostrophes allowed).
_NAME = r"[^\W\d_](?:[^\W\d_]|[.'’&-])*(?:[ \t][^\W\d_](?:[^\W\d_]|[.'’&-])*){0,3}"
# A whole-number score standing alone: not a year's start, a time, a set score or a count.
_GOALS = r"\d{1,3}(?![\d,.:/-])"
# "Orvik 2 ( Dal 12 ) Lamsa 1": a results pair at a line's start, bracketed scorers allowed,
# ending the line or followed only by brackets or a full stop.
_PAIR = re.compile(rf"(?m)^[ \t]*(?P<a>{_NAME})[ \t]+{_GOALS}[ \t]+(?:\([^)\n]*\)[ \t]*)?"
                   rf"(?P<b>{_NAME})[ \t]+{_GOALS}(?=[ \t]*(?:$|[(.]))")
# "Orvik 24 15 6 3 41 19 51", "Orvik 28 10 .737 -": a name before a row of numbers, which
# `_is_standing` tells from a player's round scores.
_STANDING = re.compile(rf"(?m)^[ \t]*(?P<a>{_NAME})(?P<cells>(?:[ \t]+(?:\d+|\d?\.\d{{3}}|-|"
                       rf"\d+ 1/2))+)[ \t]*$")
_WIN_SHARE = re.compile(r"^\d?\.\d{3}$")  # ".737", "1.000"
PLAYED_WON_DRAWN_LOST = 4
MIN_ROUNDS = 2
# "Kestrel United - Valk 51 , Okonkwo 77": a team, a spaced dash, then its scorers with
# their minutes (a penalty or an own goal marked).
_MINUTES = r"\d{1,3}(?:[ \t]+(?:pen|og))?(?:[ \t]*,[ \t]*\d{1,3}(?:[ \t]+(?:pen|og))?)*"
_SCORER = rf"{_NAME}[ \t]+{_MINUTES}"
_SCORER_LINE = re.compile(rf"(?m)^[ \t]*(?P<team>{_NAME})[ \t]+[-–][ \t]+"
                          rf"(?P<rest>{_SCORER}(?:[ \t]*,[ \t]*{_SCORER})*)[ \t]*\.?[ \t]*$")
_SCORER_NAME = re.compile(rf"(?P<name>{_NAME})[ \t]+{_MINUTES}")
# A match score right after the bracket: "( Czech Republic ) 1 Kestrel", never a set ("6-3").
_TEAM_SCORE = re.compile(r"[ \t]*\d{1,3}(?:[ \t]+[^\W\d_]|[ \t]*$)", re.MULTILINE)
# A score closing a one-word sentence: "Halftime 1-0 ."
_CLOSING_SCORE = re.compile(r"[ \t]*(?:\d{1,2}[-–]\d{1,2}|\d{1,3}(?:,\d{3})+)[ \t]*(?:\.|$)",
                            re.MULTILINE)  # ... or a crowd: "Attendance 4,200 ."
# "Somerset 283 and 174-6 ( Varley 4-38 ) v Kent 296": a cricket match's two sides, each
# with its innings, around "v".
_INNINGS = r"\d{1,3}(?:-\d{1,2})?(?:[ \t]+(?:and|for)[ \t]+\d{1,3}(?:-\d{1,2})?)?"
_CRICKET = re.compile(rf"(?m)(?:^|:)[ \t]*(?P<a>{_NAME})[ \t]+{_INNINGS}(?:[ \t]*\([^)\n]*\))?"
                      rf"[ \t]+v[ \t]+(?P<b>{_NAME})[ \t]+\d")
# Labels a competitor or a team's name may have been given before its row says what it is.
LIST_PASSES = 4  # names a person's mark can travel along a list
LIST_GAP = 6  # tokens between two listed names: " ( Fiji ) ," or " , 14 -"
LISTED_AS = frozenset({"ORG", "GPE"})  # the model's labels for a listed person's name
RELABELLED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "FAC", "EVENT"})


def row_names(doc: Doc, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """Settle the names of results lines by their shape, in the order of the module doc."""
    cands = _bracketed_countries(doc, cands)
    cands = _results_teams(doc, cands)
    cands = _scorers(doc, cands)
    _listed_people(doc, cands, lex)
    return _field_labels(doc, cands)


def _bracketed_countries(doc: Doc, cands: list[Cand]) -> list[Cand]:
    text = doc_text(doc)
    countries = [c for c in cands if c.gaz and not c.weak and c.label in PLACE_LABELS]
    for country in countries:
        opening, closing = country.start - 1, country.end
        if opening < 1 or closing >= len(doc) or doc[opening].text != "(" \
                or doc[closing].text != ")":
            continue
        start = opening
        while start > 0 and opening - start < MAX_NAME_WORDS and doc[start - 1].is_title:
            start -= 1
        if start == opening:
            continue
        team = bool(_TEAM_SCORE.match(text, doc[closing].idx + 1))
        cands = _settle(doc, cands, start, opening, "ORG" if team else "PERSON")
    return cands


def _results_teams(doc: Doc, cands: list[Cand]) -> list[Cand]:
    text = doc_text(doc)
    rows = list(_STANDING.finditer(text))
    for match in rows:
        if _is_round_scores(match.group("cells").split()):
            span = doc.char_span(match.start("a"), match.end("a"))
            if span is not None and len(span) <= MAX_NAME_WORDS:
                cands = _settle(doc, cands, span.start, span.end, "PERSON")
    standings = [m for m in rows if _is_standing(m.group("cells").split())]
    for match in [*_PAIR.finditer(text), *_CRICKET.finditer(text), *standings]:
        for group in ("a", "b"):
            if group not in match.groupdict() or match.group(group) is None:
                continue
            span = doc.char_span(match.start(group), match.end(group))
            if span is None or not all(t.is_title or t.is_upper for t in span) or any(
                t.ent_type_ in NUMERIC_LABELS for t in span
            ):
                continue  # "March 24 2031 ...": the model's dates are not teams
            if len(span) <= MAX_NAME_WORDS:
                cands = _settle(doc, cands, span.start, span.end, "ORG")
    return cands


def _is_standing(cells: list[str]) -> bool:
    """A team's standings row, not a player's scores: games played equal won + drawn + lost
    ("24 15 6 3"), or a winning share is given ("28 10 .737"). A golfer's "65 66 67 198" is
    neither."""
    if any(_WIN_SHARE.match(cell) for cell in cells):
        return True
    ints = [int(cell) for cell in cells if cell.isdigit()]
    return len(ints) >= PLAYED_WON_DRAWN_LOST and ints[0] == sum(ints[1:PLAYED_WON_DRAWN_LOST])


def _is_round_scores(cells: list[str]) -> bool:
    """A player's rounds and their total ("68 70 69 71 278"): the last number adds up the
    others, of which there are at least two."""
    if not all(cell.isdigit() for cell in cells) or len(cells) < MIN_ROUNDS + 1:
        return False
    ints = [int(cell) for cell in cells]
    return ints[-1] == sum(ints[:-1])


def _scorers(doc: Doc, cands: list[Cand]) -> list[Cand]:
    text = doc_text(doc)
    for line in _SCORER_LINE.finditer(text):
        spans = [(line.start("team"), line.end("team"), "ORG")]
        offset = line.start("rest")
        spans += [(offset + m.start("name"), offset + m.end("name"), "PERSON")
                  for m in _SCORER_NAME.finditer(line.group("rest"))]
        for start, end, label in spans:
            span = doc.char_span(start, end)
            if span is not None and len(span) <= MAX_NAME_WORDS:
                cands = _settle(doc, cands, span.start, span.end, label)
    return cands


def _settle(doc: Doc, cands: list[Cand], start: int, end: int, label: str) -> list[Cand]:
    """Give the name at ``start:end`` its row's label. A country the gazetteer knows stays a
    place (a national side is a place in wire annotation); a city becomes its club."""
    inside = overlapping(cands, start, end)
    run_on = [c for c in inside if c.end > end and c.start >= start
              and all(NUMBERISH.match(t.text) for t in doc[end:c.end])]
    if any(((c.start < start or c.end > end) and c not in run_on)
           or c.label not in RELABELLED for c in inside):
        return cands  # part of a longer name; a span the model ran on over a score yields
    if any(c.gaz and not c.weak for c in inside):
        return cands
    club = any(c.label in PLACE_LABELS for c in inside) and label == "ORG"
    cands = [c for c in cands if c not in inside]
    cands.append(Cand(start, end, label, sure=True, club=club))
    return cands


def _listed_people(doc: Doc, cands: list[Cand], lex: Lexicon) -> None:
    """"Ruan Botha ( Fiji ) , Kenji Morita", "15 - Dai Ellis , 14 - Owen Rees": a full name
    the model called a body or a place the gazetteer does not know, listed by commas next to
    a person (a bracket, a shirt number or a dash between them), is a person too, unless a
    head or club word ends it. Each person found lets the next one in the list be found."""
    by_start = {c.start: c for c in cands}
    by_end = {c.end: c for c in cands}
    listed = [c for c in cands if _may_be_listed(doc, c, lex)]
    for _ in range(LIST_PASSES):
        found = [c for c in listed if c.label != "PERSON" and any(
            n is not None and n.label == "PERSON"
            for n in (by_end.get(_list_gap(doc, c.start, -1)),
                      by_start.get(_list_gap(doc, c.end - 1, 1)))
        )]
        for cand in found:
            cand.label = "PERSON"
        if not found:
            return


def _may_be_listed(doc: Doc, cand: Cand, lex: Lexicon) -> bool:
    if cand.label not in LISTED_AS or cand.gaz or cand.end - cand.start < MIN_FULL_NAME:
        return False
    last = doc[cand.end - 1].lower_
    return not (last in lex.org_heads or last in lex.club_words or last in lex.team_words)


def _list_gap(doc: Doc, i: int, step: int) -> int:
    """The token index where the neighbouring name ends (step -1) or starts (step 1) across a
    list's separators from token ``i``, or -1 when no comma separates them."""
    comma = False
    depth = 0
    j = i + step
    while 0 <= j < len(doc) and abs(j - i) <= LIST_GAP:
        text = doc[j].text
        if text in "()":
            depth += 1 if (text == "(") == (step > 0) else -1
        elif depth == 0 and text == ",":
            comma = True
        elif depth == 0 and not (text in DASHES or text.isdigit()):
            break
        j += step
    if not comma:
        return -1
    return j + 1 if step < 0 else j


def _field_labels(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Attendance : 18,400", "Halftime 1-0 .": a line's one-word label before a colon, or a
    one-word sentence closed by a score, names nothing, nor does the model's span from it
    over the score."""
    text = doc_text(doc)
    return [c for c in cands if c.gaz or not _is_label(doc, text, c.start)]


def _is_label(doc: Doc, text: str, i: int) -> bool:
    line_start = i == 0 or "\n" in doc[i - 1].text or doc[i - 1].text in (".", ":")
    if not line_start or i + 1 >= len(doc):
        return False
    if doc[i + 1].text == ":":
        return True
    return bool(_CLOSING_SCORE.match(text, doc[i].idx + len(doc[i].text)))
