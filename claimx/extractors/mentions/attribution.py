"""Claims attributed through the mention layer: a claim inside a quote takes the quote's
speaker as its source (with the quote's id), and a claim's own source ("X said", "according
to X", "It said") gets the entity its mention resolves to. Both come from the document's one
mention layer, so a claim's source and the speaker of the quote around it never disagree."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from claimx.models import Claim, Quote, Source, Span, Speaker

if TYPE_CHECKING:
    from claimx.extractors.mentions.resolver import MentionResolver


def attribute_claims(claims: tuple[Claim, ...], quotes: tuple[Quote, ...],
                     layer: MentionResolver | None) -> tuple[Claim, ...]:
    """The claims with their sources resolved (``layer`` None: no parse to resolve with)."""
    contents = _attributed_contents(quotes)
    out = []
    for claim in claims:
        quoted = next((c for c in contents if _inside(claim, c[0], c[1])), None)
        if quoted is not None:
            out.append(replace(claim, source=_quote_source(claim.source, *quoted[2:])))
        elif claim.source is not None and layer is not None:
            speaker = layer.resolve_span(claim.source.start, claim.source.end)
            entity = speaker.entity if speaker is not None else None
            out.append(replace(claim, source=replace(claim.source, entity=entity)))
        else:
            out.append(claim)
    return tuple(out)


def _attributed_contents(quotes: tuple[Quote, ...]
                         ) -> list[tuple[int, int, Quote, Speaker, Span]]:
    """Each content span of a quote with a speaker mention, narrowest first: a mixed quote
    inside a report speaks for itself."""
    contents: list[tuple[int, int, Quote, Speaker, Span]] = []
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None or speaker.mention is None:
            continue
        contents.extend((s.start, s.end, quote, speaker, speaker.mention) for s in quote.content)
    return sorted(contents, key=lambda c: c[1] - c[0])


def _inside(claim: Claim, start: int, end: int) -> bool:
    """The claim's clause lies in the content ``start:end``: wholly, or with every quantity
    in it when the clause runs a character or two past the content's trimmed edge."""
    if start <= claim.start and claim.end <= end:
        return True
    return claim.start < end and start < claim.end and bool(claim.quantities) and all(
        start <= q.start < end for q in claim.quantities)


def _quote_source(own: Source | None, quote: Quote, speaker: Speaker, mention: Span
                  ) -> Source:
    """The quote's speaker as a claim's source. A source of the claim's own that holds the
    speaker's mention keeps its words ("Analysts at Northbay" for the mention "Analysts")."""
    if own is not None and own.start <= mention.start and mention.end <= own.end:
        return replace(own, entity=speaker.entity, quote=quote.id)
    cue = quote.cue.text.lower() if quote.cue is not None else None
    return Source(mention.start, mention.end, mention.text, cue, entity=speaker.entity,
                  quote=quote.id)
