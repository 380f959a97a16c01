"""Where reported words start and end.

Reported words end where the report ends, not where the parse's subtree ends: on across
coordination the parse hung on the cue verb ("said [A, and B]"), but not past "but" with a new
subject ("said A, but the record shows B"), back before the writer's
trailing comment (", citing ...", ", though ...", an appositive, a parenthesis), before the
speaker's next act or someone else's report ("said A and added B").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.doc.offsets import end_char
from claimx.doc.syntax import RELATIVES, subject_of
from claimx.extractors.quotes.helpers import same_form, verb_form, wordlike
from claimx.extractors.quotes.marks import ALL_MARKS, strip_space_end

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.quotes.context import QuoteContext

# How many verbs up a second report may hang on the first one's speech verb.
NEXT_ACT_DEPTH = 4


def clause_span(ctx: QuoteContext, verb: Token, path: Token) -> tuple[int, int] | None:
    """Characters of what ``verb`` reports, the branch holding ``path``: a clause alone
    ("said [the stadium would be “the pride of the city”]"), or the object through the
    complement holding the quote ("called [the plan “a disaster”]")."""
    doc = ctx.doc
    lo, hi = path.left_edge.i, path.right_edge.i + 1
    if path.i > verb.i and path.dep_ not in ("ccomp", "advcl", "conj"):
        # The object the quoted words describe or urge: 'called [Smith “a liar”]', 'urged
        # [the council to “act now”]', 'called on [the city to “do its job”]'.
        objects = [c for c in verb.rights if c.i < path.i and (
            c.dep_ in ("dobj", "dative", "oprd") or (
                c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon")
                and path.dep_ == "xcomp"
                and any(g.dep_ == "pobj" for g in c.children)))]
        if objects:
            lo = objects[0].left_edge.i if objects[0].dep_ not in ("prep", "prt") else next(
                g.left_edge.i for g in objects[0].children if g.dep_ == "pobj")
        # ... and on through the complement after it: 'called X “Y” [as examples of Z]'.
        for c in verb.rights:
            if c.i > path.i and (c.dep_ in ("oprd", "xcomp", "ccomp") or (
                    c.dep_ == "prep" and c.lower_ == "as")):
                hi = max(hi, c.right_edge.i + 1)
    # 'what critics called “a disgrace”': the free relative "what" is part of the report.
    what = next((c for c in verb.lefts if c.lower_ == "what" and c.tag_ == "WP"), None)
    if what is not None and path.i > verb.i:
        lo = min(lo, what.i)
    lo, hi = clip(ctx, lo, hi, verb.i)
    lo, hi = shape(ctx, lo, hi, verb, clausal=path.dep_ == "ccomp")
    if hi <= lo:
        return None
    return doc[lo].idx, end_char(doc, hi)


def clip(ctx: QuoteContext, lo: int, hi: int, anchor: int) -> tuple[int, int]:
    """Keep to the anchor's sentence and paragraph, without punctuation or a conjunction
    at the start. A leading "that" stays: it is part of the reported clause, as annotated
    corpora keep it."""
    doc = ctx.doc
    p = ctx.par[anchor]
    sent = ctx.sent(anchor)
    lo, hi = max(lo, sent.start), min(hi, sent.end)
    while lo < hi and (ctx.par[lo] != p or "\n" in doc[lo].text):
        lo += 1  # the parse ran the sentence over a paragraph break before the anchor
    for k in range(lo, hi):
        if ctx.par[k] != p or "\n" in doc[k].text:
            hi = k
            break
    while lo < hi and ((doc[lo].is_punct and doc[lo].text not in ALL_MARKS)
                       or doc[lo].is_space or doc[lo].dep_ == "cc"):
        lo += 1
    # Never split a word: "do|n’t" may hang on another head in the parse.
    while lo < hi < sent.end and not doc[hi - 1].whitespace_ and wordlike(doc[hi]) \
            and ctx.par[hi] == p:
        hi += 1
    return lo, strip_space_end(doc, lo, hi)


def shape(ctx: QuoteContext, lo: int, hi: int, verb: Token, *,
          clausal: bool = True) -> tuple[int, int]:
    """The reported words' end: on across coordination the parse hung on the cue verb
    ("said [A, and B]", "wants [to X, Y and Z]"), then back before a trailing comment of
    the writer's (", which ...", ", a former ...", ", citing ...", ", though ...")."""
    if verb.i < lo:
        hi = _run_on(ctx, lo, hi, verb, clausal=clausal)
    hi = cut_tail(ctx, lo, hi)
    if verb.i < lo:
        hi = _cut_next_act(ctx, lo, hi, verb)
    doc = ctx.doc
    # Never end on a conjunction the parse left in the clause ('not complete, and').
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].dep_ == "cc" or (
            doc[hi - 1].is_punct and doc[hi - 1].text not in ALL_MARKS)):
        hi -= 1
    return lo, hi


