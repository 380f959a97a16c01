"""What every generator in tools/ ends with: write its file, or with --check say if it is stale."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(output: Path, text: str, *, check: bool, command: str, note: str = "") -> int:
    """Exit status 1 when ``check`` finds ``output`` differs from ``text``; otherwise write it."""
    if check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            print(f"{output} is out of date: run {command}", file=sys.stderr)
            return 1
        return 0
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output}{note}", file=sys.stderr)
    return 0
