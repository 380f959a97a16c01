"""Quantified claims: the clause that states a quantity, its subject, source and time."""

from claimx.extractors.claims.extractor import ClaimExtractor

__all__ = ["ClaimExtractor"]
