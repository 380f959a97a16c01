"""Run claimx's quantity extraction over NewsQuant (or a Recognizers-Text set) and write the
scorer's predictions.

    python benchmarks/newsquant.py --gold ../shared/bench/newsquant/newsquant-dev.json \\
        --out pred.jsonl
    python ../shared/bench/quant_eval.py score ../shared/bench/newsquant/newsquant-dev.json \\
        pred.jsonl

Only claimx's public API is used (``claimx.Extractor(only=("claims",)).pipe``): every
quantity of every claim becomes one prediction, except ranks (unit ``rank``), which NewsQuant
does not annotate. claimx's unit names are mapped to the gold
vocabulary through one general table, ``benchmarks/unit_aliases.tsv``; a count's unit is its
counted noun in the singular ("464,000 subscribers" -> "subscriber"), as the gold writes it.
The concept is the content words of the claim's subject and owner, less the quantity's own
words.

``--speed`` times the parse alone (``nlp.pipe``) against claim extraction alone and claimx end
to end (claims only), over the gold sentences and, with ``--corpus FILE``, over the first
``--limit`` texts of a JSONL corpus; ``--jobs 2`` adds a run of the process pool. For the
ratio to CQE, time CQE on the same machine with ``benchmarks/cqe_speed.py`` and pass its
sentences/s as ``--cqe-rate``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ALIASES = HERE / "unit_aliases.tsv"
UNITS = HERE.parent / "patterns" / "quantities" / "units.jsonl"
POWERS = (("sq_", "square "), ("cubic_", "cubic "))

# Function words left out of a concept: the gold lists content words only ("total" too:
# it sizes the noun after it, which is what the gold keeps).
STOPWORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "its", "their", "his", "her", "our", "this", "that", "these", "those", "it", "they", "he",
    "she", "we", "i", "you", "which", "who", "whose", "as", "than", "into", "about", "over",
    "per", "across", "against", "among", "between", "during", "including", "under", "after",
    "before", "since", "within", "without", "through", "all", "each", "every", "just", "only",
    "no", "some", "any", "more", "most", "total",
})
# Nouns whose plural is not plural-ish, or that stay as they are in the gold vocabulary.
INVARIANT = frozenset({"people", "staff", "police", "series", "species", "news", "data",
                       "media", "cattle", "fish", "sheep", "deer", "aircraft"})
# Irregular comparison, lemmatised as spaCy does ("best screens" -> "good screen").
LEMMAS = {"best": "good", "better": "good", "worst": "bad", "worse": "bad"}
IRREGULAR = {"men": "man", "women": "woman", "children": "child", "feet": "foot",
             "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life",
             "wives": "wife", "knives": "knife", "leaves": "leaf", "halves": "half",
             "wolves": "wolf", "shelves": "shelf", "thieves": "thief", "loaves": "loaf"}


def load_aliases(path: Path = ALIASES) -> dict[str, str]:
    """claimx unit -> gold name; a row with a third column (the unit symbol as written) is
    keyed "unit@symbol" and wins when the quantity's text ends in that symbol."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        symbol = cells[2] if len(cells) > SYMBOL_COLUMN else ""
        key = f"{cells[0]}@{symbol}" if symbol else cells[0]
        table[key] = cells[1]
    return generated_names(table)


def generated_names(table: dict[str, str], units: Path = UNITS) -> dict[str, str]:
    """Units the table does not name get a name from the lexicon: a generated currency its
    CLDR English name ("ETB" -> "ethiopian birr"), a pint unit its name in British spelling
    ("kilojoule", "light year", "hectolitre")."""
    for line in units.read_text(encoding="utf-8").splitlines():
        rule = json.loads(line)
        unit, form = rule["id"], rule["pattern"]
        if unit in table or "source" not in rule:
            continue
        if rule["source"] == "pint":
            table[unit] = british(unit.replace("_", " "))
        elif form != unit and form.islower():
            table[unit] = form  # the first name after the code is CLDR's display name
    return table


