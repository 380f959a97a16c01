"""Find, read and validate claimx's rule data.

Rules are data, grouped by file stem: the built-in ``units.jsonl`` and a user's
``units.jsonl`` both add to the rule set "units". Three formats:

- ``*.jsonl``: spaCy ruler lines ``{"label", "pattern", "id"}`` where ``pattern`` is a token
  list (Matcher) or a phrase string (PhraseMatcher), or ``{"label", "regex", "id"}`` with a
  regular expression compiled by ``regex``. ``example`` (a text the rule must fire on),
  ``comment`` and ``flags`` are optional; the family's ``schema.json`` declares the labels a
  rule file takes and any keys of its own. Unknown keys are rejected by name. Rule lines
  only: a note goes in a ``"comment"`` key.
- ``*.txt``: a word list, one entry a line, ``#`` starts a comment.
- ``*.tsv``: a table, tab-separated; its first row declares the columns (``claimx.rules.columns``)
  and every row is checked against them. ``#`` starts a comment.

A user's file removes a built-in entry with a line ``-word`` (``.txt``), a row ``-key``
(``.tsv``: every row whose first column is ``key``) or a rule ``{"remove": "<id>"}``
(``.jsonl``: every rule with that id); ``\\-`` starts an entry that really begins with a dash.
A user's file must have the stem and suffix of a built-in file. Every error names
``path:line``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from claimx.rules.columns import Columns, looks_like_header, parse_header
from claimx.rules.matcher import RuleMatcher
from claimx.rules.model import REGEX_FLAGS, PatternError, Rule, regex_flags
from claimx.rules.schema import RuleSchema, read_schemas

__all__ = ["PatternError", "PatternSet", "Rule", "RuleMatcher", "builtin_dir", "load_patterns"]

RULE_KEYS = frozenset({"label", "pattern", "regex", "id", "example", "comment", "flags"})
REMOVE_KEYS = frozenset({"remove", "comment"})
SUFFIXES = (".jsonl", ".txt", ".tsv")
REMOVE = "-"
ESCAPED_REMOVE = "\\-"
Cell = str | int | float | None


@dataclass
class PatternSet:
    """All rule data by name (file stem): rules, word lists and tables."""

    rules: dict[str, list[Rule]] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)
    tables: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    columns: dict[str, Columns] = field(default_factory=dict)
    schemas: dict[str, RuleSchema] = field(default_factory=dict)

    def rules_for(self, name: str) -> list[Rule]:
        return self.rules.get(name, [])

    def word_list(self, name: str, *, lower: bool = True) -> frozenset[str]:
        entries = self.words.get(name, [])
        return frozenset(w.lower() for w in entries) if lower else frozenset(entries)

    def table(self, name: str) -> list[tuple[str, ...]]:
        """A table's rows as strings, as written (an empty optional cell is "")."""
        return self.tables.get(name, [])

    def rows(self, name: str) -> list[dict[str, Cell]]:
        """A table's rows keyed by column name, typed as the header declares (an int or float
        column gives numbers; an empty optional cell gives None)."""
        columns = self.columns.get(name)
        if columns is None:
            return []
        return [columns.typed(row) for row in self.table(name)]


def builtin_dir() -> Path:
    """The built-in pattern folder: inside the installed wheel, else the source checkout's."""
    packaged = resources.files("claimx") / "_patterns"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "patterns"


def load_patterns(extra: Sequence[str | Path] = (), *, builtin: bool = True) -> PatternSet:
    """Read the built-in pattern files, then each extra file or folder, into one PatternSet.

    With ``builtin=False`` (tests) no file is built in, so any stem is accepted.
    """
    patterns = PatternSet()
    known: dict[str, Path] = {}
    if builtin:
        folder = builtin_dir()
        if not folder.is_dir():
            raise PatternError(f"{folder}: built-in pattern folder is missing")
        patterns.schemas = read_schemas(folder)
        for path in _pattern_files([folder]):
            _read_file(path, patterns, builtin=True)
            known[path.stem] = path
        _check_schemas_cover(patterns, known)
    for path in _pattern_files(Path(p) for p in extra):
        _read_file(path, patterns, builtin=False)
        if builtin:
            _check_known(path, known)
    return patterns


