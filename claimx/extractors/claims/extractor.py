"""Quantified claims: each clause that states quantities, with what is measured (subject), who
says so (source), when (time), how sure (hedge) and what kind of claim it is.

Quantities come from ``claimx.extractors.quantities.finder``; the clause, subject and source
come from the dependency parse; the vocabularies from ``patterns/claim_*`` (and the shared
``cue_verbs.txt`` for speech verbs).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import regex

from claimx.doc.text import doc_text
from claimx.extractors.quantities import Found, QuantityFinder
from claimx.models import Claim, Furniture, Quantity, Source, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from claimx.rules.loader import PatternSet

# Dependency labels that open a clause of their own.
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "conj",
                          "acl", "xcomp"})
# Children of a clause head that are other clauses (cut away unless they hold our quantity).
_SPLIT_DEPS = frozenset({"conj", "ccomp", "advcl", "parataxis", "relcl"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod", "quantmod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_SUBJECT_DROP = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})
_MAX_SUBJECT_CHARS = 90
_NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_DANGLING_TAGS = frozenset({"DT", "IN", "CC", "TO", "PRP$", "POS", "WDT", "HYPH", ","})
_PRONOUNS = frozenset({"it", "they", "this", "that", "which", "who", "these", "those", "he",
                       "she", "we", "i", "you"})
# Prepositions of a setting in time or circumstance: what they hold belongs to no owner.
_CIRCUMSTANCE_PREPS = frozenset({"after", "before", "during", "since", "until", "amid",
                                 "despite"})
# Prepositions by which a count hangs on the noun it is about: "price cuts on 50 products".
_COUNT_PREPS = frozenset({"on", "across", "among"})
_OF_GAP = regex.compile(r"\s+of\s+")
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "remains", "remained"})
_MONEY_UNITS_SUFFIX = " per "
_PERCENT_UNITS = frozenset({"percent", "percentage_point", "basis_point"})
_ORDINAL = regex.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|top|bottom|last)\b",
    regex.IGNORECASE,
)
_COMPARISON = regex.compile(
    r"\b(?:compared (?:with|to)|versus|vs\.?|than|twice as|times (?:as|more|higher|bigger|"
    r"larger|faster)|outpac\w+|exceed\w*|overtak\w+)\b",
    regex.IGNORECASE,
)
# Where a clause can never continue: a blank line, a list bullet, or a sentence end the parser
# missed ("... 3G. Broadband ..."). Each match is the gap between two pieces of text.
_HARD_BREAKS = (
    regex.compile(r"\n[ \t]*\n\s*"),
    regex.compile(r"\n[ \t]*[•·*▪◦‣-][ \t]"),
    regex.compile(
        r"(?<=(?<![A-Z]\.[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|No|vs|Prof|Gen|Sen|Rep|Gov|Jr|Sr|Inc|Co|Corp"
        r"|Ltd|U\.S|U\.K))[.!?][\"”’)]?)\s+(?=[A-Z“\"‘(•])"
    ),
)
_ONE_OF_THE_BEST = regex.compile(
    r"\bone of the (?:most|least|best|worst|\w+est)\b", regex.IGNORECASE
)
_PERIOD_NOUNS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days",
                           "quarter", "quarters", "decade", "decades", "period"})
_YEAR = regex.compile(r"1[5-9]\d\d|20\d\d")
_RANKING = regex.compile(r"\b(?:rank\w*|top|largest|biggest|highest|lowest|leading)\b",
                         regex.IGNORECASE)


@dataclass
class _DocContext:
    """Lookups computed once per Doc."""

    starts: list[int]
    sents: list[SpacySpan]
    dates: list[tuple[int, int]]
    quantity_spans: list[tuple[int, int]]
    _sent_starts: list[int] = field(default_factory=list)

    def sent_of(self, i: int) -> SpacySpan:
        if not self._sent_starts:
            self._sent_starts = [s.start for s in self.sents]
        return self.sents[max(0, bisect.bisect_right(self._sent_starts, i) - 1)]

    def token_from(self, doc: Doc, char: int) -> Token | None:
        """The first token starting at or after ``char``."""
        i = bisect.bisect_left(self.starts, char)
        return doc[i] if i < len(doc) else None

    def token_ending(self, doc: Doc, char: int) -> Token | None:
        """The token whose text ends at ``char`` (the unit of "100 percent")."""
        i = bisect.bisect_left(self.starts, char) - 1
        if 0 <= i < len(doc) and doc[i].idx + len(doc[i]) == char:
            return doc[i]
        return None


class ClaimExtractor:
    """Turns a parsed Doc into Claims: one per clause that states at least one quantity."""

    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        self.quantities = QuantityFinder(nlp, patterns)
        sources = patterns.table("claim_sources")
        self._speech = patterns.word_list("cue_verbs") | {
            row[0].lower() for row in sources if len(row) > 1 and row[1] == "verb"}
        self._reporting = {row[0].lower() for row in sources if len(row) > 1
                           and row[1] == "verb"}
        self._data_verbs = {row[0].lower() for row in sources if len(row) > 1
                            and row[1] == "data"}
        self._data_nouns = {row[0].lower() for row in sources if len(row) > 1
                            and row[1] == "noun"}
        self._price_verbs = frozenset(patterns.word_list("claim_price_verbs"))
        self._change_nouns = frozenset(row[0].lower() for row in patterns.table("change_verbs")
                                       if len(row) > 2 and row[2] == "noun")
        hedges = sorted(patterns.word_list("claim_hedges"), key=len, reverse=True)
        self._hedge = regex.compile(
            r"(?<![\p{L}])(?:" + "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in hedges)
            + r")(?![\p{L}])",
            regex.IGNORECASE,
        ) if hedges else None

    def __call__(self, doc: Doc, *, furniture: Sequence[Furniture] = ()) -> list[Claim]:
        if not len(doc):
            return []
        scan = self.quantities(doc)
        if not scan.quantities:
            return []
        text = doc_text(doc)
        breaks = sorted(m.span() for rx in _HARD_BREAKS for m in rx.finditer(text))
        # Per-document lookups built once: Token.sent and Span.ents rescan the whole Doc.
        ctx = _DocContext(
            starts=scan.starts,
            sents=list(doc.sents),
            dates=[(e.start_char, e.end_char) for e in doc.ents
                   if e.label_ in ("DATE", "TIME") and _DATE_WORDS.search(e.text)],
            quantity_spans=[(f.quantity.start, f.quantity.end) for f in scan.quantities],
        )
        fences = [(f.start, f.end) for f in furniture]
        groups: dict[int, list[Found]] = {}
        heads: dict[int, Token] = {}
        for found in scan.quantities:
            q = found.quantity
            if any(a <= q.start and q.end <= b for a, b in fences):
                continue
            head = _clause_head(doc[found.token])
            groups.setdefault(head.i, []).append(found)
            heads[head.i] = head
        claims: list[Claim] = []
        for key in sorted(groups, key=lambda k: groups[k][0].quantity.start):
            members = groups[key]
            head = heads[key]
            for claim in self._claims(doc, ctx, head, members, scan.times, breaks,
                                      len(claims) + 1):
                if any(a <= claim.start and claim.end <= b for a, b in fences):
                    continue
                claims.append(replace(claim, id=f"c{len(claims) + 1}"))
        return claims

    # ------------------------------------------------------------------ one claim

    def _claims(self, doc: Doc, ctx: _DocContext, head: Token, members: list[Found],
                times: list[tuple[int, int]], breaks: list[tuple[int, int]],
                number: int) -> list[Claim]:
        """The claims of one clause: one per thing measured ("Norvik will cut 900 jobs, or 4%
        of its staff" states a count about Norvik and a share of its staff)."""
        text = doc_text(doc)
        quantities = tuple(f.quantity for f in members)
        anchors = {f.token for f in members}
        sent = ctx.sent_of(members[0].token)
        start, end = _clause_extent(doc, head, anchors, sent)
        first_q = min(q.start for q in quantities)
        last_q = max(q.end for q in quantities)
        start = min(start, first_q)
        end = max(end, last_q)
        left = max([0, *(e for _, e in breaks if e <= first_q)])
        right = min([len(text), *(b for b, _ in breaks if b >= last_q)])
        start, end = max(start, left), min(end, right)
        s_start, s_end = max(sent.start_char, left), min(sent.end_char, right)
        start, end = _trim(text, start, end)
        if end <= start:
            return []
        source = self._source(doc, head, sent)
        if source is not None and any(q.start < source.end and source.start < q.end
                                      for q in quantities):
            source = None  # "a third of respondents said": the claim itself, not its source
        by_subject: dict[tuple[int, int] | None, list[Found]] = {}
        subjects: dict[tuple[int, int] | None, Span | None] = {None: None}
        previous: tuple[Quantity, Span | None] | None = None
        for found in members:
            q = found.quantity
            if previous is not None and _restates(text, previous[0], q):
                subject = previous[1]  # "$1.2bn (£950m)": the same thing in another unit
            else:
                subject = self._subject(doc, ctx, head, [found, *members], source)
            previous = (q, subject)
            if subject is not None and not (start <= subject.start and subject.end <= end) and (
                    not (s_start <= subject.start and subject.end <= s_end)):
                subject = None
            key = (subject.start, subject.end) if subject is not None else None
            subjects[key] = subject
            by_subject.setdefault(key, []).append(found)
        loose = [f for f in by_subject.get(None, []) if f.quantity.noun is None]
        if loose and len(by_subject) > 1:
            # amounts with no subject of their own join the clause's first claim ("... to 287
            # miles"); a count names what it counts, so it stays a claim of its own
            counts = [f for f in by_subject.pop(None) if f.quantity.noun is not None]
            if counts:
                by_subject[None] = counts
            first_key = min((k for k in by_subject if k is not None),
                            key=lambda k: by_subject[k][0].quantity.start)
            by_subject[first_key] = sorted([*by_subject[first_key], *loose],
                                           key=lambda f: f.quantity.start)
        claims: list[Claim] = []
        for key, group in sorted(by_subject.items(), key=lambda kv: kv[1][0].quantity.start):
            group_q = tuple(f.quantity for f in group)
            claims.append(Claim(
                id=f"c{number + len(claims)}",
                start=start,
                end=end,
                text=text[start:end],
                sentence=Span.of(text, *_trim(text, s_start, s_end)),
                kind=_kind(doc, group_q, start, end),
                quantities=group_q,
                subject=subjects[key],
                owner=self._owner(doc, ctx, head, group[0], subjects[key], source, s_start,
                                  s_end),
                source=source,
                time=_time(doc, ctx, sent, start, end, times, quantities),
                hedge=self._hedge_in(doc, head, start, end),
            ))
        return claims

    def _subject(self, doc: Doc, ctx: _DocContext, head: Token, members: list[Found],
                 source: Source | None) -> Span | None:
        """The thing measured: the first candidate that survives ``_clean_subject``."""
        for span in self._subject_candidates(doc, ctx, head, members, source):
            cleaned = _clean_subject(doc, ctx, span)
            if cleaned is not None:
                return cleaned
        return None

    def _owner(self, doc: Doc, ctx: _DocContext, head: Token, found: Found,
               subject: Span | None, source: Source | None, s_start: int,
               s_end: int) -> Span | None:
        """The clause's subject when the thing measured is something else it has or does:
        "Norvik" for "Norvik cut 4% of its staff", "The fund" for "a yield of 3.8%"."""
        q = found.quantity
        if subject is None or _market_name(doc, ctx, q) is not None:
            return None  # "Nasdaq +0.8%" in a market round-up belongs to no one else
        possessor = _possessor(doc, ctx, subject)
        if possessor is not None:
            return possessor  # "the Vexa Pro's 6.4-inch screen"
        noun = ctx.token_ending(doc, subject.end)
        if noun is not None and noun.dep_ == "pobj" and not noun.head.head.tag_.startswith(
                "VB") and _OF_GAP.fullmatch(doc_text(doc), subject.end, q.start):
            # "short of analyst estimates of 45,000", "wider than the loss of 9p forecast": a
            # side reference, where "at a fixed rate of 4.2%" after a verb is the clause's
            return None
        root = _span_root(doc, ctx, subject)
        if root is not None and root.dep_ == "pobj" and root.head.lower_ in _CIRCUMSTANCE_PREPS \
                and root.lower_ not in self._change_nouns:
            # "after a 400-mile crossing": the setting, no one's property; but "rose 2%
            # after a 6% fall" is still the prices' fall
            return None
        subj = _nearest_subject(head)
        if subj is None or subject.start <= subj.idx < subject.end:
            return None
        inner = _inner_subject(doc[found.token], head)
        if inner is not None and inner.i != subj.i:
            return None  # "with exports climbing 9%": the main clause's subject owns nothing
        if q.noun is not None and subj.lower_ == q.noun.split()[-1].lower():
            return None  # "3,000 members of the union walked out": the counted noun itself
        owner = _clean_subject(doc, ctx, _np_span(doc, subj, keep_preps=False))
        if owner is None or not (s_start <= owner.start and owner.end <= s_end) or (
                owner.start < subject.end and subject.start < owner.end):
            return None
        if source is not None and owner.start < source.end and source.start < owner.end:
            return None  # "the ministry said": who says it, not whose it is
        if subj.lower_ in self._data_nouns:
            return None  # "data shows ...": evidence, not an owner
        return owner

    def _subject_candidates(self, doc: Doc, ctx: _DocContext, head: Token,
                            members: list[Found], source: Source | None) -> Iterator[Span]:
        """In order: a name in market shorthand ("Nasdaq +0.8%"), "65% of the population",
        "nearly all households", "2 GW of capacity", "a yield of 4%", "a 25% premium", a
        verb's sized object ("cut its forecast to 3%"), the clause's (or nearest) subject, the
        noun the quantity modifies."""
        first = members[0]
        q = first.quantity
        skip = (q.start, q.end)
        named = _market_name(doc, ctx, q)
        if named is not None:
            yield named
        if first.noun_token is not None and (q.vague or q.unit in _PERCENT_UNITS or (
                q.value is not None and q.value < 1 and q.unit is None)):
            yield _np_span(doc, doc[first.noun_token], skip=skip)
        anchor = doc[first.token]
        if q.unit in _PERCENT_UNITS:
            nxt = ctx.token_from(doc, q.end)
            if nxt is not None and nxt.lower_ == "of":
                pobj = [c for c in nxt.children if c.dep_ == "pobj"]
                if pobj:
                    yield _np_span(doc, pobj[0], skip=skip)
        last = ctx.token_ending(doc, q.end) or anchor
        if q.noun is None and q.unit is not None and q.unit not in _PERCENT_UNITS:
            measured = _measured_after(doc, ctx, q)
            if measured is not None:
                yield _np_span(doc, measured, keep_preps=False)
        root = _phrase_root(doc, q, anchor)
        anchors = [last, anchor, root]
        if first.noun_token is not None:
            counted = doc[first.noun_token]
            anchors.append(counted)
            for of in counted.children if counted.i > anchor.i else ():
                pobj = [c for c in of.children if c.dep_ == "pobj"]
                if of.dep_ == "prep" and of.lower_ == "of" and pobj:
                    # "3,000 members of the union": whose members are counted
                    yield _np_span(doc, pobj[0], keep_preps=False)
        for tok in anchors:
            prep = tok.head
            on_noun = (tok.dep_ == "pobj" and prep.head.tag_ in ("NN", "NNS")
                       and prep.head.i < tok.i and prep.head.lower_ != "total")
            if on_noun and prep.lower_ == "of":
                # "a yield of 4%", "the homes of 300 families" ("a total of" only sizes it)
                yield _np_span(doc, prep.head, keep_preps=False)
            elif on_noun and q.noun is not None and prep.lower_ in _COUNT_PREPS:
                yield _np_span(doc, prep.head, keep_preps=False)  # "cuts on 50 products"
        if q.noun is None:
            # "a 25% premium", "98 percent rural network coverage": the noun it qualifies,
            # reached from the unit or, as in "a 4 per cent fee", from the number
            qualified = _qualified_noun(ctx, last) or _qualified_noun(ctx, root)
            if qualified is not None and qualified.lower_.removesuffix("s") != q.unit:
                # ("412 rushing yards": the yards are the unit, not what is measured)
                yield _np_span(doc, qualified, skip=skip)
        obj = _changed_object(root, q.unit)
        if obj is not None:
            yield _np_span(doc, obj, keep_preps=False)
        bought = _paid_for(root, q.unit, self._price_verbs)
        if bought is not None:
            yield _np_span(doc, bought, keep_preps=False)
        nxt = ctx.token_from(doc, q.end)
        if nxt is not None and nxt.lower_ == "for" and nxt.head.i in (last.i, anchor.i, root.i) \
                and not _names_time(nxt) and not _holds_quantity(ctx, nxt):
            # "an extra 40 miles for the Zeta's range", "31 mpg for vans": what it applies to
            for target in nxt.children:
                if target.dep_ == "pobj" and target.tag_ in _NOUNS:
                    yield _np_span(doc, target, keep_preps=False)
        subj = _inner_subject(anchor, head) or _nearest_subject(head)
        if subj is not None:
            span = _np_span(doc, subj)
            lead = doc_text(doc)[span.start : q.start].split()
            noun = doc[first.noun_token] if first.noun_token is not None else None
            if q.noun is not None and span.start <= q.start < span.end and len(lead) <= 1:
                subj = None  # "12,000 staff lost their posts": the count is the subject
            elif noun is not None and noun.dep_ == "conj" and noun.head.i == subj.i:
                subj = None  # "... and 86 inbound flights were delayed": so is its conjunct
        if subj is not None:
            # "ITU data shows 100%": the body of evidence is the source, not the thing measured
            evidence = source is not None and " " in (source.cue or "") and (
                span.start <= source.start < span.end or subj.lower_ in self._data_nouns)
            if not evidence:
                yield span
        if head.tag_.startswith("NN") and head.i < anchor.i:
            yield _np_span(doc, head, keep_preps=False)  # a fragment: "floor area = 32 m2"
        opening = ctx.token_from(doc, q.start)
        before = doc[opening.i - 1] if opening is not None and opening.i > 0 else None
        if before is not None and before.lower_ in _COPULAS and anchor.head.i != before.i:
            # "life expectancy is around 73" where the parser hung 73 elsewhere
            copula_subject = _subject_of(before)
            if copula_subject is not None and copula_subject.lower_ not in _PRONOUNS:
                yield _np_span(doc, copula_subject)
        if q.noun is not None:
            return  # a count names what it counts: "the two sides" needs no other subject
        token = anchor
        for _ in range(4):
            if token.head.i == token.i:
                break
            token = token.head
            if token.tag_ in ("NN", "NNS", "NNP", "NNPS") and token.i > anchor.i and not (
                    q.start <= token.idx < q.end):
                yield _np_span(doc, token, skip=skip)
                return

    def _source(self, doc: Doc, head: Token, sent: SpacySpan) -> Source | None:
        text = doc_text(doc)
        # "according to the Ministry" (the text test spares a walk over every sentence)
        for tok in sent if "ccording to" in text[sent.start_char : sent.end_char] else ():
            if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
                to = doc[tok.i + 1]
                pobj = [c for c in to.children if c.dep_ == "pobj"]
                if pobj:
                    span = _np_span(doc, pobj[0], keep_preps=True)
                    return Source(span.start, span.end, span.text, "according to")
        # "the company said" / "X told Reuters" governing the clause
        token = head
        came_by = "ccomp"
        for _ in range(4):
            # The clause's own verb attributes only if it is a reporting verb ("the firm
            # reported profits of $5m"); a verb above it only if the claim is its complement
            # ("the firm said profits rose"), not "posted a profit of $3bn, up 27%".
            speech = self._reporting if token is head else (
                self._speech if came_by in ("ccomp", "parataxis", "xcomp", "conj") else ())
            if token.lower_ in speech and token.tag_.startswith("VB"):
                subj = _subject_of(token)
                if subj is not None:
                    span = _np_span(doc, subj)
                    return Source(span.start, span.end, span.text, token.lower_)
            if token.lower_ in self._data_verbs and token.tag_.startswith("VB") and (
                    not token.lower_.startswith("put") or _has_prep(token, "at")):
                subj = _subject_of(token)
                if subj is not None:
                    return self._data_source(doc, subj, token)
            if token.head.i == token.i:
                break
            came_by = token.dep_
            token = token.head
        # "..., the company said." parsed with the speech verb as a child of our clause
        for child in head.children:
            if child.dep_ in ("parataxis", "ccomp", "advcl") and child.lower_ in self._speech:
                subj = _subject_of(child)
                if subj is not None:
                    span = _np_span(doc, subj)
                    return Source(span.start, span.end, span.text, child.lower_)
        return None

    def _data_source(self, doc: Doc, subj: Token, verb: Token) -> Source:
        """ "ITU data shows": the source is ITU, the cue "data shows"."""
        text = doc_text(doc)
        if subj.lower_ in self._data_nouns:
            for child in subj.children:
                if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                    pobj = [c for c in child.children if c.dep_ == "pobj"]
                    if pobj:
                        span = _np_span(doc, pobj[0])
                        return Source(span.start, span.end, span.text,
                                      f"{subj.text} {verb.text}".lower())
            mods = [c for c in subj.lefts if c.dep_ in ("compound", "poss", "nmod", "amod")
                    and c.tag_ in ("NNP", "NNPS", "NN", "NNS")]
            if mods:
                first = min(t.left_edge.i for t in mods)
                last = max(t.i for t in mods)
                s, e = doc[first].idx, doc[last].idx + len(doc[last])
                if doc[last].tag_ == "POS" or text[s:e].endswith("'s"):
                    e -= 2
                return Source(s, e, text[s:e], f"{subj.text} {verb.text}".lower())
        span = _np_span(doc, subj)
        return Source(span.start, span.end, span.text, verb.lower_)

    def _first_hedge(self, doc: Doc, start: int, end: int) -> regex.Match[str] | None:
        """The first hedge word that is not a name: "May" the month is tagged NNP."""
        assert self._hedge is not None
        text = doc_text(doc)
        for match in self._hedge.finditer(text, start, end):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and len(span) and (span[0].tag_ in ("NNP", "NNPS")
                                                   or span[0].ent_type_ in ("DATE", "TIME")):
                continue
            return match
        return None

    def _hedge_in(self, doc: Doc, head: Token, start: int, end: int) -> Span | None:
        """A hedge inside the clause, or the verb the clause hangs on ("analysts estimate
        that ...", "is expected to ...")."""
        if self._hedge is None:
            return None
        text = doc_text(doc)
        match = self._first_hedge(doc, start, end)
        if match is not None:
            return Span.of(text, *match.span())
        governor = head.head
        if head.dep_ in ("ccomp", "xcomp") and governor is not head:
            lo = governor.idx
            for child in governor.children:
                if child.dep_ in ("aux", "auxpass") and child.i < governor.i:
                    lo = min(lo, child.idx)
            match = self._first_hedge(doc, lo, governor.idx + len(governor) + 3)
            if match is not None:
                return Span.of(text, *match.span())
        return None


# ---------------------------------------------------------------------- parse helpers


def _clause_head(token: Token) -> Token:
    """The nearest verb-like head that opens a clause, walking up from the quantity."""
    current = token
    for _ in range(30):
        if current.dep_ in _CLAUSE_DEPS and (current.tag_.startswith("VB") or
                                             current.dep_ == "ROOT" or current.tag_ == "MD"):
            if current.dep_ == "xcomp" or (current.dep_ == "conj" and
                                           not current.tag_.startswith("VB")):
                pass
            else:
                return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def _clause_extent(doc: Doc, head: Token, anchors: set[int],
                   sent: SpacySpan) -> tuple[int, int]:
    """Char extent of the clause: the head's subtree without the sibling clauses and the
    attribution ("according to ...") that do not hold the claim's quantities."""
    cut: set[int] = set()
    for child in head.children:
        drop = child.dep_ in _SPLIT_DEPS or child.dep_ == "cc" or (
            child.lower_ == "according")
        if drop:
            sub = range(child.left_edge.i, child.right_edge.i + 1)
            if not any(a in sub for a in anchors):
                cut.update(sub)
    # The (projective) subtree spans left_edge..right_edge; keep the contiguous run around the
    # head, by index, without building Token objects.
    first = max(head.left_edge.i, sent.start)
    last = min(head.right_edge.i, sent.end - 1)
    lo = hi = head.i
    while lo - 1 >= first and lo - 1 not in cut:
        lo -= 1
    while hi + 1 <= last and hi + 1 not in cut:
        hi += 1
    for a in anchors:
        lo, hi = min(lo, a), max(hi, a)
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, commas, dashes and conjunctions from the edges of a clause."""
    edge = " \t\r\n,;:-–—"
    while start < end and text[start] in edge:
        start += 1
    while end > start and text[end - 1] in edge:
        end -= 1
    for word in ("and ", "but ", "or ", "while ", "whereas ", "that "):
        if text[start:end].lower().startswith(word):
            start += len(word)
    return start, end


def _nearest_subject(head: Token) -> Token | None:
    """The clause's subject, or the nearest one above it when the clause has none or only a
    pronoun: "Acme announced plans to cut 1,200 staff" -> Acme; "The firm said it has..."
    -> The firm; a "they" with a plural noun before it stands for that noun."""
    token = head
    for _ in range(4):
        subj = _subject_of(token)
        if subj is not None and subj.lower_ in ("that", "which", "who") and (
                token.dep_ == "relcl" and token.head.tag_.startswith("NN")):
            return token.head  # "a drone that can fly 60km/h": the relative's antecedent
        if subj is not None and subj.lower_ not in _PRONOUNS:
            return subj
        antecedent = _antecedent(subj) if subj is not None and token is head else None
        if antecedent is not None:
            return antecedent
        if token.head.i == token.i:
            break
        token = token.head
    return None


def _qualified_noun(ctx: _DocContext, token: Token) -> Token | None:
    """The common noun a modifier chain leads to ("25%" -> "premium"), past the unit of a
    conversion beside it ("a 9-mile (14.5 km) trek")."""
    for _ in range(4):
        if token.head.i <= token.i or token.dep_ not in _MODIFIER_DEPS:
            return None
        token = token.head
        bracketed_unit = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ")" \
            and any(a <= token.idx < b for a, b in ctx.quantity_spans)
        if token.tag_ in ("NN", "NNS") and not bracketed_unit:
            return token
    return None


def _inner_subject(anchor: Token, head: Token) -> Token | None:
    """The subject of a verb phrase nested below the clause head, on the way up from the
    quantity: "with exports climbing 9%", "with tea prices expected to rise 3%"."""
    token = anchor
    for _ in range(8):
        if token.tag_.startswith("VB"):
            subj = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                # the head's own subject, or a pronoun's referent, is _nearest_subject's to find
                ok = subj.lower_ not in _PRONOUNS and token.i != head.i
                return subj if ok else None
            if token.dep_ == "acl" and token.tag_ in ("VBG", "VBN") and (
                    token.head.i < token.i and token.head.tag_ in _NOUNS):
                return token.head  # a participle on its noun: "imports falling by 2%"
        if token.i == head.i or token.head.i == token.i:
            return None
        token = token.head
    return None


def _measured_after(doc: Doc, ctx: _DocContext, q: Quantity) -> Token | None:
    """What an amount's unit measures, named after it: "3.4 gigawatts of capacity", "8 miles
    (13 km) of new track", and for money "$40m in funding"."""
    nxt = ctx.token_from(doc, q.end)
    if nxt is not None and nxt.text == "(":
        close = next((t for t in doc[nxt.i : nxt.i + 8] if t.text == ")"), None)
        nxt = doc[close.i + 1] if close is not None and close.i + 1 < len(doc) else None
    if nxt is None or nxt.head.i > nxt.i:
        return None
    if nxt.lower_ == "of" or (nxt.lower_ == "in" and _is_money(q.unit)):
        for child in nxt.children:
            if child.dep_ == "pobj" and child.tag_ in ("NN", "NNS") and not child.ent_type_:
                return child
    return None


def _phrase_root(doc: Doc, q: Quantity, anchor: Token) -> Token:
    """The quantity's token that hangs outside it: "cents" in "9 cents per share"."""
    token = anchor
    for _ in range(6):
        head = token.head
        if head.i == token.i or not (q.start <= head.idx < q.end):
            return token
        token = head
    return token


# Prepositions that give a verb's object a size or a level: "cut its forecast to 3%", "grew
# sales by 5%", "bought the house for $2m".
_LEVEL_PREPS = frozenset({"to", "by", "from", "for", "at"})


def _changed_object(root: Token, q_unit: str | None) -> Token | None:
    """The direct object of the verb whose "to/by/from/for/at" phrase holds the quantity, or
    the subject or object noun that phrase hangs on."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in _LEVEL_PREPS or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.tag_ in _NOUNS and verb.i < root.i and verb.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return verb  # "cut its sales outlook from 6% to 4%"
    if not verb.tag_.startswith("VB") or (prep.lower_ == "for" and not _is_money(q_unit)):
        return None  # "produce oil for 25 years": a duration, not a price
    for child in verb.children:
        if child.dep_ == "dobj" and child.tag_ in _NOUNS and child.i < root.i:
            return child
    return None


def _paid_for(root: Token, q_unit: str | None, price_verbs: frozenset[str]) -> Token | None:
    """What a sum paid or charged is for: "paid $4,200 for tickets", "charged a total of
    £40 for delivery"."""
    if not _is_money(q_unit):
        return None
    obj = root
    if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ == "dobj":
        obj = obj.head.head  # "a total of $40"
    if obj.dep_ != "dobj" or obj.head.lower_ not in price_verbs:
        return None
    for holder in (obj, obj.head):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "for" and prep.i > root.i and (
                    not _names_time(prep)):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.tag_ in _NOUNS:
                        return pobj
    return None


def _restates(text: str, prev: Quantity, q: Quantity) -> bool:
    """The same thing again right after another amount: a conversion ("$1.2bn (£950m)") or
    the level after a move ("down 14p at 310p", "up 5% to $84", "from 6% to 4%")."""
    gap = text[prev.end : q.start].strip()
    if gap in ("(", "[", "/", "or"):
        return prev.unit != q.unit
    return gap in ("at", "to") and (prev.change is not None or prev.unit == q.unit)


def _antecedent(pronoun: Token) -> Token | None:
    """What "they" stands for: the nearest plural noun before it in its sentence that is a
    subject or object ("sent the shares up, and they closed 8% higher")."""
    if pronoun.lower_ != "they":
        return None
    doc = pronoun.doc
    for i in range(pronoun.i - 1, -1, -1):
        tok = doc[i]
        if tok.tag_ in ("NNS", "NNPS") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return tok
        if tok.is_sent_start:
            break
    return None


def _subject_of(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in _SUBJECT_DEPS and child.dep_ != "expl":
            return child
    # a conjoined verb shares its subject: "profits rose 5% and topped forecasts"
    if token.dep_ == "conj" and token.head.i != token.i:
        for child in token.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    if token.dep_ in ("xcomp", "aux") and token.head.i != token.i:
        return _subject_of(token.head)
    return None


def _np_span(doc: Doc, token: Token, *, keep_preps: bool = True,
             skip: tuple[int, int] | None = None) -> Span:
    """A noun phrase without relative clauses, appositions, trailing punctuation and (``skip``)
    the quantity itself: "100 percent coverage" gives "coverage"."""
    lo, hi = token.i, token.i
    kept: list[Token] = []
    dropped: list[Token] = []
    for child in token.children:
        if child.dep_ in ("punct", "cc"):
            continue  # never a phrase's edge; a hyphen ("fuel-economy") sits inside it
        if _bracketed_short_name(doc, child):
            kept.append(child)  # "Brent Crude Oil (BCO)": the name's own short form
        elif child.dep_ in _SUBJECT_DROP or (
                child.i > token.i and child.tag_ in ("VBG", "VBN")):
            dropped.append(child)  # also a participle after the noun: "the layoffs, equal to"
        elif child.dep_ == "prep" and (not keep_preps or child.lower_ in ("including", "like")
                                       or _names_time(child)):
            dropped.append(child)  # "revenue in the quarter": the time goes to the claim's time
        else:
            kept.append(child)
    # a kept child beyond a dropped one would bring the dropped words back in between
    right_stop = min((c.left_edge.i for c in dropped if c.i > token.i), default=len(doc))
    left_stop = max((c.right_edge.i for c in dropped if c.i < token.i), default=-1)
    for child in kept:
        if left_stop < child.left_edge.i and child.right_edge.i < right_stop:
            lo = min(lo, child.left_edge.i)
            hi = max(hi, child.right_edge.i)
    if token.dep_ in ("nsubj", "nsubjpass"):
        # a name the parser cut into sibling subjects: "Ben - Moshe", "The base | Pixel 8"
        while hi + 1 < len(doc) and doc[hi + 1].dep_ == token.dep_ and (
                doc[hi + 1].head.i == token.head.i and doc[hi + 1].left_edge.i == hi + 1):
            hi = doc[hi + 1].right_edge.i
    while hi > lo and (doc[hi].is_punct or doc[hi].tag_ in ("CC", "POS")):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].tag_ == "CC"):
        lo += 1
    if _bracketed_short_name(doc, doc[hi]):
        hi += 1  # its closing bracket
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
    if skip is not None and start < skip[1] <= token.idx:
        # drop the quantity and what precedes it: "100 percent mobile coverage" -> "mobile..."
        rest = [t for t in doc[lo : hi + 1] if t.idx >= skip[1] and not t.is_punct]
        if rest:
            start = rest[0].idx
    return Span.of(doc_text(doc), start, end)


