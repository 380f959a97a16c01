"""Find, read and validate claimx's rule data.

Rules are data, grouped by file stem: ``quantities.jsonl`` and a user's ``quantities.jsonl``
both add to the rule set "quantities". Three formats:

- ``*.jsonl``: spaCy ruler lines ``{"label", "pattern", "id"}`` where ``pattern`` is a token
  list (Matcher) or a phrase string (PhraseMatcher), or ``{"label", "regex", "id"}`` with a
  regular expression compiled by ``regex``. ``example`` (a text the rule must fire on) and
  ``comment`` are optional. Unknown keys are rejected by name.
- ``*.txt``: a word list, one entry a line, ``#`` starts a comment.
- ``*.tsv``: a table, tab-separated columns, ``#`` starts a comment.

Every error names ``path:line``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from claimx.doc.text import doc_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

RULE_KEYS = frozenset({"label", "pattern", "regex", "id", "example", "comment", "flags"})
SUFFIXES = (".jsonl", ".txt", ".tsv")


class PatternError(ValueError):
    """A pattern file is malformed; the message starts with ``path:line``."""


@dataclass(frozen=True)
class Rule:
    label: str
    where: str  # "path:line", for error messages and tests
    pattern: list[dict[str, Any]] | str | None = None
    regex: str | None = None
    id: str = ""
    example: str | None = None
    flags: str = ""  # regex flags: "i" ignores case


@dataclass
class PatternSet:
    """All rule data by name (file stem): rules, word lists and tables."""

    rules: dict[str, list[Rule]] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)
    tables: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def rules_for(self, name: str) -> list[Rule]:
        return self.rules.get(name, [])

    def word_list(self, name: str, *, lower: bool = True) -> frozenset[str]:
        entries = self.words.get(name, [])
        return frozenset(w.lower() for w in entries) if lower else frozenset(entries)

    def table(self, name: str) -> list[tuple[str, ...]]:
        return self.tables.get(name, [])


def builtin_dir() -> Path:
    """The built-in pattern folder: inside the installed wheel, else the source checkout's."""
    packaged = resources.files("claimx") / "_patterns"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "patterns"


def load_patterns(extra: Sequence[str | Path] = (), *, builtin: bool = True) -> PatternSet:
    """Read the built-in pattern files, then each extra file or folder, into one PatternSet."""
    sources: list[Path] = []
    if builtin:
        folder = builtin_dir()
        if not folder.is_dir():
            raise PatternError(f"{folder}: built-in pattern folder is missing")
        sources.append(folder)
    sources.extend(Path(p) for p in extra)
    patterns = PatternSet()
    for path in _pattern_files(sources):
        _read_file(path, patterns)
    return patterns


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
    """Numbered lines without comments and blank lines."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\r\n")
            if path.suffix != ".jsonl":
                # An inline comment needs a space before "#", so entries like "C#" survive.
                line = regex.sub(r"(^|\s)#.*$", "", line)
            if line.strip() and not line.lstrip().startswith("#"):
                yield number, line


def _read_file(path: Path, patterns: PatternSet) -> None:
    name = path.stem
    patterns.files.append(path)
    if path.suffix == ".txt":
        patterns.words.setdefault(name, []).extend(line.strip() for _, line in _lines(path))
    elif path.suffix == ".tsv":
        table = patterns.tables.setdefault(name, [])
        table.extend(tuple(col.strip() for col in line.split("\t")) for _, line in _lines(path))
    else:
        rules = patterns.rules.setdefault(name, [])
        rules.extend(_parse_rule(line, f"{path}:{number}") for number, line in _lines(path))


def _parse_rule(line: str, where: str) -> Rule:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise PatternError(f"{where}: not valid JSON ({err.msg})") from None
    if not isinstance(data, dict):
        raise PatternError(f"{where}: a rule must be a JSON object")
    unknown = sorted(set(data) - RULE_KEYS)
    if unknown:
        raise PatternError(f"{where}: unknown key(s) {', '.join(unknown)}")
    if not isinstance(data.get("label"), str) or not data["label"]:
        raise PatternError(f"{where}: missing \"label\"")
    if ("pattern" in data) == ("regex" in data):
        raise PatternError(f"{where}: give exactly one of \"pattern\" and \"regex\"")
    for key in ("id", "example", "comment", "flags"):
        if key in data and not isinstance(data[key], str):
            raise PatternError(f"{where}: \"{key}\" must be a string")
    flags = data.get("flags", "")
    if set(flags) - {"i"}:
        raise PatternError(f"{where}: unknown regex flags {flags!r} (only \"i\")")
    if "regex" in data:
        try:
            regex.compile(data["regex"], _regex_flags(flags))
        except (regex.error, TypeError) as err:
            raise PatternError(f"{where}: bad regex ({err})") from None
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
    )


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


def _regex_flags(flags: str) -> int:
    return regex.IGNORECASE if "i" in flags else 0


class RuleMatcher:
    """Runs one rule set (token, phrase and regex rules) over a Doc.

    Matches come back as spaCy Spans with the rule's label and id (``span.label_``,
    ``span.id_``), sorted by position. Regex matches are snapped to whole tokens.
    """

    def __init__(self, nlp: Language, rules: Sequence[Rule], *, phrase_attr: str = "LOWER"):
        from spacy.matcher import Matcher, PhraseMatcher

        self._matcher = Matcher(nlp.vocab, validate=False)
        self._phrases = PhraseMatcher(nlp.vocab, attr=phrase_attr)
        self._regexes: list[tuple[regex.Pattern[str], Rule]] = []
        self._rules: dict[int, Rule] = {}
        for number, rule in enumerate(rules):
            key = f"{rule.label}\x1f{rule.id}\x1f{number}"
            self._rules[nlp.vocab.strings.add(key)] = rule
            if rule.regex is not None:
                self._regexes.append((regex.compile(rule.regex, _regex_flags(rule.flags)), rule))
            elif isinstance(rule.pattern, str):
                self._phrases.add(key, [nlp.make_doc(rule.pattern)])
            elif rule.pattern is not None:
                self._matcher.add(key, [rule.pattern])

    def __call__(self, doc: Doc) -> list[SpacySpan]:
        from spacy.tokens import Span as SpacySpan

        found: list[SpacySpan] = []
        for matcher in (self._matcher, self._phrases):
            if not len(matcher):
                continue  # an empty matcher warns (W036) on every call
            for key, start, end in matcher(doc):
                rule = self._rules[key]
                found.append(SpacySpan(doc, start, end, label=rule.label, span_id=rule.id))
        for compiled, rule in self._regexes:
            for match in compiled.finditer(doc_text(doc)):
                if match.end() == match.start():
                    continue
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is not None and len(span):
                    found.append(SpacySpan(doc, span.start, span.end, label=rule.label,
                                           span_id=rule.id))
        found.sort(key=lambda s: (s.start, -s.end))
        return found
