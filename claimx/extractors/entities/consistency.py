"""Document consistency: names the document already uses are tagged where the model missed
them, and words the same text writes in lower case are not names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.doc.text import token_texts
from claimx.extractors.entities.candidate import Cand, taken_tokens
from claimx.extractors.entities.labels import NOT_NAME_TAGS, NUMERIC_LABELS
from claimx.extractors.entities.tokens import ACRONYM, lower_words, starts_sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.extractors.entities.lexicon import Lexicon

MIN_SURNAME_CHARS = 3  # a last word of one or two letters is too often an initial

Forms = dict[tuple[str, ...], str]


def drop_common_words(doc: Doc, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """A capitalised word at the start of a sentence or line that the same text also writes in
    lower case ("Fibre is...", "... fibre") is a common word, not a name."""
    lower: set[int] | None = None
    kept = []
    for cand in cands:
        tok = doc[cand.start]
        single = (
            cand.end - cand.start == 1
            and not cand.gaz
            and not cand.sure
            and tok.text[:1].isupper()
            and not tok.text.isupper()  # "WHO" in capitals is an acronym, not "who"
        )
        if single and cand.split and not ACRONYM.match(tok.text):
            continue  # "Giulia Ferraro\n\nHeavy": the model ran on past the line break
        if single and starts_sentence(doc, tok.i, lex.articles):
            if cand.label != "NORP" and tok.tag_ in NOT_NAME_TAGS:
                continue  # "Heavy rain fell": an adjective that opens a sentence
            if lower is None:
                lower = lower_words(doc)
            if doc.vocab.strings[tok.text.lower()] in lower:
                continue
        if (
            cand.label in ("NORP", "PRODUCT")
            and not cand.gaz
            and cand.end - cand.start == 1
            and tok.i
            and doc[tok.i - 1].lower_ in lex.place_prepositions
        ):
            cand.label = "GPE"  # "flew to Tarvisio": nationalities and products do not follow "to"
        kept.append(cand)
    return kept


def propagate(doc: Doc, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """Other occurrences of a name the document already uses are mentions of it too: the
    model often misses a name at the start of a sentence or in a list."""
    forms = _known_forms(doc, cands, lex)
    if not forms:
        return []
    longest = max(len(f) for f in forms)
    firsts = {form[0] for form in forms}
    texts = token_texts(doc)
    taken = taken_tokens(cands)
    lower: set[int] | None = None
    found: list[Cand] = []
    i = 0
    while i < len(doc):
        step = 1
        if i not in taken and texts[i] in firsts and texts[i][:1].isupper():
            for n in range(min(longest, len(doc) - i), 0, -1):
                form = tuple(texts[i : i + n])
                if form not in forms or any(
                    j in taken or doc[j].ent_type_ in NUMERIC_LABELS for j in range(i, i + n)
                ):
                    continue  # taken, or a date ("May" the month after "Helen May")
                if n == 1 and starts_sentence(doc, i, lex.articles) and not form[0].isupper():
                    if lower is None:
                        lower = lower_words(doc)
                    if doc.vocab.strings[form[0].lower()] in lower:
                        break
                found.append(Cand(i, i + n, forms[form]))
                step = n
                break
        i += step
    return found


def _known_forms(doc: Doc, cands: list[Cand], lex: Lexicon) -> Forms:
    """The token texts of every mention, with a person's surname and known given name."""
    forms: Forms = {}
    for cand in cands:
        form = tuple(doc[i].text for i in range(cand.start, cand.end))
        forms.setdefault(form, cand.label)
        last = doc[cand.end - 1]
        if (
            cand.label == "PERSON"
            and len(form) > 1
            and last.is_alpha
            and len(last) >= MIN_SURNAME_CHARS
        ):
            forms.setdefault((last.text,), "PERSON")  # "Halloran" after "Aoife Halloran"
            if form[0] in lex.first_names:
                forms.setdefault(form[:1], "PERSON")  # "Aoife" after "Aoife Halloran"
    return forms