def _bracketed_short_name(doc: Doc, child: Token) -> bool:
    """An acronym or ticker in brackets right after a name: "(BCO)", "(F)"."""
    return (child.dep_ == "appos" and child.tag_ in ("NNP", "NNPS")
            and child.left_edge.i == child.right_edge.i == child.i
            and 0 < child.i < len(doc) - 1 and doc[child.i - 1].text == "("
            and doc[child.i + 1].text == ")")


def _span_root(doc: Doc, ctx: _DocContext, span: Span) -> Token | None:
    """The token the rest of a span hangs on."""
    root = ctx.token_from(doc, span.start)
    if root is None:
        return None
    for _ in range(8):
        if root.head.i == root.i or not (span.start <= root.head.idx < span.end):
            break
        root = root.head
    return root


def _possessor(doc: Doc, ctx: _DocContext, subject: Span) -> Span | None:
    """A named possessor the subject span left out: "the Vexa Pro's" before "6.4-inch
    screen". Possessive pronouns ("its") give None: the clause's subject says whose."""
    root = _span_root(doc, ctx, subject)
    if root is None:
        return None
    for child in root.children:
        if child.dep_ == "poss" and child.tag_ != "PRP$" and child.idx + len(child) <= (
                subject.start):
            return _clean_subject(doc, ctx, _np_span(doc, child, keep_preps=False))
    return None


