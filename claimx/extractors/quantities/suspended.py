"""Amounts with a hanging hyphen in a list, "two-, three- and four-door cars", "5- and 20-year
loans": each shares the noun or unit of the list's last amount."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from claimx.doc.offsets import token_at
from claimx.extractors.quantities.candidate import Found, inside
from claimx.extractors.quantities.number_words import unit_value
from claimx.extractors.quantities.setaside import SUSPENDED

if TYPE_CHECKING:
    from claimx.extractors.quantities.candidate import Page

# Between a suspended "5-" and the amount that ends its list: "- and ", "-, 10- or ".
_LIST_GAP = regex.compile(r"-(?:[\s,]*(?:(?:and|or|to)\s+)?(?:\p{L}+|\d{1,4})-)*[\s,]*"
                          r"(?:(?:and|or|to)\s+)?")
_LIST_REACH = 40  # how far after the list its last amount may start


def suspended(page: Page, found: list[Found]) -> list[Found]:
    """``found`` with the suspended amounts of each list added, in text order."""
    text = page.text
    extra: list[Found] = []
    for match in SUSPENDED.finditer(text):
        s, e = match.span(1)
        raw = match.group(1)
        value = float(raw) if raw[0].isdigit() else unit_value(raw)
        if value is None or inside(page.blocked, s, e) or any(
                f.quantity.start <= s < f.quantity.end for f in found):
            continue
        # the first amount after the list that carries the noun or unit
        last = next((f for f in found if s < f.quantity.start <= match.end() + _LIST_REACH
                     and (f.quantity.noun or f.quantity.unit)), None)
        if last is None or not _LIST_GAP.fullmatch(text, e, last.quantity.start):
            continue  # the list's last amount was set aside ("10- and 30-year bonds")
        token = token_at(page.doc, s)
        quantity = replace(last.quantity, start=s, end=e, text=text[s:e], value=value,
                           range=None, bound="=", change=None, vague=False)
        extra.append(Found(quantity, token.i if token is not None else last.token,
                           last.noun_token))
    if not extra:
        return found
    return sorted(found + extra, key=lambda f: f.quantity.start)
