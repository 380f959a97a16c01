"""What "it" and "they" stand for: the subject the text was just about, when it agrees.

"The company said ... It added ...", "Her campaign said ... They said ...": the pronoun takes
the nearest main-clause subject before it, within three sentences, that could speak for a
body (a named organisation, a body's description, or a plain noun that was the subject of a
speech verb: "The trustees said ... They added") and agrees in number ("it" a singular,
"they" a plural or a collective: an organisation, a campaign). That subject is resolved
through the layer itself, so "it" gets the organisation "the company" stands for, or the
description as written when the article named none ("The health ministry said ... It said":
the ministry, not an institute named before it). A person who was the subject in between is
skipped: "it" and "they" are not one person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.doc.syntax import SUBJECTS
from claimx.extractors.mentions.descriptions import VOICE

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Token

    from claimx.extractors.mentions.resolver import MentionResolver
    from claimx.models import Speaker

# How many sentences back (counting the pronoun's own) the subject may be.
SUBJECT_SENTENCES = 3
# The same for the person in focus of "he"/"she" or a person's description.
FOCUS_SENTENCES = 2
PLURAL_PRONOUNS = frozenset({"they", "them"})
# Names of bodies that may speak; a person is not "it", and not "they" alone.
_BODY_LABELS = frozenset({"ORG", "NORP", "GPE"})
# Description nouns for a body, not a person ("the company", "her campaign").
_BODY_DESCRIPTIONS = frozenset({"thing", VOICE})
_SINGULAR = frozenset({"NN", "NNP"})
_PLURAL = frozenset({"NNS", "NNPS"})



def _tokens_before(token: Token, sentences: int) -> Iterator[Token]:
    """The tokens before ``token``, nearest first, in its own sentence and ``sentences - 1``
    before it (the sentence starts counted on the way)."""
    doc, seen = token.doc, 0
    for i in range(token.i - 1, -1, -1):
        if doc[i].is_sent_start:
            seen += 1
            if seen > sentences:
                return
        yield doc[i]

def subject_referent(layer: MentionResolver, pronoun: Token) -> Speaker | None:
    """The Speaker of the subject "it"/"they" at ``pronoun`` refers to, or None."""
    plural = pronoun.lower_ in PLURAL_PRONOUNS
    for tok in _tokens_before(pronoun, SUBJECT_SENTENCES):
        if tok.dep_ not in SUBJECTS or not _leads(tok) or layer.quoted(tok.idx):
            continue
        if tok.tag_ == "PRP":
            if (tok.lower_ in PLURAL_PRONOUNS) == plural and tok.lower_ in ("it", *PLURAL_PRONOUNS):
                return layer.resolve(tok)  # "It said ... It added": the same body
            continue
        if _may_speak_for_body(layer, tok, plural):
            found = layer.resolve(tok)
            # A description that turned out to be a person ("the director") is no body;
            # a voice ("her campaign") speaks for its person by design.
            if _person(layer, found) and layer.words.descriptions.get(tok.lower_) != VOICE:
                continue
            return found
    return None


def person_referent(layer: MentionResolver, mention: Token,
                    gender: str | None = None) -> Speaker | None:
    """Who "he"/"she" (of ``gender``) or a person's description at ``mention`` stands for
    when the text was just about them: the nearest subject of a sentence's main verb before
    it, in its own sentence or the one before, when that subject is a person (a name, a person's
    description, or "he"/"she" again) of that gender, resolved through the layer ("The
    striker spoke of Ruiz's foul on Abel. "...," he said": the striker, not Abel). None when
    that subject is anything else, or of the other gender: the caller's own rule decides."""
    for tok in _tokens_before(mention, FOCUS_SENTENCES):
        # The subject of the sentence's own verb, not of a clause conjoined to it ("Lee
        # tried to jump, but his knee hit the bar": Lee).
        if tok.dep_ not in SUBJECTS or tok.head.dep_ != "ROOT" or layer.quoted(tok.idx):
            continue
        if tok.tag_ == "PRP":
            other = layer.words.pronouns.get(tok.lower_, ("", None))[1]
            if other is None or gender not in (None, other):
                return None  # "it", "they", or someone of the other gender
            return layer.resolve(tok)
        found = _person_subject(layer, tok)
        if found is None:
            return None
        known = layer.genders.get(found.name)
        return found if gender is None or known in (None, gender) else None
    return None


def _person_subject(layer: MentionResolver, tok: Token) -> Speaker | None:
    """The Speaker of a subject that names or describes a person, else None."""
    if layer.label_of(tok) == "PERSON":
        return layer.resolve(tok)
    if tok.ent_type_ or layer.words.descriptions.get(tok.lower_) != "person":
        return None
    found = layer.resolve(tok)
    return found if _person(layer, found) else None


def _person(layer: MentionResolver, speaker: Speaker) -> bool:
    entity = layer.entity(speaker.entity)
    return entity is not None and entity.label == "PERSON"


def _leads(tok: Token) -> bool:
    """``tok`` is the subject of its sentence's main verb (or of a verb conjoined to it),
    not of a clause inside what the sentence reports."""
    head = tok.head
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")


def _may_speak_for_body(layer: MentionResolver, tok: Token, plural: bool) -> bool:
    """A body's name or description that agrees with the pronoun in number."""
    label = layer.label_of(tok)
    if label == "PERSON" or any(c.dep_ == "conj" for c in tok.children):
        return False
    described = layer.words.descriptions.get(tok.lower_)
    body = label in _BODY_LABELS or described in _BODY_DESCRIPTIONS or (
        # a plain noun or a name that spoke: "The trustees said ... They added", "The
        # report said ... It said"; not a person's title ("the mayor"). A name that
        # speaks is a body even when its entity's label says otherwise.
        described is None and tok.head.lower_ in layer.words.speech)
    if not body:
        return False
    # An organisation or a collective noun may be "they" ("the campaign ... They said").
    return tok.tag_ in _SINGULAR if not plural else tok.tag_ in _SINGULAR | _PLURAL