def _names_time(prep: Token) -> bool:
    """A prepositional phrase that only dates: "in May", "between 2014 and 2017", "in the
    quarter"."""
    return all(t.ent_type_ in ("DATE", "TIME") or _YEAR.fullmatch(t.text) is not None
               or t.lower_ in _PERIOD_NOUNS
               for t in prep.subtree
               if t is not prep and not t.is_punct and t.tag_ not in ("DT", "CC"))


def _market_name(doc: Doc, ctx: _DocContext, q: Quantity) -> Span | None:
    """Market-report shorthand names what moved right next to the amount: "Blackmores up
    9.4%", "FTSE +0.4%", "dragged the energy sector 1.2% lower"."""
    text = doc_text(doc)
    plus = q.start > 0 and text[q.start - 1] == "+"
    i = bisect.bisect_left(ctx.starts, q.start - 1 if plus else q.start) - 1
    if i < 0:
        return None
    before = doc[i]
    after = ctx.token_from(doc, q.end)
    if plus:
        noun = before
    elif before.lower_ in ("up", "down") and before.i > 0:
        noun = doc[before.i - 1]
        if noun.text == "," and noun.i > 0 and doc[noun.i - 1].tag_ in ("NNP", "NNPS"):
            noun = doc[noun.i - 1]  # a round-up list: "Acme Group, down 8p at 112p"
    elif before.text == "(" and before.i > 0 and doc[before.i - 1].tag_ in ("NNP", "NNPS"):
        noun = doc[before.i - 1]  # a figure in brackets after a name: "Jo Park (12 goals)"
    elif after is not None and after.lower_ in ("higher", "lower") and before.tag_ in _NOUNS:
        noun = before
    elif before.lower_ == "by" and _gapped_name(doc, before.i - 1):
        noun = doc[before.i - 1]  # a gapped list: "Acme fell 2.3%, Bolt by 2.6%"
    else:
        return None
    if noun.tag_ == "CD" and noun.i > 0 and doc[noun.i - 1].tag_ in ("NNP", "NNPS"):
        lo = noun.i - 1  # a name with a number: "FTSE 100 +0.4%"
    elif noun.tag_ not in _NOUNS:
        return None
    else:
        lo = noun.i
    while lo > 0 and doc[lo - 1].tag_ in _NOUNS | {"JJ"} and doc[lo - 1].dep_ in (
            "compound", "amod", "nmod"):
        lo -= 1
    return Span.of(doc_text(doc), doc[lo].idx, noun.idx + len(noun))


