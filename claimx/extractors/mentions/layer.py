"""The mention layer of one document: built by the first extractor that needs it and kept on
the Doc, so quotes and claims resolve the same words through the same resolver and can never
name two different people for one mention."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimx.extractors.mentions.resolver import MentionResolver, Regions
from claimx.extractors.mentions.words import MentionWords

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.models import Entity, Furniture

# The key of the layer in ``Doc.user_data`` (a plain dict every Doc has, so no extension
# needs registering at import time).
LAYER_KEY = "claimx_mentions"


def document_mentions(
    doc: Doc,
    entities: Sequence[Entity],
    *,
    words: MentionWords,
    quoted: Sequence[tuple[int, int]] = (),
    furniture: Sequence[Furniture] = (),
) -> MentionResolver:
    """The document's mention layer, built on the first call and the same object after.

    ``quoted``: character ranges (quotations) whose names no pronoun outside may refer to;
    only the first call's ranges count, so the quote extractor, which knows them, builds it.
    Names inside ``furniture`` (a wire tag, a byline) are no one's mention.
    """
    layer = doc.user_data.get(LAYER_KEY)
    if isinstance(layer, MentionResolver):
        return layer
    regions = Regions(quoted=quoted, furniture=[(f.start, f.end) for f in furniture])
    layer = MentionResolver(doc, entities, words=words, regions=regions)
    doc.user_data[LAYER_KEY] = layer
    return layer


def release_mentions(doc: Doc) -> None:
    """Drop the document's layer once its records are made: the layer refers back to the
    Doc, and a run over many documents should not wait on the cycle collector for either."""
    doc.user_data.pop(LAYER_KEY, None)