def british(name: str) -> str:
    return name.replace("meter", "metre").replace("liter", "litre")


def unit_name(unit: str, aliases: dict[str, str]) -> str:
    """The gold name of one unit; an area or volume composed of a length ("sq_nm") is
    "square" or "cubic" and the length's name."""
    if unit in aliases:
        return aliases[unit]
    for prefix, word in POWERS:
        if unit.startswith(prefix):
            return word + unit_name(unit[len(prefix) :], aliases)
    return unit


def written_symbol(text: str) -> str:
    """The unit as written after the last digit: "118.5p" -> "p", "68 pence" -> "pence"."""
    match = re.search(r"\d\s*([^\d\s]+)$", text)
    return match.group(1) if match else ""


SYMBOL_COLUMN = 2  # unit_aliases.tsv: claimx unit, gold name, optional symbol as written
SHORTEST_PLURAL = 4  # shorter words ("bus", "gas") are left as they are
SHORTEST_USES = 5  # "-uses" -> "-us": "buses", "viruses" (not "uses")
# (ending, shortest word it applies to, letters to drop, letters to add); the first match wins
PLURAL_ENDINGS = (
    ("men", 5, 3, "man"),  # fishermen, chairmen
    ("ies", 5, 3, "y"),
    *((ending, 0, 2, "") for ending in ("sses", "shes", "ches", "xes", "zzes")),
)


def singular(word: str) -> str:
    """English plural -> singular for a lower-case common noun (the lemmatizer is off)."""
    if word in IRREGULAR:
        return IRREGULAR[word]  # before the length test: "men"
    if word in INVARIANT or len(word) < SHORTEST_PLURAL:
        return word
    return _drop_plural_ending(word)


def _drop_plural_ending(word: str) -> str:
    for ending, shortest, cut, added in PLURAL_ENDINGS:
        if word.endswith(ending) and len(word) >= shortest:
            return word[:-cut] + added
    if (word.endswith("uses") and not word.endswith(("ouses", "auses", "fuses"))
            and len(word) >= SHORTEST_USES):
        return word[:-2]  # viruses, bonuses (but not "causes", "houses", "uses")
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


PER_PERIOD = re.compile(
    r"^(?P<noun>.+?)\s+(?:an?|per|each|every)\s+(?P<period>day|week|month|year|annum)$", re.I)


def noun_unit(noun: str) -> str:
    """A count per period is the noun per the period ("patients a day" -> "patient per day");
    otherwise "European countries" -> "european country", "best screens" -> "good screen": the
    gold writes a count's unit as spaCy lemmas, which leave a proper noun as it is
    ("Americans")."""
    per = PER_PERIOD.match(noun)
    if per is not None:
        return f'{noun_unit(per.group("noun"))} per {singular(per.group("period").lower())}'
    words = [LEMMAS.get(w.lower(), w) for w in noun.split()]
    last = words[-1] if words[-1][:1].isupper() else singular(words[-1].lower())
    return " ".join([*words[:-1], last]).lower()


def gold_unit(quantity: dict[str, Any], aliases: dict[str, str]) -> str | None:
    unit = quantity.get("unit")
    if unit:
        parts = unit.split(" per ")
        symbol = written_symbol(quantity.get("text") or "")
        mapped = [aliases.get(f"{parts[0]}@{symbol}", unit_name(parts[0], aliases))]
        for part in parts[1:]:
            mapped.append(aliases[part] if part in aliases else unit_name(singular(part),
                                                                          aliases))
        return " per ".join(mapped)
    noun = quantity.get("noun")
    if not noun:
        return None
    value = quantity.get("value")
    share = re.search(r"\b(?:of|in|out of)\b", quantity.get("text") or "")
    if value is not None and 0 < value < 1 and share:
        return "% " + noun_unit(noun)  # a share of a group: "a third of voters" -> "% voter"
    return noun_unit(noun)


