"""Role phrases ("the president") resolved to the titled person on demand; role phrases are
not name mentions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from claimx.models import Entity

_ROLE = re.compile(r"^(?:the\s+)?((?:[A-Za-z]+\s+){0,2}[A-Za-z]+)$", re.IGNORECASE)
# How far before a mention its title may start ("Deputy Foreign Minister Ana Ruiz").
TITLE_REACH = 40


def resolve_role(
    text: str, start: int, end: int, entities: Sequence[Entity]
) -> Entity | None:
    """The person a role noun phrase refers to: "the president" at ``text[start:end]`` is the
    PERSON the article last introduced with that title ("President Ana Ruiz") before it.

    Entity mentions never include role phrases (a name list is names), so quote and claim
    extractors call this to resolve a speaker or source written as a role.
    """
    match = _ROLE.match(" ".join(text[start:end].split()))
    if not match:
        return None
    role = match.group(1).lower()
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.label != "PERSON":
            continue
        for mention in entity.mentions:
            if mention.start >= start:
                break
            before = text[max(0, mention.start - TITLE_REACH):mention.start]
            if " ".join(before.split()).lower().endswith(role) and (
                best is None or mention.start > best[0]
            ):
                best = (mention.start, entity)
    return best[1] if best else None
