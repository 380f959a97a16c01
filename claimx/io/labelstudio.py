"""The Label Studio round trip: claimx's spans out as predictions, corrected gold back in.

``tasks`` turns articles and their Documents into Label Studio tasks whose predictions are
claimx's claims, quantities (with value and unit), quotes (with speaker, cue and addressee,
linked by relations, and their act) and entity mentions; ``CONFIG`` is the labelling
interface to create the project with. ``gold_lines`` reads Label Studio's JSON export back
into claimx's gold JSONL (the README's "Gold format"), which ``claimx score`` reads.

Region labels: ``Claim``, ``Quantity``, ``Direct quote``, ``Mixed quote``, ``Indirect quote``,
``Speaker``, ``Cue``, ``Addressee`` and the entity labels. A quantity region carries ``value``
and ``unit`` text areas, a speaker region a ``name`` (who "he" is), a quote's first region its
``act`` (speech, thought or intent). Relations: quote to speaker ``speaker``, quote to cue
``cue``, quote to who it was said to ``addressee``, and quote to its next part ``continues``
for a quote the speaker interrupts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Any

from claimx.models import Document, Quote
from claimx.version import __version__

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW",
                 "WORK_OF_ART", "LANGUAGE")
QUOTE_LABELS = {"direct": "Direct quote", "mixed": "Mixed quote", "indirect": "Indirect quote"}
QUOTE_TYPES = {label: kind for kind, label in QUOTE_LABELS.items()}
SPAN_LABELS = ("Claim", "Quantity", *QUOTE_LABELS.values(), "Speaker", "Cue", "Addressee",
               *ENTITY_LABELS)
RELATIONS = ("speaker", "cue", "addressee", "continues")
TEXT = "text"


def _config() -> str:
    labels = "\n".join(f'    <Label value="{label}"/>' for label in SPAN_LABELS)
    relations = "\n".join(f'    <Relation value="{name}"/>' for name in RELATIONS)
    area = ('    <TextArea name="{name}" toName="text" perRegion="true" editable="true" '
            'maxSubmissions="1" placeholder="{name}"/>')
    return f"""<View>
  <Labels name="label" toName="text">
{labels}
  </Labels>
  <Relations>
{relations}
  </Relations>
  <Text name="text" value="$text"/>
  <View visibleWhen="region-selected" whenLabelValue="Quantity">
{area.format(name="value")}
{area.format(name="unit")}
  </View>
  <View visibleWhen="region-selected" whenLabelValue="Speaker">
{area.format(name="name")}
  </View>
  <View visibleWhen="region-selected">
{area.format(name="act")}
  </View>
</View>
"""


CONFIG = _config()


# --- export ----------------------------------------------------------------------------------


def _region(region_id: str, start: int, end: int, text: str, label: str) -> dict[str, Any]:
    return {"id": region_id, "from_name": "label", "to_name": TEXT, "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def _area(region: dict[str, Any], name: str, value: str) -> dict[str, Any]:
    span = {k: region["value"][k] for k in ("start", "end")}
    return {"id": region["id"], "from_name": name, "to_name": TEXT, "type": "textarea",
            "value": {**span, "text": [value]}}


def _relation(source: str, target: str, label: str) -> dict[str, Any]:
    return {"from_id": source, "to_id": target, "type": "relation", "direction": "right",
            "labels": [label]}


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(value)


def _quote_results(quote: Quote) -> Iterator[dict[str, Any]]:
    parts = [f"{quote.id}-{n}" for n in range(len(quote.content))]
    for part, span in zip(parts, quote.content, strict=True):
        region = _region(part, span.start, span.end, span.text, QUOTE_LABELS[quote.type])
        yield region
        if part == parts[0]:
            yield _area(region, "act", quote.act)
    for first, after in pairwise(parts):
        yield _relation(first, after, "continues")
    speaker = quote.speaker
    if speaker is not None and speaker.mention is not None:
        mention = speaker.mention
        region = _region(f"{quote.id}-speaker", mention.start, mention.end, mention.text,
                         "Speaker")
        yield region
        yield _area(region, "name", speaker.name)
        yield _relation(parts[0], region["id"], "speaker")
    if quote.cue is not None:
        cue = quote.cue
        yield _region(f"{quote.id}-cue", cue.start, cue.end, cue.text, "Cue")
        yield _relation(parts[0], f"{quote.id}-cue", "cue")
    if quote.addressee is not None:
        told = quote.addressee
        yield _region(f"{quote.id}-addressee", told.start, told.end, told.text, "Addressee")
        yield _relation(parts[0], f"{quote.id}-addressee", "addressee")


def prediction_results(doc: Document) -> list[dict[str, Any]]:
    """claimx's spans of one document as Label Studio result items."""
    results: list[dict[str, Any]] = []
    for claim in doc.claims:
        results.append(_region(claim.id, claim.start, claim.end, claim.text, "Claim"))
        for n, q in enumerate(claim.quantities):
            region = _region(f"{claim.id}-q{n}", q.start, q.end, q.text, "Quantity")
            value = (f"{_number(q.range[0])}-{_number(q.range[1])}" if q.range
                     else _number(q.value))
            results += [region, _area(region, "value", value), _area(region, "unit", q.unit or "")]
    for quote in doc.quotes:
        results.extend(_quote_results(quote))
    for entity in doc.entities:
        for n, m in enumerate(entity.mentions):
            results.append(_region(f"{entity.id}-m{n}", m.start, m.end, m.text, m.label))
    return results


