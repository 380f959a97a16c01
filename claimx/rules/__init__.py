"""claimx's rule data: find, read and validate the files in ``patterns/``, and match them."""

from claimx.rules.loader import PatternSet, builtin_dir, load_patterns
from claimx.rules.matcher import RuleMatcher, RuleTimeout, TextMatch
from claimx.rules.model import PatternError, Rule, compile_rule_regex, regex_flags

__all__ = [
    "PatternError",
    "PatternSet",
    "Rule",
    "RuleMatcher",
    "RuleTimeout",
    "TextMatch",
    "builtin_dir",
    "compile_rule_regex",
    "load_patterns",
    "regex_flags",
]