def _has_prep(token: Token, word: str) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == word for c in token.children)


def _gapped_name(doc: Doc, i: int) -> bool:
    """A name that opens a list item with its verb left out: ", Bolt" or "and Bolt"."""
    if i < 1 or doc[i].tag_ not in ("NNP", "NNPS"):
        return False
    while i > 0 and doc[i - 1].tag_ in ("NNP", "NNPS"):
        i -= 1
    return i > 0 and doc[i - 1].lower_ in (",", "and")


def _clean_subject(doc: Doc, ctx: _DocContext, span: Span) -> Span | None:
    """A subject without any quantity in it and with at least one noun, else None:
    "MacBook Pro 16 inch" -> "MacBook Pro"; "Just 1 percent" -> None."""
    text = doc_text(doc)
    start, end = span.start, span.end
    for q_start, q_end in ctx.quantity_spans:
        if q_start < end and start < q_end:
            if q_start > start:
                end = q_start  # keep the words before the quantity
            elif q_end < end:
                start = q_end  # keep the words after it
            else:
                return None
    while end > start and text[end - 1] in " ,;:(-–+":
        end -= 1
    if text[start:end].endswith(("'s", "’s")) and end - start > 2:
        end -= 2  # "Microsoft's two tools": the owner, without the possessive
    while True:  # "Bankers from the [two countries]": no dangling function words
        last = ctx.token_ending(doc, end)
        if last is None or last.idx <= start or last.tag_ not in _DANGLING_TAGS:
            break
        end = len(text[: last.idx].rstrip())
    while start < end and text[start] in " ,;:)-–":
        start += 1
    while True:  # "[Between 2010 and 2020] average rents": the date is the claim's time;
        # "Quarterly" (an adjective) stays: "Quarterly profits" is what is measured
        first = ctx.token_from(doc, start)
        if first is None or first.idx >= end or not (
                (first.ent_type_ in ("DATE", "TIME") and first.tag_ in ("CD", "NN", "NNP"))
                or _YEAR.fullmatch(first.text)
                or (first.tag_ in ("CC", "IN", "POS") and first.idx > span.start)):
            break
        start = first.idx + len(first)
        while start < end and text[start] == " ":
            start += 1
    if "(" in text[start:end] and ")" not in text[start:end]:
        end = len(text[: text.index("(", start)].rstrip())  # "the committee (MPC": no stray "("
    if end <= start or end - start > _MAX_SUBJECT_CHARS:
        return None  # a long stretch is a parse accident, not a noun phrase
    first = ctx.token_from(doc, start)
    if first is None:
        return None
    i = first.i
    while i < len(doc) and doc[i].idx < end:
        tok = doc[i]
        # a noun, a gerund as subject ("Borrowing rose"), or a name the tagger missed ("OHSU"
        # as JJ); a date is the claim's time
        if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _PERIOD_NOUNS:
            pass  # "year over year", "the quarter"
        elif tok.tag_.startswith("NN") or tok.ent_type_ or (
                tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "csubj")
                and not _before_noun(doc, tok)) or (
                tok.tag_ in ("JJ", "FW", "VBN") and tok.text[:1].isupper() and tok.i > 0
                and not doc[tok.i - 1].is_sent_start):
            return Span.of(text, start, end)
        i += 1
    return None


