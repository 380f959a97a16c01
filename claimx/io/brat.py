"""The brat round trip: claimx's spans out as a brat standoff collection, corrected gold back in.

A collection is a folder with one ``NAME.txt`` (the article exactly as read) and ``NAME.ann``
per article, and the ``annotation.conf`` brat needs to edit them. NAME is the document id,
percent-encoded so that any id makes one file name and comes back unchanged.

brat is spoken over the same regions, boxes and relations as the Label Studio export
(``claimx.io.labelstudio``): a region is a text-bound annotation (``T``), its boxes (a
quantity's value and unit, a speaker's name, a quote's act) one note (``#``,
``value=6; unit=percent``) and its relations ``R`` lines. So both tools read back into the
same gold line, and the labels are Label Studio's with spaces written as underscores
("Direct_quote").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from claimx.io.labelstudio import (
    QUOTE_LABELS,
    RELATIONS,
    SPAN_LABELS,
    TEXT,
    gold_line,
    prediction_results,
)
from claimx.models import Document

CONF_NAME = "annotation.conf"
BRAT_LABELS = {label.replace(" ", "_"): label for label in SPAN_LABELS}
NOTE_SEPARATOR = "; "


def _conf() -> str:
    quotes = "|".join(label.replace(" ", "_") for label in QUOTE_LABELS.values())
    arguments = {"speaker": f"Arg1:{quotes}, Arg2:Speaker", "cue": f"Arg1:{quotes}, Arg2:Cue",
                 "addressee": f"Arg1:{quotes}, Arg2:Addressee",
                 "continues": f"Arg1:{quotes}, Arg2:{quotes}"}
    relations = "\n".join(f"{name} {arguments[name]}" for name in RELATIONS)
    return ("[entities]\n" + "\n".join(BRAT_LABELS) + "\n\n[relations]\n" + relations
            # claimx's spans nest (a quantity inside its claim): brat must allow overlaps.
            + "\n<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
            "\n[events]\n\n[attributes]\n")


ANNOTATION_CONF = _conf()


def file_stem(doc_id: str) -> str:
    """The file name (without suffix) of a document id; ``unquote`` gives the id back."""
    return quote(doc_id, safe="")


# --- export ----------------------------------------------------------------------------------


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span's pieces between line breaks: brat's text-bound spans do not cross lines."""
    pieces, at = [], start
    for line in text[start:end].split("\n"):
        if line.strip():
            pieces.append((at, at + len(line)))
        at += len(line) + 1
    return pieces or [(start, end)]


def ann_lines(text: str, doc: Document) -> Iterator[str]:
    """The lines of one article's ``.ann`` file."""
    results = prediction_results(doc)
    ids: dict[str, str] = {}
    for item in (r for r in results if r["type"] == "labels"):
        value = item["value"]
        ids[item["id"]] = f"T{len(ids) + 1}"
        pieces = fragments(text, value["start"], value["end"])
        where = ";".join(f"{a} {b}" for a, b in pieces)
        covered = " ".join(text[a:b] for a, b in pieces)
        yield f"{ids[item['id']]}\t{value['labels'][0].replace(' ', '_')} {where}\t{covered}"
    notes: dict[str, list[str]] = {}
    for item in (r for r in results if r["type"] == "textarea"):
        notes.setdefault(item["id"], []).append(f"{item['from_name']}={item['value']['text'][0]}")
    for number, (region, fields) in enumerate(notes.items(), 1):
        yield f"#{number}\tAnnotatorNotes {ids[region]}\t{NOTE_SEPARATOR.join(fields)}"
    relations = [r for r in results if r["type"] == "relation"]
    for number, item in enumerate(relations, 1):
        label = item["labels"][0]
        yield f"R{number}\t{label} Arg1:{ids[item['from_id']]} Arg2:{ids[item['to_id']]}"


def write_collection(pairs: Iterable[tuple[str, Document]], folder: Path) -> int:
    """Write a brat collection of (text, Document) pairs into ``folder``; the number written."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CONF_NAME).write_text(ANNOTATION_CONF, encoding="utf-8")
    written = 0
    for text, doc in pairs:
        stem = folder / file_stem(doc.id)
        # newline="": brat's offsets count characters of the file, so the text goes out as is.
        with open(f"{stem}.txt", "w", encoding="utf-8", newline="") as out:
            out.write(text)
        with open(f"{stem}.ann", "w", encoding="utf-8", newline="\n") as out:
            out.writelines(line + "\n" for line in ann_lines(text, doc))
        written += 1
    return written


# --- import ----------------------------------------------------------------------------------


class CollectionError(ValueError):
    """A brat collection claimx cannot read: the message names the file and line."""


def _region(fields: list[str], text: str) -> dict[str, Any]:
    label, _, where = fields[1].partition(" ")
    pieces = [tuple(int(n) for n in piece.split()) for piece in where.split(";")]
    start, end = pieces[0][0], pieces[-1][-1]
    return {"id": fields[0], "type": "labels",
            "value": {"start": start, "end": end, "text": text[start:end],
                      "labels": [BRAT_LABELS.get(label, label)]}}


def _notes(fields: list[str]) -> Iterator[dict[str, Any]]:
    target = fields[1].split()[-1]
    for box in fields[2].split(NOTE_SEPARATOR) if len(fields) > 2 else ():  # noqa: PLR2004
        name, _, value = box.partition("=")
        yield {"id": target, "from_name": name.strip(), "type": "textarea",
               "value": {"text": [value.strip()]}}


def _relation(fields: list[str]) -> dict[str, Any]:
    label, first, second = fields[1].split()
    return {"from_id": first.partition(":")[2], "to_id": second.partition(":")[2],
            "type": "relation", "labels": [label]}


def _results(ann: Path, text: str) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    for number, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("\t")
        try:
            if line.startswith("T"):
                results.append(_region(fields, text))
            elif line.startswith("#") and fields[1].startswith("AnnotatorNotes"):
                results.extend(_notes(fields))
            elif line.startswith("R"):
                results.append(_relation(fields))
        except (IndexError, ValueError):
            raise CollectionError(f"{ann}:{number}: not a brat annotation: {line!r}") from None
    return results


def gold_lines(folder: Path) -> Iterator[dict[str, Any]]:
    """Gold JSONL lines from a brat collection, one per ``.ann`` file, in file-name order."""
    anns = sorted(folder.glob("*.ann"))
    if not anns:
        raise CollectionError(f"{folder}: no .ann files (not a brat collection)")
    for ann in anns:
        source = ann.with_suffix(".txt")
        if not source.is_file():
            raise CollectionError(f"{ann}: its text {source.name} is missing")
        with open(source, encoding="utf-8", newline="") as file:
            text = file.read()
        yield gold_line({"id": unquote(ann.stem), TEXT: text}, _results(ann, text))
