"""People who share a surname: each surname mention goes to the compatible person most
recently in focus.

Linking by written form alone cannot tell "Mrs. Grant" from her husband "Tom Grant", and gives
up on a bare "Grant" once "Tom Grant" and "Mary Grant" both appear, leaving the principal
split in two. Here each one-word mention of a shared or titled surname is resolved on its own:
a gendered title ("Mr.", "Mrs.") rules out people of the other gender (from their own titles,
else their given name), and among the rest the one in focus wins: the one who was last the
subject of a clause ("Tom Grant praised his wife, Mary Grant. Grant said": Tom), else the one
mentioned last before it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from claimx.doc.syntax import ACTIVE_SUBJECTS
from claimx.extractors.entities.candidate import Cand, key

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.extractors.entities.lexicon import Lexicon


def resolve_surnames(doc: Doc, cands: list[Cand], lex: Lexicon) -> None:
    """Set ``ref`` on surname mentions whose person the written form alone does not settle."""
    persons = _full_names(doc, cands)
    by_surname: dict[str, list[str]] = {}
    for person in persons:
        by_surname.setdefault(person.split()[-1], []).append(person)
    genders = {p: _gender(doc, cs, lex) for p, cs in persons.items()}
    last_seen: dict[str, int] = {}
    last_subject: dict[str, int] = {}
    for cand in sorted(cands, key=lambda c: c.start):
        k = key(doc[cand.start:cand.end].text)
        title = _title_gender(doc, cand.start, lex)
        if k in persons:
            _seen(doc, cand, k, last_seen, last_subject)
            continue
        if " " in k or k not in by_surname:
            continue
        pool = [p for p in by_surname.get(k, []) if title is None or genders[p] in (None, title)]
        if title is None and (len(pool) <= 1 or cand.gaz):
            continue  # one person or none: linking by form already gets it right
        # A titled surname nobody else fits is a person of its own ("Mrs. Grant"), reached
        # again only through the same title: a bare "Grant" means a full-named Grant.
        ref = _in_focus(pool, last_seen, last_subject, persons) if pool else f"{k}#{title}"
        cand.ref = ref
        cand.label = "PERSON"
        _seen(doc, cand, ref, last_seen, last_subject)


def _seen(doc: Doc, cand: Cand, person: str, last_seen: dict[str, int],
          last_subject: dict[str, int]) -> None:
    """Note a mention of ``person``, and whether it was a clause's subject."""
    last_seen[person] = cand.start
    root = doc[cand.start:cand.end].root
    if root.dep_ in ("appos", "compound") and root.head.i != root.i:
        root = root.head  # "His brother, Paul Grant, stayed home": Paul is the subject
    if root.dep_ in ACTIVE_SUBJECTS:
        last_subject[person] = cand.start


def _full_names(doc: Doc, cands: list[Cand]) -> dict[str, list[Cand]]:
    """Keys of several words that most of their mentions call PERSON, with those mentions."""
    grouped: dict[str, list[Cand]] = {}
    for cand in cands:
        grouped.setdefault(key(doc[cand.start:cand.end].text), []).append(cand)
    return {
        k: cs for k, cs in grouped.items()
        if " " in k and Counter(c.label for c in cs).most_common(1)[0][0] == "PERSON"
    }


def _title_gender(doc: Doc, i: int, lex: Lexicon) -> str | None:
    """The gender a title just before token ``i`` gives ("Mrs." before "Grant"), if any."""
    if i == 0:
        return None
    return lex.gender_titles.get(doc[i - 1].lower_.rstrip("."))


def _gender(doc: Doc, cands: list[Cand], lex: Lexicon) -> str | None:
    """A person's gender from a title before any mention, else from the given name."""
    for cand in cands:
        title = _title_gender(doc, cand.start, lex)
        if title:
            return title
    return lex.given_genders.get(doc[cands[0].start].text)


def _in_focus(pool: list[str], last_seen: dict[str, int], last_subject: dict[str, int],
              persons: dict[str, list[Cand]]) -> str:
    """The person last seen as a subject; else the one mentioned last so far; before any
    is mentioned, the first to be named."""
    subjects = [p for p in pool if p in last_subject]
    if subjects:
        return max(subjects, key=lambda p: last_subject[p])
    seen = [p for p in pool if p in last_seen]
    if seen:
        return max(seen, key=lambda p: last_seen[p])
    return min(pool, key=lambda p: min(c.start for c in persons[p]))