def concept_words(claim: dict[str, Any], quantity: dict[str, Any]) -> list[str] | None:
    """The content words of what is measured and of whose it is (the gold lists both), less
    the quantity's own words: its counted noun, which the gold gives as the unit, and a unit
    the subject repeats."""
    # a quantity names what it measures itself when its clause states several things
    measured = quantity if "subject" in quantity else claim
    spans = [measured[key]["text"] for key in ("subject", "owner") if measured.get(key)]
    if not spans:
        return None
    own_text = f'{quantity.get("noun") or ""} {quantity.get("text") or ""}'
    own = {w.lower() for w in own_text.split()}
    words = [re.sub(r"['’]s$", "", w.strip(".,;:'\"“”‘’()")) for w in " ".join(spans).split()]
    words = [w for w in words if w and w.lower() not in STOPWORDS and w.lower() not in own]
    unique: dict[str, str] = {}  # a word named twice ("Mars ... on Mars") counts once
    for word in words:
        unique.setdefault(word.lower(), word)
    return list(unique.values()) or None


def change_label(quantity: dict[str, Any]) -> str | None:
    change = quantity.get("change")
    if not change:
        return None
    value = quantity.get("value")
    # A quantity that is the level reached ("fell to 4.1%") is not the size of a change.
    if value is not None and value in (change.get("to"), change.get("from")):
        return None
    return change["direction"]


def prediction(index: int, record: dict[str, Any], aliases: dict[str, str]) -> dict[str, Any]:
    out = []
    # the end of a "from X to Y" range may sit in the next claim: skip it there too
    skip_to: float | None = None
    flat = [(claim, q) for claim in record["claims"] for q in claim["quantities"]]
    for index_in_doc, (claim, q) in enumerate(flat):
        if q["unit"] == "rank":
            continue  # NewsQuant annotates no ordinals or ranks ("her 23rd cap")
        concept = concept_words(claim, q)
        change = q.get("change") or {}
        pair_end: float | None = None
        if skip_to is not None and q["value"] == skip_to:
            skip_to = None
            continue  # already scored as the end of a "from X to Y" range
        if (q["value"] is not None and change.get("from") == q["value"]
                and change.get("to") is not None):
            # NewsQuant writes "fell from 90 kg to 82" as one range 90-82
            value: Any = [q["value"], change["to"]]
            skip_to = pair_end = change["to"]
        elif q["range"] is not None:
            value = list(q["range"])
        elif q["value"] is not None:
            value = q["value"]
        else:
            continue
        out.append(
            {
                "value": value,
                "unit": gold_unit(q, aliases) or (
                    _end_unit(flat[index_in_doc + 1 :], pair_end, aliases)
                    if pair_end is not None else None),
                "bound": q["bound"],
                # NewsQuant labels a "from X to Y" pair as a plain range, not a change
                "change": None if skip_to is not None else change_label(q),
                "concept": concept,
                "text": q["text"],
                "start": q["start"],
                "end": q["end"],
            }
        )
    return {"id": index, "quantities": out}


def _end_unit(later: list[tuple[dict[str, Any], dict[str, Any]]], end: float,
              aliases: dict[str, str]) -> str | None:
    """ "from 40 to 60 people": the unit or noun of a from-to pair written only at its end."""
    for _claim, q in later:
        if q["value"] == end:
            return gold_unit(q, aliases)
    return None


def run(gold: Path, out: Path, model: str | None) -> tuple[int, float]:
    import claimx

    sentences = json.loads(gold.read_text(encoding="utf-8"))
    aliases = load_aliases()
    extractor = claimx.Extractor(model=model, only=("claims",))
    texts = [s["text"] for s in sentences]
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for index, doc in enumerate(extractor.pipe(texts)):
            if doc.errors:
                print(f"{index}: {[e.message for e in doc.errors]}", file=sys.stderr)
            handle.write(json.dumps(prediction(index, doc.to_dict(), aliases)) + "\n")
    return len(texts), time.perf_counter() - started


