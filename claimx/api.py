"""The Extractor: one loaded model and rule set, turning texts into Documents."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimx.models import ArticleDate, Claim, Document, InputDoc, Problem, Quote
from claimx.version import __version__

if TYPE_CHECKING:
    from spacy.tokens import Doc

KINDS = ("claims", "quotes", "entities")
DEFAULT_BATCH_SIZE = 16



class Extractor:
    """Loads a spaCy model and claimx's rules once, then extracts from any number of texts.

    >>> extractor = Extractor()
    >>> doc = extractor("Sales rose 5% to $2bn, the company said.")
    >>> [q.text for c in doc.claims for q in c.quantities]
    ['5%', '$2bn']
    """

    # Seconds one document may take before it becomes a "timeout" error record (None: no
    # limit); the CLI's --doc-timeout sets it.
    doc_timeout: float | None = None

    def __init__(  # noqa: PLR0913 (keyword-only options after the model and patterns)
        self,
        model: str | None = None,
        patterns: Sequence[str | Path] = (),
        *,
        only: Iterable[str] = KINDS,
        entity_labels: Iterable[str] | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        fast: bool = False,
    ) -> None:
        """``fast``: parse only the sentences that can hold the kinds asked (claimx.fastpath);
        it applies when entities are not asked for, since they need every sentence."""
        from claimx.components import claimx_components
        from claimx.dates import TimeResolver
        from claimx.extractors.claims import ClaimExtractor
        from claimx.extractors.entities import EntityExtractor
        from claimx.extractors.furniture import FurnitureFinder
        from claimx.extractors.mentions import MentionWords
        from claimx.extractors.quotes import QuoteExtractor
        from claimx.flags import Flagger
        from claimx.pipeline import load_model, model_label
        from claimx.rules.loader import load_patterns

        self.only = frozenset(only)
        unknown = self.only - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kind(s) {sorted(unknown)}; choose from {list(KINDS)}")
        self.entity_labels = frozenset(entity_labels) if entity_labels is not None else None
        self.batch_size = batch_size
        self.patterns = load_patterns(patterns)
        self.nlp = load_model(model)
        self.model = model_label(self.nlp)
        self._furniture = FurnitureFinder(self.nlp, self.patterns)
        # Entities feed quote speakers, so quotes need them even when they are not shown.
        self._entities = (EntityExtractor(self.nlp, self.patterns)
                          if {"entities", "quotes"} & self.only else None)
        self._claims = ClaimExtractor(self.nlp, self.patterns) if "claims" in self.only else None
        self._quotes = QuoteExtractor(self.nlp, self.patterns) if "quotes" in self.only else None
        # Claim sources resolve through the mention layer the quotes share, with its words.
        self._mention_words = None
        if "claims" in self.only:
            self._mention_words = (self._quotes.speaker_words if self._quotes is not None
                                   else MentionWords.from_patterns(self.patterns))
        self._times = TimeResolver(self.patterns)
        self._flags = Flagger(self.patterns)
        self._components = claimx_components(self._furniture, self._entities, self._claims,
                                             self._quotes)
        self._fast = self._fast_parser() if fast and "entities" not in self.only else None

    def _fast_parser(self) -> Any:
        from claimx.fastpath import FastParser

        return FastParser(self.nlp, self.patterns, self.only)

    def _parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        if self._fast is not None:
            return self._fast.pipe(texts)  # type: ignore[no-any-return]
        return self.nlp.pipe(texts)

    def __call__(self, text: str, date: str | None = None) -> Document:
        """Extract from one text; claim times resolve against ``date`` (YYYY-MM-DD) if given."""
        return next(self.pipe([text], date=date))

    def pipe(self, texts: Iterable[str | tuple[str, dict[str, Any]]],
             date: str | None = None) -> Iterator[Document]:
        """Extract from texts, or ``(text, meta)`` tuples, yielding Documents in input order.

        A ``meta["id"]`` becomes the Document's id; otherwise documents are numbered from 0.
        Claim times resolve against ``date`` (YYYY-MM-DD) when given, else a ``meta["date"]``,
        else the article's dateline.
        """
        given = ArticleDate(_iso(date), "option") if date is not None else None

        def inputs() -> Iterator[InputDoc]:
            for number, item in enumerate(texts):
                text, meta = item if isinstance(item, tuple) else (item, {})
                _check_text(text)
                meta = dict(meta)
                doc_id = str(meta.pop("id", number))
                yield InputDoc(id=doc_id, text=text, meta=meta, date=given)

        return self.process(inputs())

    def process(self, inputs: Iterable[InputDoc]) -> Iterator[Document]:
        """Extract from InputDocs in batches; a document that fails becomes an error record."""
        batch: list[InputDoc] = []
        for item in inputs:
            batch.append(item)
            if len(batch) >= self.batch_size:
                yield from self._process_batch(batch)
                batch = []
        if batch:
            yield from self._process_batch(batch)

    def _process_batch(self, batch: list[InputDoc]) -> Iterator[Document]:
        from claimx.deadline import DocTimeout, deadline
        from claimx.longdoc import needs_pieces

        whole = [item for item in batch if _runnable(item) and not needs_pieces(item.text or "")]
        budget = self.doc_timeout * len(whole) if self.doc_timeout else None
        try:
            with deadline(budget):
                docs = list(self._parse(i.text or "" for i in whole))
            parsed = dict(zip((id(i) for i in whole), docs, strict=True))
        except (Exception, DocTimeout):
            # One bad or slow text must not sink its batch: parse the batch again one by one.
            parsed = {}
        for item in batch:
            if not _runnable(item):
                yield self._record(item)
                continue
            yield self._guarded(item, parsed.get(id(item)))

    def _guarded(self, item: InputDoc, doc: Doc | None) -> Document:
        """One document's record; a failure or a run past the time budget is an error record."""
        from claimx.deadline import DocTimeout, deadline
        from claimx.longdoc import needs_pieces

        try:
            if doc is None and needs_pieces(item.text or ""):
                return self._in_pieces(item)  # the time budget holds for each piece
            with deadline(self.doc_timeout):
                if doc is None:
                    doc = next(self._parse([item.text or ""]))
                return self.from_doc(doc, item)
        except DocTimeout as err:
            problem = Problem("timeout", str(err))
        except Exception as err:  # any failure becomes an error record
            problem = Problem("extract-failed", f"{type(err).__name__}: {err}")
        return self._record(item, errors=(*item.errors, problem))

    def _in_pieces(self, item: InputDoc) -> Document:
        """A long or pathological text, parsed and extracted piece by piece (claimx/longdoc).

        Each piece has the time budget of a document; a piece past it loses its own records
        only, with a warning, and the rest of the document goes on.
        """
        from claimx.longdoc import Merger, has_words, pieces

        text = item.text or ""
        merger = Merger()
        parts = [p for p in pieces(text) if has_words(text[p.start:p.end])]
        texts = [text[p.start:p.end] for p in parts]
        # A piece repeated word for word (boilerplate, a flood of one line) is run once: a
        # piece's records depend on its text alone. Each piece's records are merged at
        # once, so memory stays that of a normal article plus the records.
        counts = Counter(texts)
        bare = replace(item, errors=())
        memo: dict[str, Document] = {}
        for part, piece in zip(parts, texts, strict=True):
            record = memo.get(piece) or self._piece(piece, bare, part.start)
            if counts[piece] > 1:
                memo[piece] = record
            merger.add(record, part.start)
        return merger.into(self._record(item))

    def _piece(self, piece: str, item: InputDoc, start: int) -> Document:
        from claimx.deadline import DocTimeout, deadline

        try:
            with deadline(self.doc_timeout):
                return self.from_doc(next(self._parse([piece])), item)
        except DocTimeout as err:
            where = f"characters {start}-{start + len(piece)}"
            problem = Problem("timeout", f"{where}: {err}; their records are missing",
                              fatal=False)
            return self._record(item, errors=(problem,))

    def from_doc(self, doc: Doc, item: InputDoc) -> Document:
        """Run claimx's components over a parsed Doc and collect their records."""
        from claimx.components import problems, records
        from claimx.dates import article_date, resolve_claims
        from claimx.extractors.mentions import release_mentions

        for component in self._components:
            component(doc)
        furniture = tuple(records(doc, "furniture"))
        date = item.date or article_date(item.meta, furniture)
        quotes = self._flags.quotes(doc, tuple(records(doc, "quotes")))
        claims = self._attributed(doc, resolve_claims(tuple(records(doc, "claims")),
                                                      self._times, date), quotes)
        release_mentions(doc)
        shown = records(doc, "entities") if "entities" in self.only else []
        if self.entity_labels is not None:
            shown = [e for e in shown if e.label in self.entity_labels]
        return replace(
            self._record(item, errors=(*item.errors, *problems(doc))),
            claims=self._flags.claims(doc, claims, quotes),
            quotes=quotes,
            entities=tuple(shown),
            furniture=furniture,
            date=date,
        )

    def _attributed(self, doc: Doc, claims: tuple[Claim, ...],
                    quotes: tuple[Quote, ...]) -> tuple[Claim, ...]:
        """Claims with sources from the document's mention layer (claimx.extractors.mentions):
        the speaker of a quote around them, else their own source's entity."""
        from claimx.components import records
        from claimx.extractors.mentions import document_mentions
        from claimx.extractors.mentions.attribution import attribute_claims

        if self._mention_words is None or not claims:
            return claims
        layer = document_mentions(doc, records(doc, "entities"), words=self._mention_words,
                                  furniture=records(doc, "furniture"))
        return attribute_claims(claims, quotes, layer)

    def _record(self, item: InputDoc, errors: tuple[Problem, ...] | None = None) -> Document:
        return Document(
            id=item.id,
            source=item.source,
            meta=item.meta,
            errors=item.errors if errors is None else errors,
            version=__version__,
            model=self.model,
            date=item.date,
        )


def _iso(date: str) -> str:
    """A YYYY-MM-DD date checked, or ValueError."""
    return dt.date.fromisoformat(date).isoformat()


def _fatal(item: InputDoc) -> bool:
    return any(p.fatal for p in item.errors)


def _runnable(item: InputDoc) -> bool:
    return item.text is not None and not _fatal(item)


def _check_text(text: object) -> None:
    """The library takes text as str; anything else is the caller's mistake, said plainly."""
    if not isinstance(text, str):
        hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(
            text, (bytes, bytearray)) else ""
        raise TypeError(f"claimx extracts from a str, not {type(text).__name__}{hint}")
