"""Reading quantities with the quantity pass alone, shared by the unit and number tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from claimx.extractors.quantities import QuantityFinder
from claimx.models import Quantity


def found_quantities(finder: QuantityFinder, nlp: Any, text: str) -> list[Quantity]:
    """The quantities the pass finds in ``text``, each checked to quote the text exactly."""
    found = [f.quantity for f in finder(nlp(text)).quantities]
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def newsquant_adapter() -> ModuleType:
    """benchmarks/newsquant.py as a module, so a sweep names units as the benchmark does."""
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "newsquant.py"
    spec = importlib.util.spec_from_file_location("newsquant_adapter", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
