"""Quotations: direct, mixed and reported speech, with cue and speaker."""

from claimx.extractors.quotes.extractor import QuoteExtractor

__all__ = ["QuoteExtractor"]
