"""Named entities: one record per person, organisation or place, aliases linked."""

from claimx.extractors.entities.extractor import EntityExtractor
from claimx.extractors.entities.roles import resolve_role

__all__ = ["EntityExtractor", "resolve_role"]
