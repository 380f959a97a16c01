"""Small token and text helpers shared by the quote readers: word tests, verb forms, cue
characters and cutting character spans. Character ends and trimming are ``claimx.doc.offsets``'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.doc.offsets import end_char
from claimx.extractors.quotes.marks import ALL_MARKS, DOUBLE_MARKS, Candidate
from claimx.models import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def opens_paragraph(doc: Doc, i: int) -> bool:
    """Token ``i`` is the first of its paragraph: only spaces on its line stand before it."""
    k = i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    return k < 0 or "\n" in doc[k].text


def cue_span(doc: Doc, text: str, start: int | None, end: int | None) -> Span | None:
    """The characters of the cue tokens ``start:end`` (one token when ``end`` is None)."""
    if start is None:
        return None
    return Span.of(text, doc[start].idx, end_char(doc, end if end is not None else start + 1))


def last_content(doc: Doc, cand: Candidate) -> Token | None:
    s, e = cand.segments[-1]
    for k in range(e - 1, s - 1, -1):
        if not doc[k].is_space:
            return doc[k]
    return None


def word_count(doc: Doc, cand: Candidate) -> int:
    return sum(1 for s, e in cand.segments for t in doc[s:e] if not t.is_punct and
               not t.is_space)


def outside(spans: list[tuple[int, int]], zones: list[tuple[int, int]]
             ) -> list[tuple[int, int]]:
    """The spans cut short where they run into a zone; a span that starts inside one goes."""
    out = []
    for s, e in spans:
        for zs, ze in zones:
            if zs <= s < ze:
                e = s
            elif s < zs < e:
                e = zs
        if e > s:
            out.append((s, e))
    return out


def has_double_mark(text: str) -> bool:
    return any(c in DOUBLE_MARKS for c in text) or "''" in text or "``" in text


def has_word(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def hypothetical(verb: Token) -> bool:
    """A question ("Do you know where ...?") or a condition ("If the plan rejected ...")
    asks or supposes; it reports nobody's words."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return True
    sent = verb.sent
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in ALL_MARKS), None)
    return last is not None and last.text == "?" and last.i > verb.i


def verb_form(verb: Token) -> str:
    """The tag of a verb group's finite part: "did" in "did not want", the verb itself in
    "wants" or "to want"."""
    return next((c.tag_ for c in verb.lefts if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"),
                verb.tag_)


def same_form(a: Token, b: Token) -> bool:
    """Two verbs in the same form; a bare past participle counts as past tense, as the
    tagger often reads "tweeted" in "Smith tweeted that ..."."""
    fa, fb = verb_form(a), verb_form(b)
    return fa == fb or {fa, fb} == {"VBD", "VBN"}


# The longest clitic glued to the word before: "n’t".
MAX_CLITIC = 3


def wordlike(tok: Token) -> bool:
    """A word or a clitic glued to the word before ("n’t", "’s")."""
    return tok.is_alpha or (tok.text[:1] in "'’n" and any(c.isalpha() for c in tok.text)
                            and len(tok.text) <= MAX_CLITIC)


def misread_name(tok: Token) -> bool:
    """A capitalised word the tagger took for a base-form verb, inside a name ("Tulsa police
    Chief ...", "Trust Fund"): a name, not a verb."""
    return tok.tag_ == "VB" and tok.is_title and (
        bool(tok.ent_type_) or tok.dep_ in ("dep", "compound", "nmod")
    )


def nounish(tok: Token) -> bool:
    return tok.tag_ in ("NNP", "NNPS", "NN", "NNS", "PRP") and tok.ent_type_ not in ("DATE", "TIME")


def has_right_clause(verb: Token, listeners: frozenset[str]) -> bool:
    """The verb governs a clause or object of its own after it (outside quotation marks)."""
    for child in verb.rights:
        # "told me", "told reporters": the object is who was told, not what was said.
        listener = child.dep_ == "dobj" and (
            child.tag_ == "PRP" or child.ent_type_ in ("PERSON", "ORG", "NORP")
            or child.lower_ in listeners or resumes_quote(child)
        )
        # "said Monday": a time, parsed as an object now and then, is no reported clause.
        when = child.ent_type_ in ("DATE", "TIME") and child.dep_ == "dobj"
        if child.dep_ in ("ccomp", "dobj") and not listener and not when:
            # Only a clause right after the verb ("said the plan ...", "said that ..."):
            # after a comma the parse has usually hung the next quotation on the verb.
            first = child.left_edge
            gap = [t for t in verb.doc[verb.i + 1:first.i] if t.lower_ not in ("that",)]
            if first.i > verb.i and not gap and first.text not in ALL_MARKS \
                    and not after_mark(first):
                return True
    return False


def resumes_quote(obj: Token) -> bool:
    """'"A," she told the panel, "B."': an object followed by a comma and an opening mark
    is who was told; the speaker's quotation goes on after it."""
    doc = obj.doc
    k = obj.right_edge.i + 1
    return k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].text in DOUBLE_MARKS


def pobj_of(prep: Token) -> Token | None:
    """The object of a preposition ('by [aides]'), or None."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def after_mark(tok: Token) -> bool:
    doc = tok.doc
    k = tok.i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k >= 0 and doc[k].text in ALL_MARKS
