"""Reading quantities with the quantity pass alone, shared by the unit and number tests."""

from __future__ import annotations

from typing import Any

from claimx.extractors.quantities import QuantityFinder
from claimx.models import Quantity


def found_quantities(finder: QuantityFinder, nlp: Any, text: str) -> list[Quantity]:
    """The quantities the pass finds in ``text``, each checked to quote the text exactly."""
    found = [f.quantity for f in finder(nlp(text)).quantities]
    for q in found:
        assert text[q.start : q.end] == q.text
    return found