def tasks(pairs: Iterable[tuple[str, Document]]) -> Iterator[dict[str, Any]]:
    """One Label Studio task per (text, Document), claimx's spans as its prediction."""
    for text, doc in pairs:
        yield {"data": {TEXT: text, "id": doc.id, **({"date": doc.date.value} if doc.date
                                                    else {})},
               "predictions": [{"model_version": f"claimx {__version__}",
                                "result": prediction_results(doc)}]}


# --- import ----------------------------------------------------------------------------------


class ExportError(ValueError):
    """A Label Studio export claimx cannot read."""


def gold_lines(export: Any) -> Iterator[dict[str, Any]]:
    """Gold JSONL lines from a Label Studio JSON export: each task's latest annotation that
    was not cancelled. A task nobody annotated is left out (it is not gold)."""
    if not isinstance(export, list):
        raise ExportError("a Label Studio JSON export is a list of tasks")
    for number, task in enumerate(export, 1):
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise ExportError(f"task {number}: not a Label Studio task (no data)")
        done = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        if done:
            yield gold_line(task["data"], done[-1].get("result") or [], number)


def gold_line(data: dict[str, Any], result: list[dict[str, Any]],
              number: int = 0) -> dict[str, Any]:
    """One gold line from a task's data and one annotation's result items."""
    regions = {r["id"]: r for r in result if r.get("type") == "labels"}
    areas = {(r["id"], r["from_name"]): " ".join(r["value"].get("text") or []).strip()
             for r in result if r.get("type") == "textarea"}
    relations = [(r["from_id"], r["to_id"], (r.get("labels") or [""])[0])
                 for r in result if r.get("type") == "relation"]
    by_label: dict[str, list[dict[str, Any]]] = {}
    for region in sorted(regions.values(), key=lambda r: r["value"]["start"]):
        by_label.setdefault(region["value"]["labels"][0], []).append(region)
    line: dict[str, Any] = {"id": str(data.get("id", number)), "text": data.get(TEXT, "")}
    if "date" in data:
        line["date"] = data["date"]
    line["claims"] = [_span(r) for r in by_label.get("Claim", [])]
    line["quantities"] = [_gold_quantity(r, areas) for r in by_label.get("Quantity", [])]
    line["quotes"] = _gold_quotes(regions, areas, relations)
    line["entities"] = [{**_span(r), "label": label} for label in ENTITY_LABELS
                        for r in by_label.get(label, [])]
    line["entities"].sort(key=lambda e: e["start"])
    return line


def _span(region: dict[str, Any]) -> dict[str, Any]:
    value = region["value"]
    return {"start": value["start"], "end": value["end"], "text": value.get("text", "")}


def _parse_number(text: str) -> float | None:
    try:
        return float(text.replace(",", "").replace("_", "")) if text else None
    except ValueError:
        return None


def _gold_quantity(region: dict[str, Any], areas: dict[tuple[str, str], str]) -> dict[str, Any]:
    raw = areas.get((region["id"], "value"), "")
    value, rng = _parse_number(raw), None
    low, dash, high = raw.partition("-")
    if value is None and dash and low:  # "2-3": a range ("-3" stays a negative number)
        ends = (_parse_number(low), _parse_number(high))
        if ends[0] is not None and ends[1] is not None:
            rng = [ends[0], ends[1]]
    return {**_span(region), "value": value, "range": rng,
            "unit": areas.get((region["id"], "unit")) or None}


def _gold_quotes(regions: dict[str, dict[str, Any]], areas: dict[tuple[str, str], str],
                 relations: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    follows = {source: target for source, target, label in relations if label == "continues"}
    linked = {(source, label): target for source, target, label in relations}
    later = set(follows.values())
    quotes: list[dict[str, Any]] = []
    for region_id, region in regions.items():
        kind = QUOTE_TYPES.get(region["value"]["labels"][0])
        if kind is None or region_id in later:
            continue
        parts, current = [region_id], region_id
        while current in follows and follows[current] in regions and len(parts) < len(regions):
            current = follows[current]
            parts.append(current)
        speaker_id = next((linked[(p, "speaker")] for p in parts if (p, "speaker") in linked),
                          None)
        cue_id = next((linked[(p, "cue")] for p in parts if (p, "cue") in linked), None)
        told_id = linked.get((parts[0], "addressee"))
        quotes.append({
            "type": kind,
            "content": [_span(regions[p]) for p in parts],
            "speaker": _speaker_name(speaker_id, regions, areas),
            "cue": _span(regions[cue_id]) if cue_id in regions else None,
            "act": areas.get((parts[0], "act")) or "speech",
            "addressee": _span(regions[told_id]) if told_id in regions else None,
        })
    quotes.sort(key=lambda q: q["content"][0]["start"])
    return quotes


def _speaker_name(region_id: str | None, regions: dict[str, dict[str, Any]],
                  areas: dict[tuple[str, str], str]) -> str | None:
    if region_id is None or region_id not in regions:
        return None
    return areas.get((region_id, "name")) or regions[region_id]["value"].get("text") or None
