"""Questions about the dependency parse that several extractors ask: the subject of a verb.

``subject_of`` is one walk with the callers' differences as keyword options:

- quotes (a cue verb's speaker): ``subject_of(verb)`` with the defaults, ``depth=3`` where the
  speaker search looks further up;
- quotes (the "who" of "Jane Doe, who said ..."): ``subject_of(verb, relatives="only",
  nearest=False, deps=ACTIVE_SUBJECTS, through=())``;
- claims (a clause's subject): ``subject_of(token, nearest=False, through=CLAIM_CLIMB,
  depth=None, relatives="keep", conj_deps=ACTIVE_SUBJECTS)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Token

# Closed-class grammar, not vocabulary: the pronouns that open a relative clause.
RELATIVES = frozenset({"who", "that", "which", "whom"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
ACTIVE_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Verbs that share the subject of the verb they hang on: "..., he said and added",
# "Smith left, saying ...", "planned to cut".
SHARED_SUBJECT = frozenset({"conj", "xcomp", "advcl"})
# The claims walk: through a conjunct, an open complement or an auxiliary.
CLAIM_CLIMB = frozenset({"conj", "xcomp", "aux"})

Relatives = Literal["antecedent", "keep", "only"]


def subject_of(verb: Token, *, deps: frozenset[str] = SUBJECTS, nearest: bool = True,
               through: Iterable[str] = SHARED_SUBJECT, depth: int | None = 1,
               relatives: Relatives = "antecedent",
               conj_deps: frozenset[str] | None = None) -> Token | None:
    """The grammatical subject of ``verb``, looking up through the verbs it shares one with.

    - ``deps``: the dependency labels of a subject;
    - ``nearest``: of several subjects take the one nearest the verb (a parse that runs over a
      headline may give two), else the first in the sentence;
    - ``through``, ``depth``: a verb without a subject of its own that hangs on its head by one
      of these labels takes its head's subject, at most ``depth`` verbs up (None: no limit);
    - ``relatives``: a relative pronoun subject stands for the noun the clause hangs on
      ("antecedent"; outside a relative clause it gives None), is itself the answer ("keep"),
      or is the only answer, for a relative clause's verb ("only");
    - ``conj_deps``: when set, a conjunct verb takes its head's subject of these labels and the
      walk stops there ("profits rose and topped forecasts").
    """
    climb = frozenset(through)
    node = verb
    steps = 0
    while True:
        subject = _own_subject(node, deps, nearest=nearest, relatives=relatives)
        if subject is not None:
            return _resolve_relative(node, subject, relatives)
        if node.head.i == node.i or node.dep_ not in climb:
            return None
        if depth is not None and steps >= depth:
            return None
        if conj_deps is not None and node.dep_ == "conj":
            return next((c for c in node.head.children if c.dep_ in conj_deps), None)
        node = node.head
        steps += 1


def _own_subject(node: Token, deps: frozenset[str], *, nearest: bool,
                 relatives: Relatives) -> Token | None:
    candidates = [c for c in node.children if c.dep_ in deps]
    if relatives == "only":
        if node.dep_ != "relcl":
            return None
        candidates = [c for c in candidates if c.lower_ in RELATIVES]
    if not candidates:
        return None
    if nearest:
        # sorted() is stable: of two at the same distance the earlier one wins.
        return sorted(candidates, key=lambda c: abs(c.i - node.i))[0]
    return candidates[0]


def _resolve_relative(node: Token, subject: Token, relatives: Relatives) -> Token | None:
    if relatives != "antecedent" or subject.lower_ not in RELATIVES:
        return subject
    if node.dep_ == "relcl" and node.head.i != node.i:
        return node.head
    return None