def _before_noun(doc: Doc, token: Token) -> bool:
    """A word before a noun or adjective: "Struggling [Japanese car maker]" is no gerund."""
    return token.i + 1 < len(doc) and doc[token.i + 1].tag_ in _NOUNS | {"JJ", "CD"}


def _holds_quantity(ctx: _DocContext, token: Token) -> bool:
    """Whether a quantity lies inside the token's phrase ("for four fillets")."""
    start, last = token.left_edge, token.right_edge
    end = last.idx + len(last)
    return any(start.idx <= a and b <= end for a, b in ctx.quantity_spans)


def _overlaps_any(span: Span, quantities: list[Quantity]) -> bool:
    return any(q.start < span.end and span.start < q.end for q in quantities)


def _kind(doc: Doc, quantities: tuple[Quantity, ...], start: int, end: int) -> str:
    if any(q.change is not None for q in quantities):
        return "change"
    clause = doc_text(doc)[start:end]
    # "than" in "more than 60%" is a bound, not a comparison between two things
    if _COMPARISON.search(clause) and not all(q.bound != "=" for q in quantities):
        return "comparison"
    if _ONE_OF_THE_BEST.search(clause):
        return "ranking"
    if all(q.vague for q in quantities):
        return "vague"
    units = [q.unit or "" for q in quantities]
    if any(_is_money(u) for u in units):
        return "money"
    if any(u.split(_MONEY_UNITS_SUFFIX)[0] in _PERCENT_UNITS for u in units):
        return "percentage"
    # "the seventh largest carrier": a rank beside a duration or a count says more than they do
    if _ORDINAL.search(clause) and _RANKING.search(clause):
        return "ranking"
    if any(u for u in units):
        return "measure"
    return "count"