def _check_known(path: Path, known: dict[str, Path]) -> None:
    """A user's file must add to a built-in file: claimx reads no other name."""
    own = known.get(path.stem)
    if own is not None and own.suffix == path.suffix:
        return
    names = ", ".join(sorted(p.name for p in known.values()))
    raise PatternError(f"{path}: claimx reads no pattern file named {path.name}; "
                       f"it reads: {names}")


def _check_schemas_cover(patterns: PatternSet, known: dict[str, Path]) -> None:
    for name in patterns.rules:
        if name not in patterns.schemas:
            raise PatternError(f"{known[name]}: rule file not declared in its folder's schema.json")


def _pattern_files(sources: Iterable[Path]) -> Iterator[Path]:
    for source in sources:
        if source.is_dir():
            yield from sorted(
                p
                for p in source.rglob("*")
                if p.is_file() and p.suffix in SUFFIXES and not p.name.startswith(".")
            )
        elif source.is_file():
            if source.suffix not in SUFFIXES:
                raise PatternError(f"{source}: unknown pattern file type (use {SUFFIXES})")
            yield source
        else:
            raise PatternError(f"{source}: no such pattern file or folder")


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines without comments and blank lines (a JSONL file has no comments)."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\r\n")
            if path.suffix == ".jsonl":
                if line.lstrip().startswith("#"):
                    raise PatternError(f"{path}:{number}: a JSONL file holds rule lines only "
                                       "(put a note in a \"comment\" key)")
            else:
                # An inline comment needs a space before "#", so entries like "C#" survive.
                line = regex.sub(r"(^|\s)#.*$", "", line)
            if line.strip():
                yield number, line


def _read_file(path: Path, patterns: PatternSet, *, builtin: bool) -> None:
    patterns.files.append(path)
    if path.suffix == ".txt":
        _read_words(path, patterns.words.setdefault(path.stem, []))
    elif path.suffix == ".tsv":
        _read_table(path, patterns, builtin=builtin)
    else:
        _read_rules(path, patterns)


def _removal(entry: str) -> tuple[bool, str]:
    """Is the entry a removal line, and the entry it names (an escaped dash kept)?"""
    if entry.startswith(ESCAPED_REMOVE):
        return False, entry[1:]
    if entry.startswith(REMOVE):
        return True, entry[len(REMOVE):].strip()
    return False, entry


def _read_words(path: Path, words: list[str]) -> None:
    for number, line in _lines(path):
        where = f"{path}:{number}"
        if "\t" in line:
            raise PatternError(f"{where}: a word list holds one entry a line, no tabs")
        remove, entry = _removal(line.strip())
        if not entry:
            raise PatternError(f"{where}: a removal line names no entry")
        if not remove:
            words.append(entry)
        elif entry in words:
            words[:] = [w for w in words if w != entry]
        else:
            raise PatternError(f"{where}: removes {entry!r}, which no earlier file lists")


def _read_table(path: Path, patterns: PatternSet, *, builtin: bool) -> None:
    name = path.stem
    table = patterns.tables.setdefault(name, [])
    declared = patterns.columns.get(name)
    for number, line in _lines(path):
        where = f"{path}:{number}"
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if looks_like_header(cells) and not table and declared is None:
            declared = _header(cells, where)
            patterns.columns[name] = declared
            continue
        if looks_like_header(cells):
            if declared is not None and _header(cells, where) != declared:
                raise PatternError(f"{where}: the header differs from the built-in one: "
                                   f"{declared.header}")
            continue
        if declared is None:
            raise PatternError(f"{where}: a table starts with a header row of name:type columns")
        _table_row(cells, declared, table, where)
    if builtin and declared is None:
        raise PatternError(f"{path}: a table starts with a header row of name:type columns")


def _header(cells: Sequence[str], where: str) -> Columns:
    try:
        return parse_header(cells)
    except ValueError as err:
        raise PatternError(f"{where}: {err}") from None


