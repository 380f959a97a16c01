"""The plain values the rule loader produces and the matcher reads: rules and their errors.

The lowest module of ``claimx.rules``: it imports nothing from claimx, so the loader, the
column schemas and the matcher can all use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

# The letters a rule's "flags" key may hold, and the regex flag each one sets. The one place
# claimx maps rule flags to compiled-regex flags.
REGEX_FLAGS = {"i": regex.IGNORECASE}


class PatternError(ValueError):
    """A pattern file is malformed; the message starts with ``path:line``."""


@dataclass(frozen=True)
class Rule:
    """One line of a ``.jsonl`` rule file."""

    label: str
    where: str  # "path:line", for error messages and tests
    pattern: list[dict[str, Any]] | str | None = None
    regex: str | None = None
    id: str = ""
    example: str | None = None
    flags: str = ""  # regex flags: "i" ignores case
    extra: tuple[tuple[str, str], ...] = ()  # keys the family's schema.json adds

    def get(self, key: str, default: str | None = None) -> str | None:
        """The value of a key the family's ``schema.json`` declares beyond the standard ones."""
        return dict(self.extra).get(key, default)


def regex_flags(flags: str) -> int:
    """The compiled-regex flags of a rule's ``flags`` letters ("i" ignores case)."""
    value = 0
    for letter in flags:
        value |= REGEX_FLAGS[letter]
    return value


def compile_rule_regex(rule: Rule) -> regex.Pattern[str]:
    """A regex rule's compiled expression, with the rule's flags."""
    if rule.regex is None:
        raise ValueError(f"{rule.where}: not a regex rule")
    return regex.compile(rule.regex, regex_flags(rule.flags))
