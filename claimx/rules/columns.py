"""The declared columns of a ``.tsv`` pattern file: its header row, and each row checked by it.

A header row names every column as ``name:type``, tab-separated. A type is ``str``, ``int``,
``float`` or an enum written ``a|b|c``; a trailing ``?`` makes the column optional (its cell may
be empty, or left off at the end of the row).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

_SPEC = regex.compile(r"(?P<name>\w+):(?P<type>[^\t]+?)(?P<optional>\?)?")
SCALAR_TYPES = ("str", "int", "float")
_ARTICLE = {"int": "an int", "float": "a float"}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "str", "int", "float" or "enum"
    choices: tuple[str, ...] = ()  # an enum's allowed values
    optional: bool = False

    def spec(self) -> str:
        kind = "|".join(self.choices) if self.kind == "enum" else self.kind
        return f"{self.name}:{kind}{'?' if self.optional else ''}"

    def value(self, cell: str) -> str | int | float | None:
        """A checked cell's value: a number for int and float columns, None when empty."""
        if not cell:
            return None
        if self.kind == "int":
            return int(cell)
        return float(cell) if self.kind == "float" else cell

    def problem(self, cell: str) -> str | None:
        """Why ``cell`` is no value of this column, or None when it is one."""
        if not cell:
            return None if self.optional else f"column {self.name!r} is empty"
        if self.kind == "enum" and cell not in self.choices:
            return f"column {self.name!r} is {cell!r}, not one of {'|'.join(self.choices)}"
        if self.kind in ("int", "float") and not _parses(cell, self.kind):
            return f"column {self.name!r} is {cell!r}, not {_ARTICLE[self.kind]}"
        return None


@dataclass(frozen=True)
class Columns:
    """A table's columns, as its header row declares them."""

    columns: tuple[Column, ...]

    @property
    def header(self) -> str:
        return "\t".join(column.spec() for column in self.columns)

    def problem(self, cells: Sequence[str]) -> str | None:
        """Why a row does not fit the columns, or None when it does."""
        required = max((n + 1 for n, c in enumerate(self.columns) if not c.optional), default=0)
        if not required <= len(cells) <= len(self.columns):
            return f"{len(cells)} column(s) where the header declares: {self.header}"
        for column, cell in zip(self.columns, cells, strict=False):  # optional cells left off
            problem = column.problem(cell)
            if problem is not None:
                return problem
        return None


    def typed(self, cells: Sequence[str]) -> dict[str, str | int | float | None]:
        """A checked row keyed by column name: numbers for int and float columns, None for an
        empty or missing optional cell."""
        row: dict[str, str | int | float | None] = {}
        for number, column in enumerate(self.columns):
            cell = cells[number] if number < len(cells) else ""
            row[column.name] = column.value(cell)
        return row


def looks_like_header(cells: Sequence[str]) -> bool:
    """Every cell is a ``name:type`` declaration."""
    return bool(cells) and all(_SPEC.fullmatch(cell) for cell in cells)


def parse_header(cells: Sequence[str]) -> Columns:
    """The columns a header row declares; ValueError says what is wrong with it."""
    columns = []
    for cell in cells:
        match = _SPEC.fullmatch(cell)
        if match is None:
            raise ValueError(f"header cell {cell!r} is not name:type")
        kind = match["type"]
        if kind in SCALAR_TYPES:
            column = Column(match["name"], kind, optional=bool(match["optional"]))
        elif "|" in kind and all(kind.split("|")):
            column = Column(match["name"], "enum", tuple(kind.split("|")),
                            optional=bool(match["optional"]))
        else:
            raise ValueError(f"header cell {cell!r}: the type is str, int, float or a|b|c")
        columns.append(column)
    names = [c.name for c in columns]
    if len(set(names)) != len(names):
        raise ValueError("the header names a column twice")
    return Columns(tuple(columns))


def _parses(cell: str, kind: str) -> bool:
    try:
        int(cell) if kind == "int" else float(cell)
    except ValueError:
        return False
    return True