# A DATE entity is a time reference only with a number or a calendar word: spaCy also tags
# "annual" and "Quarterly" as DATE.
_DATE_WORDS = regex.compile(
    r"\d|\b(?:years?|months?|weeks?|days?|quarters?|decades?|century|today|yesterday|tomorrow|"
    r"tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec|january|february|march|april|june|july|august|september|october|november|"
    r"december|spring|summer|autumn|fall|winter|season|weekend|period|now|recently)\b",
    regex.IGNORECASE,
)
_CURRENCY_CODES = regex.compile(r"^(?:[A-Z]{3}|cent|penny|sen)(?: per .*)?$")


def _is_money(unit: str | None) -> bool:
    return bool(unit and _CURRENCY_CODES.match(unit))


def _time(doc: Doc, ctx: _DocContext, sent: SpacySpan, start: int, end: int,
          times: list[tuple[int, int]], quantities: tuple[Quantity, ...]) -> Span | None:
    """The date or period the claim refers to: a DATE/TIME entity or a year or date the
    quantity pass set aside, inside the clause first, else in the sentence."""
    text = doc_text(doc)
    candidates: list[tuple[int, int]] = []
    for s, e in ctx.dates:
        if not (sent.start_char <= s < sent.end_char):
            continue
        if any(a < e and s < b for a, b in ctx.quantity_spans):
            continue  # "three months", "30": an amount, not a date
        candidates.append((s, e))
    for s, e in times:
        if sent.start_char <= s < sent.end_char and not any(
                a <= s and e <= b for a, b in candidates):
            candidates.append((s, e))
    if not candidates:
        return None
    candidates = _join_date_ranges(text, sorted(candidates))
    inside = [c for c in candidates if start <= c[0] and c[1] <= end]
    pool = inside or candidates
    s, e = min(pool, key=lambda c: (c[0] < start or c[1] > end, c[0]))
    return Span.of(text, s, e)


_RANGE_OPEN = regex.compile(r"(?i)(?:between|from)\b")
_RANGE_LINK = regex.compile(r"(?i)\s+(?:and|to)\s+|\s*[-–]\s*")


def _join_date_ranges(text: str, dates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One period where the tagger cut "between 2010 and 2020" after its first date."""
    joined: list[tuple[int, int]] = []
    for s, e in dates:
        if joined and _RANGE_OPEN.match(text, joined[-1][0]) and _RANGE_LINK.fullmatch(
                text, joined[-1][1], s):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined


__all__ = ["ClaimExtractor"]