def _run_on(ctx: QuoteContext, lo: int, hi: int, verb: Token, *, clausal: bool) -> int:
    """The end of the sentence when the words after the clause continue it rather than the
    speaker's sentence: another clause ("..., but the plan failed") or a predicate that
    does not share the cue verb's form ("wants to cut X, raise Y"), with no cue of its own.
    "said X and left" shares the form "said": the speaker's own act, not the report."""
    doc = ctx.doc
    p = ctx.par[verb.i]
    end = ctx.sent(verb.i).end
    k = hi
    while k < end and ctx.par[k] == p and ctx.in_quote[k] < 0 and "\n" not in doc[k].text:
        k += 1
    end = k
    while end > hi and (doc[end - 1].is_space or (
            doc[end - 1].is_punct and doc[end - 1].text not in ALL_MARKS)):
        end -= 1
    rest = [t for t in doc[hi:end] if not t.is_space]
    if k < ctx.n and ctx.in_quote[k] >= 0:
        # 'said A but “B.”': after a bare connective, the speaker's own words in marks
        # that end the sentence go on with the report; else a quote of its own begins.
        return _quoted_close(ctx, k, hi) if all(
            t.is_punct or t.dep_ == "cc" or t.lower_ in ctx.words.contrasts for t in rest) else hi
    if not rest:
        return hi
    if any(t.text == ";" or t.i in ctx.according for t in rest):
        return hi
    if any(t.i in {a.i for a in verb.ancestors} for t in rest):
        return hi  # the rest is the main clause the cue's clause hangs on
    if _rest_is_apart(ctx, rest, verb, doc[lo], clausal=clausal):
        return hi
    return end


def _quoted_close(ctx: QuoteContext, k: int, hi: int) -> int:
    """The end of the quoted stretch opening at token ``k`` when it ends its sentence (only
    punctuation after it) and holds no cue of its own; else ``hi``."""
    doc = ctx.doc
    sent = ctx.sent(k)
    end = k
    while end < sent.end and (ctx.in_quote[end] >= 0 or doc[end].text in ALL_MARKS):
        end += 1
    if end == k or any(not (t.is_punct or t.is_space) for t in doc[end:sent.end]) \
            or any(ctx.is_cue(t) for t in doc[k:end]) or ctx.par[end - 1] != ctx.par[k]:
        return hi
    return strip_space_end(doc, hi, end)


def _rest_is_apart(ctx: QuoteContext, rest: list[Token], verb: Token, opener: Token, *,
                   clausal: bool) -> bool:
    """The words ``rest`` after a reported clause (which opens with ``opener``) are not part
    of it: a second report, an adjunct of the cue, an appositive or the speaker's next act
    (see ``_run_on``)."""
    first = next((t for t in rest if not t.is_punct and t.dep_ != "cc"
                  and t.lower_ not in ctx.words.run_on_adverbs), None)
    if first is None:
        return True
    inside = {t.i for t in rest}
    top = first
    while top.head.i != top.i and top.head.i in inside:
        top = top.head
    if any(t.tag_.startswith("VB") and ctx.words.reports(t.lower_)
           for t in (top, *(c for c in top.children if c.dep_ == "conj"))):
        return True  # 'said X and added that Y': a second report
    if any(t.tag_.startswith("VB") and ctx.words.reports(t.lower_) and any(
            c.dep_ == "nsubj" and c.lower_ not in RELATIVES for c in t.children)
           for t in rest):
        return True  # 'X, which she thought ...': someone else's report inside
    if verb.i in (first.head.i, top.head.i) and first.lower_ in ctx.words.adjuncts:
        return True  # 'called for X in a statement', 'described X as Y when ...'
    if top.head.i == verb.i and rest[0].text == "," and not top.tag_.startswith(("VB", "MD")):
        return True  # 'sought to protect X, the bedrock of ...': an appositive, misparsed
    # 'insisted X, but the record shows Y': the writer's rejoinder.
    return _contrast(ctx, rest, top) or _own_act_or_clause(first, top, verb, opener,
                                                           clausal=clausal)


def _contrast(ctx: QuoteContext, rest: list[Token], top: Token) -> bool:
    """The rest opens with a contrastive conjunction ("but", "yet"; the parse may have left
    it at the end of the clause before) and is a clause with a subject of its own: the
    writer answering the report, not more of it."""
    doc = ctx.doc
    k = rest[0].i - 1
    while k > 0 and doc[k].is_punct:
        k -= 1
    opener = next((t for t in rest if not t.is_punct), None)
    joined = [t.lower_ for t in (doc[k], opener) if t is not None]
    return any(w in ctx.words.contrasts for w in joined) and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in top.children)


def _own_act_or_clause(first: Token, top: Token, verb: Token, opener: Token, *,
                       clausal: bool) -> bool:
    """The rest is the speaker's next act ('said X and left'), a participle, or a clause that
    cannot continue this report."""
    form = verb_form(verb)
    clause = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in top.children)
    verbal = top.tag_.startswith(("VB", "MD"))
    # An infinitive goes on in bare verbs ('wants to cut X, raise Y'); else a predicate
    # coordinated with the cue verb is the speaker's own act ('declined X and has left').
    bare = opener.lower_ == "to" and verb_form(top) == "VB"
    if verbal and not clause and (form in (first.tag_, verb_form(top))
                                  or verb_form(top) in ("VBG", "VBN")
                                  or (top.head.i == verb.i and top.dep_ == "conj"
                                      and not bare)):
        return True  # 'said X and left': the speaker's next act, or a participle
    # 'said that X, and Y': a second clause without "that" is the writer's; nor does
    # a clause continue an infinitive or an object ('agreed to X, and Y did Z').
    return clause and (not clausal or opener.lower_ == "that")


