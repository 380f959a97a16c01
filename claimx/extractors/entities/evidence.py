"""Labels from what the article does with a name: a name that speaks is a person or an
organisation, and a name written after "the" is not a person.

The small model labels a name from its letters and a few words around it, so an unfamiliar
company that "told reporters" comes out as a place and "the Harlow Hawks" as a person. The
sentence around the name settles both, whatever the name looks like.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.entities.candidate import Cand, key
from claimx.extractors.entities.speaking import speaker_kinds

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from claimx.extractors.entities.lexicon import Lexicon

# Labels a speaker cannot carry: things and places do not talk. NORP stays ("Democrats said").
# A law "says" and "states" what it provides, so LAW stays too.
NON_SPEAKER_LABELS = frozenset({"GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT",
                                "LANGUAGE"})
# Labels the model gives an unfamiliar company that a deal ("acquired Brisk") overrules; a
# person can be signed or bought (a player), so PERSON stays.
DEAL_RELABELLED = frozenset({"GPE", "LOC", "FAC", "PRODUCT", "NORP", "WORK_OF_ART"})
# Labels a title before a name overrules ("Coach Imre Vadasz" tagged ORG).
TITLED_RELABELLED = frozenset({"ORG", "GPE", "LOC", "NORP", "PRODUCT", "FAC", "WORK_OF_ART"})
TITLED_WORDS = 2  # given name and surname: "Governor Lusk" may be the governor of Lusk
# The speaker and the one spoken to ("Lanning told the Lusk Gazette"): a person or a body.
SPEECH_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# Tags of the word after "the <name>" that make the name a modifier ("the Obama
# administration", "the Grant family"), which can be a person's name; so does a capitalised
# word ("the Bush Presidency").
MODIFIED_NOUN_TAGS = frozenset({"NN", "NNS"})


def evidence_labels(doc: Doc, cands: list[Cand], lex: Lexicon) -> None:
    """Relabel every mention of a name the article once writes as a non-person ("the Harlow
    Hawks"), writes after a title ("coach Imre Vadasz"), or makes speak under a place's label
    ("Vantage told reporters")."""
    not_person: set[str] = set()
    titled: set[str] = set()
    speakers: dict[str, str] = {}
    mentions = [(c, key(doc[c.start:c.end].text)) for c in cands if not (c.gaz or c.sure)]
    for cand, k in mentions:
        if _after_title(doc, cand, lex):
            titled.add(k)
        elif _after_the(doc, cand):
            not_person.add(k)
        if cand.label != "NORP" and _speaks(doc, cand, lex):
            speakers.setdefault(k, _speaker_label(doc, cand, lex))
    kinds = speaker_kinds(doc, cands, set(speakers), lex)
    evidence = (not_person - titled, titled, speakers)
    for cand, k in mentions:
        _relabel(doc, cand, k, lex, evidence)
        _settle_speaker(cand, kinds.get(k))


def _settle_speaker(cand: Cand, kind: str | None) -> None:
    """A speaking name the model calls a person or a body takes the kind the article's own
    words for it give ("Pardo said ... he", "Kelby said ... the club")."""
    if kind and cand.label in ("PERSON", "ORG"):
        cand.label = kind


def _relabel(doc: Doc, cand: Cand, k: str, lex: Lexicon,
             evidence: tuple[set[str], set[str], dict[str, str]]) -> None:
    not_person, titled, speakers = evidence
    if k in titled and cand.label in TITLED_RELABELLED:
        cand.label = "PERSON"
    elif (cand.label == "PERSON" and k in not_person) or (
            cand.label in DEAL_RELABELLED and _dealt(doc, cand, lex)):
        cand.label = "ORG"
    elif k in speakers and (cand.label in NON_SPEAKER_LABELS or (
            cand.label == "LAW" and _told(doc, cand, lex))):
        cand.label = speakers[k]


def _after_title(doc: Doc, cand: Cand, lex: Lexicon) -> bool:
    """"Coach Imre Vadasz", "governor Ilse Marrow": a title right before a name of two
    words or more names a person, unless the name's own head says it is a body."""
    if cand.start == 0 or cand.end - cand.start < TITLED_WORDS:
        return False
    last = doc[cand.end - 1].lower_
    return (doc[cand.start - 1].lower_ in lex.titles and doc[cand.start].is_title
            and last not in lex.org_heads and last not in lex.club_words)


def _speaker_label(doc: Doc, cand: Cand, lex: Lexicon) -> str:
    """The label a speaking name's other mentions take: its own when it is a person's or a
    body's; else a person's when it opens with a given name ("Marta Vidal told"), else a
    body's, often one named after a place ("Port Arden said")."""
    if cand.label in ("PERSON", "ORG"):
        return cand.label
    first = doc[cand.start].text
    several = cand.end - cand.start > 1
    person = several and (first in lex.first_names or first in lex.given_genders)
    return "PERSON" if person else "ORG"


def _after_the(doc: Doc, cand: Cand) -> bool:
    """"the Harlow Hawks have won": a person's name does not take "the" (a title would stand
    between them, and titles are outside the mention)."""
    if cand.start == 0 or doc[cand.start - 1].lower_ != "the":
        return False
    after = doc[cand.end] if cand.end < len(doc) else None
    return after is None or not (after.tag_ in MODIFIED_NOUN_TAGS or after.text[:1].isupper())


def _dealt(doc: Doc, cand: Cand, lex: Lexicon) -> bool:
    """The name is what a deal verb takes: "bought Brisk", "merged with Tavora", "was
    acquired by Kelm"."""
    root: Token = doc[cand.start:cand.end].root
    head = root.head
    if root.dep_ == "dobj":
        return head.lower_ in lex.deal_verbs
    if root.dep_ == "pobj" and head.lower_ in ("with", "by"):
        return head.head.lower_ in lex.deal_verbs
    return False


def _told(doc: Doc, cand: Cand, lex: Lexicon) -> bool:
    """"told the Lusk Gazette": a law says what it provides, but it is never told anything."""
    root: Token = doc[cand.start:cand.end].root
    return root.dep_ == "dobj" and root.head.lower_ in lex.speech_verbs


def _speaks(doc: Doc, cand: Cand, lex: Lexicon) -> bool:
    """The name is the subject of a speech verb, the one it is told to ("told the Lusk
    Gazette"), or what "according to" names."""
    root: Token = doc[cand.start:cand.end].root
    head = root.head
    if root.dep_ in SPEECH_DEPS and head.lower_ in lex.speech_verbs:
        return True
    return root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"