def speed(texts: list[str], label: str, args: argparse.Namespace) -> None:
    """spaCy's parse alone vs claimx end to end with claims only; best of ``args.rounds``.
    With ``args.jobs`` > 1, also claimx's process pool over the texts 16 times over, start-up
    included. ``args.cqe_rate``: CQE's sentences/s measured on this machine by cqe_speed.py (a
    figure from another machine would make the ratio meaningless)."""
    import claimx
    from claimx.batch import ExtractorOptions, run
    from claimx.models import InputDoc

    model, rounds, jobs, cqe_rate = args.model, args.rounds, args.jobs, args.cqe_rate

    on = claimx.Extractor(model=model, only=("claims",))
    nlp = on.nlp
    best = {"parse": float("inf"), "on": float("inf"), "claims": float("inf")}
    claims = on._claims  # the claim extractor alone, timed on parsed Docs
    assert claims is not None  # only=("claims",) builds it
    for _ in range(rounds):
        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=on.batch_size))
        best["parse"] = min(best["parse"], time.perf_counter() - started)
        started = time.perf_counter()
        for doc in docs:
            claims(doc)
        best["claims"] = min(best["claims"], time.perf_counter() - started)
        del docs
        started = time.perf_counter()
        for _doc in on.pipe(texts):
            pass
        best["on"] = min(best["on"], time.perf_counter() - started)
    rate = len(texts) / best["on"]
    print(
        f"{label}: {len(texts)} texts; nlp.pipe {best['parse']:.2f}s "
        f"({len(texts) / best['parse']:.0f} texts/s); claim extraction alone on parsed docs "
        f"{best['claims']:.3f}s = {100 * best['claims'] / best['parse']:.1f}% of the parse; "
        f"claimx (claims only) {best['on']:.2f}s = {rate:.0f} texts/s, "
        f"{best['parse'] / best['on']:.2f}x spaCy's parse"
        + (f", {rate / cqe_rate:.1f}x CQE's {cqe_rate:.1f}/s" if cqe_rate else "")
    )
    if jobs > 1:
        many = texts * 16
        options = ExtractorOptions(model=model, only=("claims",))
        started = time.perf_counter()
        for _doc in run((InputDoc(id=str(i), text=t) for i, t in enumerate(many)), options,
                        jobs=jobs):
            pass
        seconds = time.perf_counter() - started
        print(f"{label}: -j {jobs} over {len(many)} texts {seconds:.2f}s including worker "
              f"start-up = {len(many) / seconds:.0f} texts/s"
              + (f", {len(many) / seconds / cqe_rate:.1f}x CQE" if cqe_rate else ""))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True, help="NewsQuant-style gold JSON")
    parser.add_argument("--out", type=Path, required=True, help="predictions JSONL to write")
    parser.add_argument("--model", default=None, help="spaCy model name or path")
    parser.add_argument("--speed", action="store_true", help="also time what claims add")
    parser.add_argument("--corpus", type=Path, default=None, help="JSONL corpus for --speed")
    parser.add_argument("--limit", type=int, default=200, help="corpus texts for --speed")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds for --speed")
    parser.add_argument("--jobs", type=int, default=1, help="also time -j JOBS for --speed")
    parser.add_argument("--cqe-rate", type=float, default=None,
                        help="CQE's sentences/s on this machine (cqe_speed.py), for a ratio")
    args = parser.parse_args(argv)
    count, seconds = run(args.gold, args.out, args.model)
    print(f"wrote {args.out}: {count} sentences in {seconds:.1f}s "
          f"({count / seconds:.0f} sentences/s, model load excluded)", file=sys.stderr)
    if args.speed:
        sentences = [s["text"] for s in json.loads(args.gold.read_text(encoding="utf-8"))]
        speed(sentences, args.gold.name, args)
        if args.corpus is not None:
            texts: list[str] = []
            with args.corpus.open(encoding="utf-8") as handle:
                for line in handle:
                    if len(texts) >= args.limit:
                        break
                    if line.strip():
                        texts.append(json.loads(line)["text"])
            speed(texts, args.corpus.name, args)


if __name__ == "__main__":
    main()
