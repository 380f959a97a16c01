"""A helper shared by the tests that check offsets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def iter_spans(record: Any) -> Iterator[dict]:
    """Every span-shaped dict ({"start", "end", "text", ...}) anywhere in a record."""
    if isinstance(record, dict):
        if {"start", "end", "text"} <= set(record):
            yield record
        for value in record.values():
            yield from iter_spans(value)
    elif isinstance(record, list):
        for value in record:
            yield from iter_spans(value)
