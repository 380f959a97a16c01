"""Questions about the dependency parse that several extractors ask: the subject of a verb.

``subject_of`` is one walk; a ``SubjectWalk`` holds the callers' differences, and each caller's
behaviour is a named setting:

- ``SPEAKER``: quotes, a cue verb's speaker; ``SPEAKER_FAR`` looks three verbs up;
- ``RELATIVE_PRONOUN``: quotes, the "who" of "Jane Doe, who said ...";
- ``CLAUSE_SUBJECT``: claims, a clause's subject (``claims.subject.walks.clause_subject``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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

Relatives = Literal["antecedent", "keep", "only"]


@dataclass(frozen=True)
class SubjectWalk:
    """How ``subject_of`` looks for a subject.

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

    deps: frozenset[str] = SUBJECTS
    nearest: bool = True
    through: frozenset[str] = SHARED_SUBJECT
    depth: int | None = 1
    relatives: Relatives = "antecedent"
    conj_deps: frozenset[str] | None = None


SPEAKER = SubjectWalk()
SPEAKER_FAR = replace(SPEAKER, depth=3)
RELATIVE_PRONOUN = SubjectWalk(deps=ACTIVE_SUBJECTS, nearest=False, through=frozenset(),
                               relatives="only")
CLAUSE_SUBJECT = SubjectWalk(nearest=False, through=frozenset({"conj", "xcomp", "aux"}),
                             depth=None, relatives="keep", conj_deps=ACTIVE_SUBJECTS)


def subject_of(verb: Token, walk: SubjectWalk = SPEAKER) -> Token | None:
    """The grammatical subject of ``verb``, looking up through the verbs it shares one with."""
    node = verb
    steps = 0
    while True:
        subject = _own_subject(node, walk)
        if subject is not None:
            return _resolve_relative(node, subject, walk.relatives)
        if node.head.i == node.i or node.dep_ not in walk.through:
            return None
        if walk.depth is not None and steps >= walk.depth:
            return None
        if walk.conj_deps is not None and node.dep_ == "conj":
            return next((c for c in node.head.children if c.dep_ in walk.conj_deps), None)
        node = node.head
        steps += 1


def _own_subject(node: Token, walk: SubjectWalk) -> Token | None:
    deps = walk.deps
    if not walk.nearest and walk.relatives != "only":
        # the first subject: stop at it (the claim builder asks this for every clause)
        for child in node.children:
            if child.dep_ in deps:
                return child
        return None
    candidates = [c for c in node.children if c.dep_ in deps]
    if walk.relatives == "only":
        if node.dep_ != "relcl":
            return None
        candidates = [c for c in candidates if c.lower_ in RELATIVES]
    if not candidates:
        return None
    if walk.nearest:
        # sorted() is stable: of two at the same distance the earlier one wins.
        return sorted(candidates, key=lambda c: abs(c.i - node.i))[0]
    return candidates[0]


def _resolve_relative(node: Token, subject: Token, relatives: Relatives) -> Token | None:
    if relatives != "antecedent" or subject.lower_ not in RELATIVES:
        return subject
    if node.dep_ == "relcl" and node.head.i != node.i:
        return node.head
    return None
