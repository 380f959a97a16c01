"""claimx's changes to spaCy's tokenization of news text: quotation marks glued to words split
off, and a blank line always starting a sentence. The text itself is never edited, so offsets
stay those of the input."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.doc.offsets import index_from, token_starts
from claimx.doc.sentences import BLANK_LINE
from claimx.doc.text import doc_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

# Quotation marks glued to the words around them ("The“Online", "responsibilities.“In",
# "said.\"We") stay one token with spaCy's default rules. These infixes split them off so
# quote and entity rules see the marks, while the text itself is never edited.
_GLUED_MARKS = (
    r"(?<=[\w])[“«‘](?=\w)",  # opening mark glued after a word: The“Online
    r"(?<=[.!?,;:])[“«\"](?=\w)",  # opening mark glued after punctuation: responsibilities.“In
    r"(?<=\w)[.!?,;:](?=[“«\"]\w)",  # the punctuation itself, so the sentence can end there
    r"(?<=[\w.!?,])[”»](?=\w)",  # closing mark glued before a word: program”is
    r"(?<=[”»\"])[―—–](?=\w)",  # a dash glued after a closing mark: him.”―Carla
    r"(?<=[”»\"])[―—–]",  # the same dash before a space or at the end: ”― Carla
    r"(?<=[\w.!?,])[”»](?=[―—–])",  # a closing mark glued before a dash: no”―and
    r"(?<=\w)[―—–](?=[“«])",  # a dash glued before an opening mark: now—“We
    r"(?<=[―—–])[“«](?=\w)",  # the opening mark after that dash: —“We
)


def adapt_tokenizer(nlp: Language) -> None:
    """Add claimx's infix rules to the model's tokenizer."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or [])
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
    tokenizer.infix_finditer = compile_infix_regex(infixes + list(_GLUED_MARKS)).finditer


PARAGRAPH_BREAKS = "claimx_paragraph_breaks"


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after each blank line; the parser keeps it."""
    text = doc_text(doc)
    if "\n" not in text:
        return doc
    starts = token_starts(doc)
    for match in BLANK_LINE.finditer(text):
        i = index_from(starts, match.end())
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc
