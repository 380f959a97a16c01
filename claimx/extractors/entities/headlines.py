"""Headlines checked against the body: a headline is in title case or capitals, where the
model tags fragments ("Ostrava Steps Up") that the body never names; so is a kicker, a section
word in capitals on a line of its own ("ANALYSIS")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimx.doc.text import doc_text
from claimx.extractors.entities.candidate import Cand, key_words, taken_tokens
from claimx.extractors.entities.tokens import in_lines

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.extractors.entities.lexicon import Lexicon

_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_LONE_DIGIT = re.compile(r"(?<!\S)\d")
MIN_HEADLINE_WORDS = 2
MIN_KICKER_LETTERS = 3  # "UK" alone on a line is a name, not a section
MAX_HEADLINE_CHARS = 200
MIN_CAPITALS = 2  # words in capitals that make a capitals headline
CAPITALS_SHARE = 0.8  # of its content words
MIN_TITLE_CASE_WORDS = 3  # fewer title-case words could be a name alone
ROW_NUMBERS = 2  # a title-case line with this many lone numbers is a results row
SENTENCE_ENDS = ".!?:;,\"”'’"
# Letters before a match that make it part of a longer name ("Port of Varna Authority").
LOOK_BEHIND = 30

Lines = list[tuple[int, int]]


def headline_lines(text: str, lex: Lexicon) -> Lines:
    """Char ranges of lines that read as headlines: capitals, or title case with no full stop."""
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        words = _WORD.findall(line)
        if len(words) == 1 and _kicker(line, words[0]):
            lines.append((match.start(), match.end()))
            continue
        if len(words) < MIN_HEADLINE_WORDS or len(line) > MAX_HEADLINE_CHARS:
            continue
        caps = sum(1 for w in words if w.isupper() and len(w) > 1)
        content = [w for w in words if w.lower() not in lex.joiners and len(w) > 1]
        if caps >= MIN_CAPITALS and caps >= CAPITALS_SHARE * len(content):
            lines.append((match.start(), match.end()))
            continue
        stripped = line.rstrip()
        if (
            len(words) < MIN_TITLE_CASE_WORDS
            or stripped[-1:] in SENTENCE_ENDS
            or stripped[-1:].isdigit()
            or len(_LONE_DIGIT.findall(line)) >= ROW_NUMBERS
            or _LONE_DIGIT.match(line.lstrip())  # "66 Ana Ruiz , Tom Hale": a ranked row
        ):
            continue  # a sentence, or a results row ("Ostrava 2 Brno 1")
        titled = sum(1 for w in content if w[0].isupper())
        if content and titled == len(content) and len(content) >= MIN_TITLE_CASE_WORDS:
            lines.append((match.start(), match.end()))
    return lines


def _kicker(line: str, word: str) -> bool:
    """A word in capitals on a line of its own: a section or kicker ("ANALYSIS", "TENNIS"),
    whose names count only when the body confirms them."""
    return line.strip() == word and word.isupper() and len(word) >= MIN_KICKER_LETTERS


def check_headlines(doc: Doc, cands: list[Cand], headlines: Lines) -> list[Cand]:
    """Keep headline mentions the body confirms; find body names in headlines."""
    if not headlines:
        return cands
    body = _body_names(doc, cands)
    kept = _confirmed(doc, cands, body, headlines)
    kept += _body_names_in_headlines(doc, kept, body, headlines)
    return kept


def _body_names(doc: Doc, cands: list[Cand]) -> dict[tuple[str, ...], str]:
    """The body's names (token keys) and their labels; a person's surname too."""
    body: dict[tuple[str, ...], str] = {}
    for cand in cands:
        if cand.headline:
            continue
        words = key_words(doc, cand.start, cand.end)
        body.setdefault(words, cand.label)
        if cand.label == "PERSON" and len(words) > 1:
            body.setdefault(words[-1:], "PERSON")
    return body


def _confirmed(
    doc: Doc, cands: list[Cand], body: dict[tuple[str, ...], str], headlines: Lines
) -> list[Cand]:
    """Body mentions, and headline mentions the body names (taking the body's label)."""
    kept = []
    for cand in cands:
        label = body.get(key_words(doc, cand.start, cand.end)) if cand.headline else None
        if label:
            cand.label = label
        elif cand.headline and not _repeated_in_body(doc, cand, headlines):
            # "Halvorsen Shipping Posts Record Profit": keep the longest opening words the
            # body repeats, if any.
            for end in range(cand.end - 1, cand.start + 1, -1):
                part = Cand(cand.start, end, cand.label, headline=True)
                if _repeated_in_body(doc, part, headlines):
                    kept.append(part)
                    break
            continue
        kept.append(cand)
    return kept


def _body_names_in_headlines(
    doc: Doc, kept: list[Cand], body: dict[tuple[str, ...], str], headlines: Lines
) -> list[Cand]:
    """Names the body uses, found in the headline where the model did not tag them."""
    found: list[Cand] = []
    taken = taken_tokens(kept)
    longest = max((len(k) for k in body), default=0)
    for line_start, line_end in headlines:
        span = doc.char_span(line_start, line_end, alignment_mode="expand")
        if span is None:
            continue
        i = span.start
        while i < span.end:
            size = 0
            if doc[i].text[:1].isupper() and i not in taken:
                size = _longest_body_name(doc, i, min(longest, span.end - i), body, taken)
                if size:
                    found.append(Cand(i, i + size, body[key_words(doc, i, i + size)],
                                      headline=True))
            i += size or 1
    return found


def _longest_body_name(
    doc: Doc, i: int, most: int, body: dict[tuple[str, ...], str], taken: set[int]
) -> int:
    """The length of the longest body name starting at token ``i`` on free tokens, or 0."""
    for n in range(most, 0, -1):
        if body.get(key_words(doc, i, i + n)) and not any(j in taken for j in range(i, i + n)):
            return n
    return 0


def _repeated_in_body(doc: Doc, cand: Cand, headlines: Lines) -> bool:
    """The body writes the headline's name too, even where the model did not tag it there."""
    name = doc[cand.start:cand.end].text
    if name.isupper() or " " not in name:
        return False  # one word or capitals: too weak a signal on its own
    text = doc_text(doc)
    # Not inside a longer name: "Port of Varna Authority" does not repeat "Port of Varna".
    for match in re.finditer(r"\b" + re.escape(name) + r"\b(?![ -][A-Z])", text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[max(line_start, match.start() - LOOK_BEHIND):match.start()].split()
        inside_name = bool(before) and before[-1][:1].isupper() and before[-1][-1:].isalpha()
        if not inside_name and not in_lines(match.start(), headlines):
            return True
    return False
