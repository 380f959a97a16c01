"""claimx's rule data: find, read and validate the files in ``patterns/``, and match them."""

from claimx.rules.loader import PatternError, PatternSet, Rule, builtin_dir, load_patterns

__all__ = ["PatternError", "PatternSet", "Rule", "builtin_dir", "load_patterns"]
