"""The currency layer of the unit lexicon (``tools/build_units.py``): every ISO 4217 currency
legal somewhere on ``TENDER_ON``, with its English names, plurals and symbol, from babel's CLDR
data (BSD-3), read at build time only."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

import babel.numbers
from babel import Locale


class Forms(Protocol):
    """The forms already in the lexicon (build_units.Taken)."""

    def free(self, form: str) -> bool: ...

    def add(self, form: str) -> None: ...


TENDER_ON = date(2025, 1, 1)  # a fixed day, so the currency list does not follow the clock
# Last words of currency names that are also English words or other units.
NOT_A_CURRENCY_WORD = frozenset({"real", "gold", "mark", "sol", "kip", "dram", "won", "som",
                                 "leone", "pound", "dollar", "franc", "peso", "rupee",
                                 "dinar", "rial", "riyal", "shilling", "krone", "krona",
                                 "kwacha", "manat", "leu", "lev", "ruble", "rand", "tala",
                                 "soles"})
# ISO codes that are also words or well-known abbreviations in capitals ("TOP 10", "AMD").
NOT_A_CURRENCY_CODE = frozenset({"ALL", "TOP", "MAD", "PEN", "SOS", "BOB", "AMD", "RON", "BAM",
                                 "CUP", "MOP", "DOP", "ERN", "NAD", "MUR", "BIF", "GEL"})
CODE_EXAMPLE = "The contract was worth 7,000 {form}, the ministry said."
SYMBOL_EXAMPLE = "The contract was worth {form}7,000, the ministry said."


def current_currencies() -> list[str]:
    locale = Locale("en")
    return sorted({code for territory in locale.territories
                   for code in babel.numbers.get_territory_currencies(
                       territory, start_date=TENDER_ON, tender=True)})


def currency_names(code: str) -> list[str]:
    """English names of a currency, lower case (news writes "Nigerian naira")."""
    names = [Locale("en").currencies.get(code, ""),
             babel.numbers.get_currency_name(code, count=1, locale="en"),
             babel.numbers.get_currency_name(code, count=2, locale="en")]
    return list(dict.fromkeys(n.lower() for n in names if n and n != code))


def currency_words(codes: list[str]) -> dict[str, str]:
    """Last words of currency names that name one currency only ("naira", "kwanzas")."""
    owners: dict[str, set[str]] = {}
    for code in codes:
        for name in currency_names(code):
            owners.setdefault(name.rsplit(" ", 1)[-1], set()).add(code)
    return {word: next(iter(code)) for word, code in owners.items()
            if len(code) == 1 and word not in NOT_A_CURRENCY_WORD
            and word.rstrip("s") not in NOT_A_CURRENCY_WORD}


def currency_rules(taken: Forms) -> list[dict[str, Any]]:
    codes = current_currencies()
    words = currency_words(codes)
    rules = []

    def add(form: str, code: str, example: str) -> None:
        if taken.free(form):
            taken.add(form)
            rules.append({"label": "CURRENCY", "pattern": form, "id": code,
                          "dimension": "currency", "source": "cldr",
                          "example": example.format(form=form), "expect_value": "7000"})

    for code in codes:
        if code not in NOT_A_CURRENCY_CODE:
            add(code, code, CODE_EXAMPLE)
        symbol = babel.numbers.get_currency_symbol(code, locale="en")
        if symbol != code and not symbol.isalpha():
            add(symbol, code, SYMBOL_EXAMPLE)
        for name in currency_names(code):
            add(name, code, CODE_EXAMPLE)
    for word, code in sorted(words.items()):
        add(word, code, CODE_EXAMPLE)
    return rules