def _table_row(cells: tuple[str, ...], columns: Columns, table: list[tuple[str, ...]],
               where: str) -> None:
    remove, key = _removal(cells[0])
    if remove:
        if not key or not any(row[0] == key for row in table):
            raise PatternError(f"{where}: removes {key!r}, which no earlier row has")
        table[:] = [row for row in table if row[0] != key]
        return
    cells = (key, *cells[1:])
    problem = columns.problem(cells)
    if problem is not None:
        raise PatternError(f"{where}: {problem}")
    table.append(cells)


def _read_rules(path: Path, patterns: PatternSet) -> None:
    rules = patterns.rules.setdefault(path.stem, [])
    schema = patterns.schemas.get(path.stem)
    for number, line in _lines(path):
        where = f"{path}:{number}"
        data = _json_object(line, where)
        if "remove" in data:
            _remove_rule(data, rules, where)
        else:
            rules.append(_parse_rule(data, where, schema))


def _json_object(line: str, where: str) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise PatternError(f"{where}: not valid JSON ({err.msg})") from None
    if not isinstance(data, dict):
        raise PatternError(f"{where}: a rule must be a JSON object")
    return data


def _remove_rule(data: dict[str, Any], rules: list[Rule], where: str) -> None:
    unknown = sorted(set(data) - REMOVE_KEYS)
    if unknown:
        raise PatternError(f"{where}: a removal takes only \"remove\" (and \"comment\"), "
                           f"not {', '.join(unknown)}")
    target = data["remove"]
    if not isinstance(target, str) or not any(rule.id == target for rule in rules):
        raise PatternError(f"{where}: removes rule id {target!r}, which no earlier rule has")
    rules[:] = [rule for rule in rules if rule.id != target]


def _parse_rule(data: dict[str, Any], where: str, schema: RuleSchema | None) -> Rule:
    own_keys = schema.keys if schema is not None else frozenset()
    unknown = sorted(set(data) - RULE_KEYS - own_keys)
    if unknown:
        raise PatternError(f"{where}: unknown key(s) {', '.join(unknown)}")
    if not isinstance(data.get("label"), str) or not data["label"]:
        raise PatternError(f"{where}: missing \"label\"")
    if schema is not None and schema.labels and data["label"] not in schema.labels:
        raise PatternError(f"{where}: label {data['label']!r} is not one of "
                           f"{', '.join(sorted(schema.labels))}")
    if ("pattern" in data) == ("regex" in data):
        raise PatternError(f"{where}: give exactly one of \"pattern\" and \"regex\"")
    for key in ("id", "example", "comment", "flags", *sorted(own_keys)):
        if key in data and not isinstance(data[key], str):
            raise PatternError(f"{where}: \"{key}\" must be a string")
    flags = data.get("flags", "")
    if set(flags) - set(REGEX_FLAGS):
        raise PatternError(f"{where}: unknown regex flags {flags!r} (only \"i\")")
    if "regex" in data:
        _validate_regex(data["regex"], flags, where)
    else:
        _validate_pattern(data["pattern"], where)
    return Rule(
        label=data["label"],
        where=where,
        pattern=data.get("pattern"),
        regex=data.get("regex"),
        id=data.get("id", ""),
        example=data.get("example"),
        flags=flags,
        extra=tuple((key, data[key]) for key in sorted(own_keys) if key in data),
    )


def _validate_regex(expression: Any, flags: str, where: str) -> None:
    try:
        regex.compile(expression, regex_flags(flags))
    except (regex.error, TypeError) as err:
        raise PatternError(f"{where}: bad regex ({err})") from None


def _validate_pattern(pattern: Any, where: str) -> None:
    if isinstance(pattern, str):
        if not pattern.strip():
            raise PatternError(f"{where}: empty phrase pattern")
        return
    if not isinstance(pattern, list) or not pattern:
        raise PatternError(f"{where}: \"pattern\" must be a phrase or a non-empty token list")
    from spacy.schemas import validate_token_pattern

    errors = validate_token_pattern(pattern)
    if errors:
        raise PatternError(f"{where}: bad token pattern: {'; '.join(map(str, errors))}")
