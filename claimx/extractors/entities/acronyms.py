"""Acronyms: "Baltic Ports Union (BPU)" adds BPU and maps it to the long name; untagged
capitals that spell a named organisation's initials are mentions of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.entities.candidate import Cand, initials, key, taken_tokens
from claimx.extractors.entities.tokens import ACRONYM

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.extractors.entities.lexicon import Lexicon

# Two letters ("BA", "FR") spell too many things to stand for a name.
MIN_INITIALS = 3
INITIALISM_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW"})


def add_acronyms(doc: Doc, cands: list[Cand]) -> dict[str, str]:
    """Add the acronym in brackets after a name; map its key to the name's key."""
    acronyms: dict[str, str] = {}
    starts = {c.start: c for c in cands}
    for cand in list(cands):
        i = cand.end
        if i + 2 >= len(doc):
            continue
        if doc[i].text != "(" or doc[i + 2].text != ")":
            continue
        acr = doc[i + 1]
        if not ACRONYM.match(acr.text) or acr.text[0] != doc[cand.start].text[0].upper():
            continue
        acronyms[key(acr.text)] = key(doc[cand.start:cand.end].text)
        if acr.i not in starts:
            cands.append(Cand(acr.i, acr.i + 1, cand.label, gaz=cand.gaz))
    return acronyms


def initialisms(doc: Doc, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """Untagged capitals that spell a named organisation's initials ("BPU") are mentions of it."""
    spelled: dict[str, str] = {}
    for cand in cands:
        if cand.label in INITIALISM_LABELS and cand.end - cand.start > 1:
            code = initials(key(doc[cand.start:cand.end].text), lex.joiners).upper()
            if len(code) >= MIN_INITIALS:
                spelled.setdefault(code, cand.label)
    if not spelled:
        return []
    taken = taken_tokens(cands)
    # Compare token ids, not Token objects: building a Token per word costs more than the rest.
    wanted = {doc.vocab.strings[code]: code for code in spelled if code in doc.vocab.strings}
    orths = doc.to_array("ORTH")
    return [Cand(i, i + 1, spelled[wanted[int(orth)]]) for i, orth in enumerate(orths)
            if int(orth) in wanted and i not in taken]