def _cut_next_act(ctx: QuoteContext, lo: int, hi: int, verb: Token) -> int:
    """Before a second report that the parse put inside the first: the speaker's ("said X
    and added Y", a speech verb in the cue's own form with no subject of its own) or
    someone else's ("said X, and critics warned Y")."""
    doc = ctx.doc
    for conj in doc[lo:hi]:
        if conj.dep_ != "conj" or not conj.tag_.startswith(("VB", "MD")) \
                or not lo <= conj.head.i < conj.i or conj.right_edge.i + 1 < hi - 1:
            continue
        subjects = [c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        top = not lo <= conj.head.head.i < hi or conj.head.head.i == conj.head.i
        reports = conj.lower_ in ctx.words.speech
        # '..., and critics warned that ...': someone else's report, coordinated.
        other = reports and any(s.lower_ not in RELATIVES and s.tag_ != "PRP"
                                for s in subjects)
        # 'says X promised Y and said Z': a second report of the clause's own subject.
        own = top and not subjects and reports and conj.head.i == _top_of(ctx, lo, hi)
        # 'said A, yet B did Z': the writer's rejoinder, coordinated inside the clause
        # ('agreed that A but that B' reports B too).
        # Words in marks there are the speaker's own ('said A but “B”'), never the writer's.
        rejoinder = top and bool(subjects) and conj.left_edge.i > lo \
            and doc[conj.left_edge.i - 1].lower_ in ctx.words.contrasts \
            and not any(c.dep_ == "mark" for c in conj.children) \
            and not _holds_marks(ctx, conj.left_edge.i, conj.right_edge.i + 1)
        if other or own or rejoinder or (top and not subjects and same_form(conj, verb)
                                         and reports):
            cut = conj.left_edge.i
            while cut > lo and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_space
                                or (doc[cut - 1].is_punct and doc[cut - 1].text not in ALL_MARKS)
                                or doc[cut - 1].lower_ in ctx.words.contrasts):
                cut -= 1
            return cut if cut > lo else hi
    return hi


def _holds_marks(ctx: QuoteContext, lo: int, hi: int) -> bool:
    """Some token of ``lo:hi`` stands inside quotation marks."""
    return any(ctx.in_marks[k] >= 0 for k in range(lo, hi))


def _top_of(ctx: QuoteContext, lo: int, hi: int) -> int:
    """The token of ``lo:hi`` whose head lies outside it."""
    for tok in ctx.doc[lo:hi]:
        if tok.head.i == tok.i or not lo <= tok.head.i < hi:
            return tok.i
    return lo


def next_act_subject(ctx: QuoteContext, verb: Token) -> Token | None:
    """The speaker of a second report the parse hung inside the first ("The minister said
    the strike would end and added that ..."): the subject of the speech verb above it in
    the same form, not the subject of the reported clause."""
    if verb.dep_ != "conj" or verb.lower_ not in ctx.words.speech or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        return None
    for anc in list(verb.head.ancestors)[:NEXT_ACT_DEPTH]:
        if anc.lower_ in ctx.words.speech and same_form(anc, verb) and anc.i < verb.i:
            return subject_of(anc)
    return None


def cut_tail(ctx: QuoteContext, lo: int, hi: int) -> int:
    """Before a trailing comment after a comma or dash that runs to the end: a relative
    clause on a person ("..., who ..."), an appositive, a participle phrase, a concession
    or a parenthesis. A comment inside the clause ("The plan, run by X, has ...") stays."""
    doc = ctx.doc
    last = hi
    while last > lo and (doc[last - 1].is_space or (
            doc[last - 1].is_punct and doc[last - 1].text not in ALL_MARKS)):
        last -= 1
    for k in range(lo + 2, last):
        if doc[k - 1].text == ";":
            return k - 1  # 'said X; they learned ...': the writer's next clause
        if doc[k - 1].text not in (",", "(", "—", "–", "--", "―"):
            continue
        tok = doc[k]
        if doc[k - 1].text == "(":
            close = next((j for j in range(k, hi) if doc[j].text == ")"), None)
            if close is not None and close + 1 >= last:
                return k - 1
            continue
        comment = (
            tok.lower_ in ctx.words.comment_openers
            or (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp", "dep", "conj"))
            or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl"))
        )
        root = tok
        while root.head.i != root.i and k <= root.head.i < last:
            root = root.head
        if not comment:
            comment = root.dep_ == "appos" and root.left_edge.i == k
        if comment and root.right_edge.i + 1 >= last:
            return k - 1
    return hi
