"""Quantities: numbers, units, bounds, ranges and changes found in a parsed Doc."""
