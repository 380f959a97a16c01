"""Numbers in digits: "1,200", "-5", "3.5", "1/16", "2 3/4", "1 in 4", "6 x 10^3", with the
currency before them and what follows them (``suffixes``), or None when they are no amount."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.extractors.quantities.candidate import Cand, inside

if TYPE_CHECKING:
    from claimx.extractors.quantities.candidate import Page
    from claimx.extractors.quantities.letters import UnitContext
    from claimx.extractors.quantities.setaside import SetAside
    from claimx.extractors.quantities.shares import Shares
    from claimx.extractors.quantities.suffixes import Suffixes
    from claimx.extractors.quantities.units import Units

# Digits with optional thousands separators and decimals; the sign is checked in code so that
# "5-10" reads as a range and "COVID-19" as a name.
DIGITS = regex.compile(
    r"(?<![\d.,/⁄])(?:(?:\d{1,2}(?:,\d\d)+,\d{3}(?![\d])|\d{1,3}(?:,\d{3})+(?![\d])|\d+)"
    r"(?:\.\d+)?|(?<=\s)\.\d+|(?<![\d])[½¼¾⅓⅔](?![\d]))(?![\d])"
)
_FRACTION = regex.compile(r"(?:\s+|-)(\d{1,2})[/⁄](\d{1,3})(?![\d/])")
_GLUED_SLASH = regex.compile(r"[/⁄](\d{1,4})(?![\d/⁄])")
# "6 x 10^3", and the E notation of science and spreadsheets ("3.2e5", "1.6E-19")
_EXPONENT = regex.compile(
    r"(?:\s?[×x]\s?10\^?|[eE](?=[-+−]?\d))\+?([-−]?\d{1,3})(?![\d])")
_SLASH_DIGIT = regex.compile(r"[/⁄]\d")
_YEAR_DASH = regex.compile(r"\b(?:1[89]|20)\d\d[-–/]$")
_SUB_PREFIX = regex.compile(r"(?i)(?<![\p{L}])sub-$")
_WORD_HYPHEN_END = regex.compile(r"\p{L}[\w-]*-$")
_MINUS_HYPHEN_END = regex.compile(r"(?i)minus-$")
MINUS_BEFORE = regex.compile(r"(?i)(?<![\p{L}])minus[\s-]$")
_SPACED_MINUS = regex.compile(r"(?<=\p{L} )- $")
_HYPHEN_DIGIT = regex.compile(r"-\p{N}")
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
# "2km-3km", "5cm-8cm", "2m-3m": a range whose ends carry the same glued unit, not a code
_GLUED_UNIT_HYPHEN = regex.compile(r"\d(\p{L}{1,4})[-–]$")
GLUED_FRACTION = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_MINUS = "-−–"
_LARGEST = 1e15  # beyond this a digit string is an id, not an amount
_LARGEST_SHARE = 1000  # "1 in 1000" is a share; "1 in 5000" a range of things
_LARGEST_POWER = 300
_DEGREES = ("celsius", "fahrenheit", "degree")
# How far back the sign, the "sub-" and the currency before the digits are looked for.
_LEAD_WINDOW = 20
MINUS_WINDOW = 7
_CURRENCY_WINDOW = 40  # "Bosnia-Herzegovina convertible mark 5"


class DigitReader:
    """Turns one match of ``DIGITS`` into a candidate amount."""

    def __init__(self, units: Units, suffixes: Suffixes, shares: Shares,
                 set_aside: SetAside, context: UnitContext) -> None:
        self.units, self.suffixes = units, suffixes
        self.shares, self.set_aside = shares, set_aside
        self.context = context

    def read(self, page: Page, match: regex.Match[str], floor: int = 0) -> Cand | None:
        """The amount at ``match``; ``floor`` is where the previous amount ended, so a currency
        sign already read as its suffix stays there."""
        text = page.text
        s, e = match.span()
        if inside(page.blocked, s, e):
            return None
        raw = match.group().replace(",", "")
        try:
            value = GLUED_FRACTION[raw] if raw in GLUED_FRACTION else float(raw)
        except ValueError:
            return None
        signed = _signed(text, s, value) if abs(value) <= _LARGEST else None
        if signed is None:
            return None
        value, start, sub = signed
        cur = self.units.prefix.search(text[max(0, floor, start - _CURRENCY_WINDOW) : start])
        currency: str | None = None
        if cur is not None:
            currency = self.units.prefix_id(cur.group("c"))
            start = start - (len(cur.group()))
        elif s > 0 and _WORD_CHAR.match(text[s - 1]):
            letters = self.context.prefixes.currency(text, s, e)
            if letters is None:
                return None  # glued to letters: an id or a name ("A2", "G7", "XR2041...")
            currency, start = letters
        tail = _fraction_tail(text, raw, value, e)
        if tail is None:
            return None
        value, end = self._share_and_power(text, raw, tail, currency is not None)
        cand = Cand(start, end, value, s, e, unit=currency, currency=currency is not None)
        if sub:
            cand.start, cand.bound = s - len("sub-"), "<"  # "a sub-10 micron filter"
        return self._finish(page, cand, start)

    def _share_and_power(self, text: str, raw: str, tail: tuple[float, int],
                         money: bool) -> tuple[float, int]:
        value, end = tail
        ratio = self.shares.one_in.match(text, end)
        whole = self.shares.term(ratio.group(1)) if ratio is not None else None
        if (ratio is not None and whole is not None and not money and "." not in raw
                and 0 < value < whole <= _LARGEST_SHARE):
            value = value / whole  # "1 in 4 adults", "4 out of five": a share
            end = ratio.end()
        power = _EXPONENT.match(text, end)
        if power is not None and abs(int(power.group(1).replace("−", "-"))) <= _LARGEST_POWER:
            value = value * 10.0 ** int(power.group(1).replace("−", "-"))
            end = power.end()
        return value, end

    def _finish(self, page: Page, cand: Cand, start: int) -> Cand | None:
        text, s = page.text, cand.num_start
        self.suffixes.read(text, cand)
        self.context.settle(page, cand)
        if (cand.unit in _DEGREES and (cand.value or 0.0) > 0 and start == s
                and _SPACED_MINUS.search(text, max(0, s - 4), s)):
            cand.value = -(cand.value or 0.0)  # "convert - 20 degrees": a spaced minus sign
            cand.start = s - 2
        if cand.end < len(text) and _WORD_CHAR.match(text[cand.end]):
            return None  # "3G", "5am", "1990s": letters glued on that are no unit
        if _HYPHEN_DIGIT.match(text[cand.end : cand.end + 2]) and cand.unit and (
                text[cand.end - 1].isalpha()) and not glued_range_end(text, cand.end + 1):
            return None  # a code: "58120 K-310"
        if self.set_aside.digits(page, cand):
            return None
        return cand


def _signed(text: str, s: int, value: float) -> tuple[float, int, bool] | None:
    """The value with its sign, where the amount starts, and whether "sub-" leads it; None
    when the hyphen before the digits joins them to a word or a year."""
    start = s
    # A sign counts only at a word start: "-5C", not "COVID-19" or the "-10" of "5-10".
    lead = text[max(0, s - _LEAD_WINDOW) : s]
    if _YEAR_DASH.search(lead):
        return None  # the end of "2000-1" or "2019-20": a period
    sub = _SUB_PREFIX.search(lead) is not None
    if glued_range_end(text, s):
        return value, start, sub
    if (s > 1 and text[s - 1] == "-" and _WORD_HYPHEN_END.search(lead)
            and not _MINUS_HYPHEN_END.search(lead) and not sub):
        return None  # inside a name or code: "COVID-19", "F-150", "abc3-120m"
    if s > 0 and text[s - 1] in _MINUS and not sub:
        pre = text[s - 2] if s > 1 else " "
        if pre.isalpha() and not text[max(0, s - 6) : s - 1].lower().endswith("minus"):
            return None
        if not (pre.isalnum() or pre in ".,%"):
            value, start = -value, s - 1
    minus = MINUS_BEFORE.search(text[max(0, s - MINUS_WINDOW) : s])
    if minus is not None and value > 0:
        value, start = -value, s - len(minus.group())
    return value, start, sub


def glued_range_end(text: str, s: int) -> bool:
    """Whether the digits at ``s`` end a range after a hyphen with the unit glued to both
    ends as it is to the first ("2km-3km", "4m-6m")."""
    unit = _GLUED_UNIT_HYPHEN.search(text, max(0, s - 6), s)
    return unit is not None and regex.match(
        r"[\d.,]*\d" + regex.escape(unit.group(1)) + r"(?![\p{L}])", text[s:]) is not None


def _fraction_tail(text: str, raw: str, value: float, end: int) -> tuple[float, int] | None:
    """A fraction glued to or after the digits ("1/16", "2 3/4", "3½"); None for a date or
    a season ("24/7", "3/4/2020")."""
    frac = _FRACTION.match(text, end)
    slash = _GLUED_SLASH.match(text, end)
    if slash is not None:
        # "1/16" is a fraction; "24/7" or "12/05" is not an amount
        if "." in raw or not 0 < value < int(slash.group(1)):
            return None
        return value / int(slash.group(1)), slash.end()
    if frac is not None and "." not in raw and int(frac.group(2)) > int(frac.group(1)):
        return value + int(frac.group(1)) / int(frac.group(2)), frac.end()
    if end < len(text) and text[end] in GLUED_FRACTION:
        return value + GLUED_FRACTION[text[end]], end + 1
    if _SLASH_DIGIT.match(text, end):
        return None  # "3/4/2020", "2019/20": a date or a season, not an amount
    return value, end
