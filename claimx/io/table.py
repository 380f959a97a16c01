"""The table view: what a person at a terminal reads, within 80 columns.

Claims and quotes are laid out one item a block, a field a row (a clause needs the width a
six-column table cannot give it); entities, short by nature, one a row. Text wraps at spaces
and is never cut: only a word longer than its whole column is folded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimx.io.writers import format_number, quote_text
from claimx.models import Claim, Document, Quantity, Quote, Time

if TYPE_CHECKING:
    from rich.table import Table

MAX_WIDTH = 80
LABEL_WIDTH = 8


def quantity_text(q: Quantity) -> str:
    """ "12 percent", "1,200 ships", "2-3 USD", "~40 people", "dozens (vague)"."""
    if q.range is not None:
        number = f"{format_number(q.range[0])}-{format_number(q.range[1])}"
    elif q.value is None:
        number = f"{q.text} (vague)" if q.vague else q.text
    else:
        number = format_number(q.value)
    bound = "" if q.bound == "=" else q.bound
    return " ".join(part for part in (bound + number, q.unit or q.noun or "") if part)


def _with_role(q: Quantity) -> str:
    """ "14 percent (change)": the amount and what it is to its claim."""
    return f"{quantity_text(q)} ({q.role})" if q.role else quantity_text(q)


def change_text(q: Quantity) -> str:
    if q.change is None:
        return ""
    parts = [q.change.direction]
    if q.change.from_value is not None:
        parts.append(f"from {format_number(q.change.from_value)}")
    if q.change.to_value is not None:
        parts.append(f"to {format_number(q.change.to_value)}")
    return f"{q.text}: {' '.join(parts)}"


def time_text(claim: Claim) -> str:
    if claim.time is None:
        return ""
    value = claim.time.value if isinstance(claim.time, Time) else None
    return f"{claim.time.text} = {value}" if value else claim.time.text


def flags_text(claim: Claim) -> str:
    flags = ["negated"] if claim.negated else []
    if claim.modal is not None:
        flags.append(f"modal: {claim.modal.text}")
    if claim.hedge is not None and claim.hedge != claim.modal:
        flags.append(f"hedge: {claim.hedge.text}")
    if claim.voice:
        flags.append(claim.voice)
    return ", ".join(flags)


def claim_rows(claim: Claim) -> list[tuple[str, str]]:
    """The fields of a claim worth a row, in reading order (empty ones left out)."""
    source = ""
    if claim.source is not None:
        cue = f" ({claim.source.cue})" if claim.source.cue else ""
        source = claim.source.text + cue
    rows = [
        (claim.id, claim.text),
        ("value", "; ".join(_with_role(q) for q in claim.quantities)),
        ("change", "; ".join(c for c in (change_text(q) for q in claim.quantities) if c)),
        ("subject", claim.subject.text if claim.subject else ""),
        ("time", time_text(claim)),
        ("source", source),
        ("flags", flags_text(claim)),
    ]
    return [(label, value) for label, value in rows if value]


def quote_rows(quote: Quote) -> list[tuple[str, str]]:
    rows = [
        (quote.id, quote_text(quote)),
        ("type", ", ".join([quote.type, quote.act] + (["negated"] if quote.negated else []))),
        ("speaker", quote.speaker.name if quote.speaker else ""),
        ("to", quote.addressee.text if quote.addressee else ""),
        ("cue", quote.cue.text if quote.cue else ""),
    ]
    return [(label, value) for label, value in rows if value]


def _blocks(title: str, width: int, items: list[list[tuple[str, str]]]) -> Table:
    from rich.table import Table

    table = Table(title=title, title_justify="left", width=width, show_header=False)
    table.add_column("field", width=LABEL_WIDTH, style="dim", overflow="fold")
    table.add_column("value", overflow="fold")
    for number, rows in enumerate(items):
        for index, (label, value) in enumerate(rows):
            end = index == len(rows) - 1 and number < len(items) - 1
            table.add_row(label, value, end_section=end, style="bold" if index == 0 else None)
    return table


def _entities(doc: Document, width: int) -> Table:
    from rich.table import Table

    table = Table(title="Entities", title_justify="left", width=width)
    table.add_column("name", ratio=3, overflow="fold")
    table.add_column("label", width=11, overflow="fold")
    table.add_column("mentions", justify="right", width=8)
    table.add_column("aliases", ratio=3, overflow="fold")
    for entity in doc.entities:
        table.add_row(entity.name, entity.label, str(len(entity.mentions)),
                      "; ".join(entity.aliases))
    return table


class TableWriter:
    """Rich tables per document, for people at a terminal, at most 80 columns wide."""

    def __init__(self, console: Any) -> None:
        self.console = console

    def write(self, doc: Document) -> None:
        from rich.rule import Rule
        from rich.text import Text

        width = min(MAX_WIDTH, self.console.width)
        counts = f"{len(doc.claims)} claims, {len(doc.quotes)} quotes, {len(doc.entities)} entities"
        dated = f", dated {doc.date.value}" if doc.date else ""
        title = Text.assemble((doc.id, "bold"), f"  {counts}{dated}")
        self.console.print(Rule(title, align="left"), width=width)
        for problem in doc.errors:
            style = "red" if problem.fatal else "yellow"
            self.console.print(Text(f"{problem.code}: {problem.message}", style=style),
                               width=width)
        if doc.claims:
            self.console.print(_blocks("Claims", width, [claim_rows(c) for c in doc.claims]))
        if doc.quotes:
            self.console.print(_blocks("Quotes", width, [quote_rows(q) for q in doc.quotes]))
        if doc.entities:
            self.console.print(_entities(doc, width))

    def close(self) -> None:
        return None
