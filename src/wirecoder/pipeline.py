"""The pipeline, in the order the data flows:

    inputs ─ingest─▶ Article ─nlp─▶ Doc ─actors─▶ Actor[] ─events─▶ reports, Quote[]
           ─when_where─▶ dated, placed reports ─merge─▶ Event[] ─▶ Document

:func:`code_inputs` is the library entry point behind ``wirecoder code``; :class:`Coder` codes
articles already in memory. An input or article that fails becomes a :class:`Failure` in the
stream and the batch goes on.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cached_property, lru_cache
from itertools import islice
from typing import BinaryIO

from spacy.tokens import Doc, Span

from wirecoder.actors import ActorFinder, load_resources
from wirecoder.events import EventCoder, load_lexicon
from wirecoder.events.merge import merge
from wirecoder.ingest import read_articles
from wirecoder.nlp import Annotator
from wirecoder.nlp.select import ACTOR_WORDS, needs_parse, trigger_forms
from wirecoder.records import Article, Document, Failure
from wirecoder.settings import Settings
from wirecoder.when_where import Situator, is_big_city

Result = Document | Failure


class Coder:
    """Codes articles end to end with one loaded pipeline."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.annotator = Annotator(settings, select=self._needs_parse)
        self._actors: ActorFinder | None = None
        self._events: EventCoder | None = None
        self.situator = Situator(dateline_places=settings.dateline_places)

    def _needs_parse(self, sentence: Span) -> bool:
        return needs_parse(sentence, self.actors.cue_words, self.triggers)

    @cached_property
    def triggers(self) -> frozenset[str]:
        """The written forms of every lexicon and reporting verb and noun (see :mod:`.nlp.select`)."""
        lexicon = self.events.lexicon
        irregular: dict[str, list[str]] = {}
        if "lemmatizer" in self.annotator.nlp.pipe_names:
            tables = getattr(self.annotator.nlp.get_pipe("lemmatizer"), "lookups", None)
            if tables is not None and tables.has_table("lemma_exc"):
                for pos in ("verb", "noun"):
                    irregular.update(tables.get_table("lemma_exc").get(pos, {}))
        return trigger_forms([*lexicon.verbs, *lexicon.reporting], lexicon.nouns, irregular)

    @property
    def events(self) -> EventCoder:
        if self._events is None:
            self._events = EventCoder(load_lexicon(self.settings.lexicon_files))
        return self._events

    @property
    def actors(self) -> ActorFinder:
        if self._actors is None:
            self._actors = ActorFinder(load_resources(self.settings.actor_files), self.annotator.nlp,
                                       base_cues=ACTOR_WORDS, is_place=is_big_city)
        return self._actors

    def code(self, items: Iterable[Article | Failure]) -> Iterator[Result]:
        """One :class:`Document` (or :class:`Failure`) per article, in order; failures pass through."""
        pairs: Iterator[tuple[str, Article | Failure]] = (
            ("", item) if isinstance(item, Failure) else (item.text, item) for item in items)
        for doc, item in self.annotator.annotate(pairs):
            yield item if isinstance(item, Failure) else self.code_doc(doc, item)

    def code_doc(self, doc: Doc, article: Article) -> Result:
        try:
            return document_of(doc, article, self.actors, self.events, self.situator)
        except Exception as exc:
            return Failure(article.origin, f"internal error while coding: {type(exc).__name__}: {exc}",
                           article_id=article.id)


def document_of(doc: Doc, article: Article, finder: ActorFinder, coder: EventCoder,
                situator: Situator) -> Document:
    """The stages after the NLP, on one annotated doc."""
    actors = finder.find(doc, article)
    reports, quotes = coder.find(doc, actors)
    reports = situator.situate(doc, reports, article, actors)
    events = merge(reports, article)
    named = {a.id for a in actors}
    unnamed = {f.source.id: f.source for f in reports if f.source.id not in named}  # "unnamed police"
    return Document(article=article, actors=(*actors, *unnamed.values()), events=tuple(events),
                    quotes=tuple(quotes))


def code_inputs(paths: Sequence[str], settings: Settings, stdin: BinaryIO | None = None) -> Iterator[Result]:
    """Code every article of the inputs (files, directories, record files, ``-``), in order.

    Raises :class:`~wirecoder.errors.UsageError` at once if a user dictionary is broken.
    """
    load_resources(settings.actor_files)
    load_lexicon(settings.lexicon_files)
    items = read_articles(paths, settings.max_chars, stdin=stdin)
    if settings.workers > 1:
        return code_parallel(items, settings)
    return Coder(settings).code(items)


# ---------- several processes ----------

@lru_cache(maxsize=1)
def _worker_coder(settings: Settings) -> Coder:
    return Coder(settings)


def _code_chunk(settings: Settings, chunk: list[Article | Failure]) -> list[Result]:
    return list(_worker_coder(settings).code(chunk))


def code_parallel(items: Iterable[Article | Failure], settings: Settings) -> Iterator[Result]:
    """Code with ``settings.workers`` processes, in order, with a bounded number of chunks in flight."""
    context = multiprocessing.get_context("spawn")
    chunk_size = settings.batch_size
    iterator = iter(items)
    with ProcessPoolExecutor(max_workers=settings.workers, mp_context=context) as pool:
        pending: deque[Future[list[Result]]] = deque()
        while True:
            while len(pending) < settings.workers * 2 and (chunk := list(islice(iterator, chunk_size))):
                pending.append(pool.submit(_code_chunk, settings, chunk))
            if not pending:
                return
            yield from pending.popleft().result()
