"""Each family's ``schema.json``: what its ``.jsonl`` rule files may hold.

``patterns/<family>/schema.json`` maps each rule file's stem to its declaration::

    {"rules": {"units": {"labels": ["UNIT", "CURRENCY"], "keys": ["value"],
                         "comment": "..."}}}

``labels`` are the labels its rules may carry (the code branches on them, so a typo is an
error, not a rule that silently never fires); ``keys`` are string keys the family reads beyond
the standard ones. Every built-in rule file must be declared; a ``.tsv`` declares its own
columns in its header row, and a ``.txt`` is a plain word list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimx.rules.model import PatternError

SCHEMA_FILE = "schema.json"
_DECLARATION_KEYS = frozenset({"labels", "keys", "comment"})


@dataclass(frozen=True)
class RuleSchema:
    """What one rule file (by stem) may hold."""

    labels: frozenset[str]
    keys: frozenset[str] = frozenset()


def read_schemas(folder: Path) -> dict[str, RuleSchema]:
    """The rule-file declarations of every ``schema.json`` under the built-in folder."""
    schemas: dict[str, RuleSchema] = {}
    for path in sorted(folder.rglob(SCHEMA_FILE)):
        for stem, declared in _rule_declarations(path).items():
            if stem in schemas:
                raise PatternError(f"{path}: rule file {stem!r} is declared twice")
            schemas[stem] = _declaration(declared, f"{path}: {stem}")
    return schemas


def _rule_declarations(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise PatternError(f"{path}:{err.lineno}: not valid JSON ({err.msg})") from None
    if not isinstance(data, dict) or set(data) - {"rules", "comment"}:
        raise PatternError(f"{path}: a schema is an object with a \"rules\" key")
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise PatternError(f"{path}: \"rules\" maps rule-file stems to declarations")
    return rules


def _declaration(declared: Any, where: str) -> RuleSchema:
    if not isinstance(declared, dict) or set(declared) - _DECLARATION_KEYS:
        raise PatternError(f"{where}: a declaration takes {', '.join(sorted(_DECLARATION_KEYS))}")
    labels = declared.get("labels", [])
    keys = declared.get("keys", [])
    for name, values in (("labels", labels), ("keys", keys)):
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise PatternError(f"{where}: \"{name}\" is a list of strings")
    return RuleSchema(frozenset(labels), frozenset(keys))
