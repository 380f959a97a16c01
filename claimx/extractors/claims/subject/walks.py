"""Walks over the parse from a quantity to the word that names what it measures: the clause's
subject, a nested verb's subject, the noun a modifier qualifies, a verb's sized object."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.doc.syntax import CLAUSE_SUBJECT, RELATIVES, subject_of
from claimx.extractors.claims.phrase import NOUNS, SUBJECT_DEPS, names_time

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from claimx.extractors.claims.context import DocContext
    from claimx.extractors.claims.vocabulary import ClaimWords
    from claimx.models import Quantity

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod", "quantmod"})
_COMMON_NOUNS = ("NN", "NNS")
_NOUN_ROLES = ("dobj", "nsubj", "nsubjpass")
_PLURAL_ROLES = ("nsubj", "nsubjpass", "dobj", "pobj")
_PLURAL = "they"  # the pronoun that stands for a plural noun before it
# A relative pronoun that can be a clause's subject ("whom" never is).
_RELATIVE_SUBJECTS = RELATIVES - {"whom"}


def clause_subject(token: Token) -> Token | None:
    """The subject of a clause's verb, shared with the verb it is conjoined to or hangs on."""
    return subject_of(token, CLAUSE_SUBJECT)


def nearest_subject(head: Token, words: ClaimWords) -> Token | None:
    """The clause's subject, or the nearest one above it when the clause has none or only a
    pronoun: "Acme unveiled a plan to shed 300 posts" -> Acme; "The firm said it has..."
    -> The firm; a "they" with a plural noun before it stands for that noun."""
    token = head
    for _ in range(4):
        subj = clause_subject(token)
        if subj is not None and subj.lower_ in _RELATIVE_SUBJECTS and (
                token.dep_ == "relcl" and token.head.tag_.startswith("NN")):
            return token.head  # "a drone that can fly 60km/h": the relative's antecedent
        if subj is not None and subj.lower_ not in words.pronouns:
            return subj
        antecedent = _antecedent(subj) if subj is not None and token is head else None
        if antecedent is not None:
            return antecedent
        if token.head.i == token.i:
            break
        token = token.head
    return None


def _antecedent(pronoun: Token) -> Token | None:
    """What "they" stands for: the nearest plural noun before it in its sentence that is a
    subject or object ("sent the shares up, and they closed 8% higher")."""
    if pronoun.lower_ != _PLURAL:
        return None
    doc = pronoun.doc
    for i in range(pronoun.i - 1, -1, -1):
        tok = doc[i]
        if tok.tag_ in ("NNS", "NNPS") and tok.dep_ in _PLURAL_ROLES:
            return tok
        if tok.is_sent_start:
            break
    return None


def inner_subject(anchor: Token, head: Token, words: ClaimWords) -> Token | None:
    """The subject of a verb phrase nested below the clause head, on the way up from the
    quantity: "with exports climbing 9%", "with tea prices expected to rise 3%"."""
    token = anchor
    for _ in range(8):
        if token.tag_.startswith("VB"):
            subj = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None:
                # the head's own subject, or a pronoun's referent, is nearest_subject's to find
                ok = subj.lower_ not in words.pronouns and token.i != head.i
                return subj if ok else None
            if token.dep_ == "acl" and token.tag_ in ("VBG", "VBN") and (
                    token.head.i < token.i and token.head.tag_ in NOUNS):
                return token.head  # a participle on its noun: "imports falling by 2%"
        if token.i in (head.i, token.head.i):
            return None
        token = token.head
    return None


def qualified_noun(ctx: DocContext, token: Token) -> Token | None:
    """The common noun a modifier chain leads to ("25%" -> "premium"), past the unit of a
    conversion beside it ("a 9-mile (14.5 km) trek")."""
    for _ in range(4):
        if token.head.i <= token.i or token.dep_ not in _MODIFIER_DEPS:
            return None
        token = token.head
        bracketed_unit = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ")" \
            and any(a <= token.idx < b for a, b in ctx.quantity_spans)
        if token.tag_ in _COMMON_NOUNS and not bracketed_unit:
            return token
    return None


def measured_after(ctx: DocContext, q: Quantity) -> Token | None:
    """What an amount's unit measures, named after it: "3.4 gigawatts of capacity", "8 miles
    (13 km) of new track", and for money "$40m in funding"."""
    doc = ctx.doc
    nxt = ctx.token_from(q.end)
    if nxt is not None and nxt.text == "(":
        close = next((t for t in doc[nxt.i : nxt.i + 8] if t.text == ")"), None)
        nxt = doc[close.i + 1] if close is not None and close.i + 1 < len(doc) else None
    if nxt is None or nxt.head.i > nxt.i:
        return None
    if nxt.lower_ == "of" or (nxt.lower_ == "in" and ctx.words.is_money(q.unit)):
        for child in nxt.children:
            if child.dep_ == "pobj" and child.tag_ in _COMMON_NOUNS and not child.ent_type_:
                return child
    return None


def phrase_root(q: Quantity, anchor: Token) -> Token:
    """The quantity's token that hangs outside it: "cents" in "9 cents per share"."""
    token = anchor
    for _ in range(6):
        head = token.head
        if head.i == token.i or not (q.start <= head.idx < q.end):
            return token
        token = head
    return token


def changed_object(root: Token, q_unit: str | None, words: ClaimWords) -> Token | None:
    """The direct object of the verb whose "to/by/from/for/at" phrase holds the quantity, or
    the subject or object noun that phrase hangs on."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in words.level_preps or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.tag_ in NOUNS and verb.i < root.i and verb.dep_ in _NOUN_ROLES:
        return verb  # "cut its sales outlook from 6% to 4%"
    if not verb.tag_.startswith("VB") or (prep.lower_ == "for" and not words.is_money(q_unit)):
        return None  # "produce oil for 25 years": a duration, not a price
    for child in verb.children:
        if child.dep_ == "dobj" and child.tag_ in NOUNS and child.i < root.i:
            return child
    return None


def paid_for(root: Token, q_unit: str | None, words: ClaimWords) -> Token | None:
    """What a sum paid or charged is for: "paid $4,200 for tickets", "charged a total of
    £40 for delivery"."""
    if not words.is_money(q_unit):
        return None
    obj = root
    if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ == "dobj":
        obj = obj.head.head  # "a total of $40"
    if obj.dep_ != "dobj" or obj.head.lower_ not in words.price_verbs:
        return None
    for holder in (obj, obj.head):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "for" and prep.i > root.i and (
                    not names_time(prep, words)):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.tag_ in NOUNS:
                        return pobj
    return None


def has_prep(token: Token, word: str) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == word for c in token.children)


def pobjs(token: Token) -> list[Token]:
    """The objects of a preposition."""
    return [c for c in token.children if c.dep_ == "pobj"]


def gapped_name(doc: Doc, i: int) -> bool:
    """A name that opens a list item with its verb left out: ", Bolt" or "and Bolt"."""
    if i < 1 or doc[i].tag_ not in ("NNP", "NNPS"):
        return False
    while i > 0 and doc[i - 1].tag_ in ("NNP", "NNPS"):
        i -= 1
    return i > 0 and doc[i - 1].lower_ in (",", "and")
