"""Quantities: numbers, units, bounds, ranges and changes found in a parsed Doc."""

from claimx.extractors.quantities.finder import Found, QuantityFinder

__all__ = ["Found", "QuantityFinder"]
