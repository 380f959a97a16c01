"""What a claim measures (its subject) and whose that is (its owner)."""

from claimx.extractors.claims.subject.owner import find_owner
from claimx.extractors.claims.subject.strategies import STRATEGIES, find_subject

__all__ = ["STRATEGIES", "find_owner", "find_subject"]
