"""Run the spaCy pipeline over articles, streaming ids with docs.

``parse="all"`` runs the model's whole pipeline. ``parse="selected"`` runs it in two passes:

* a cheap pass over every sentence: the sentence recogniser and the entity recogniser (and the
  embedding layer they listen to, if any);
* a deep pass (tagger, parser, attribute ruler, lemmatizer, ...) over one short doc per article
  made of just the sentences :func:`~wirecoder.nlp.select.needs_parse` picks, whose annotations
  are then written back into the article's doc. Sentences left out get a flat tree (every token
  attached to the sentence's first token) so that the doc's sentence boundaries stay as they were.

Either way the docs come out with ``doc._.wirecoder_parsed`` telling which sentences hold a real
parse; :func:`parsed_sentences` yields them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from wirecoder.nlp.language import PARAGRAPHS, PARSED, load_language
from wirecoder.nlp.select import needs_parse
from wirecoder.settings import Settings

T = TypeVar("T")
DEEP_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
CHEAP_NAMES = ("senter", PARAGRAPHS, "ner")


def parsed_sentences(doc: Doc) -> Iterator[Span]:
    """The sentences of ``doc`` that carry a real dependency parse."""
    starts = doc._.get(PARSED)
    if starts is None:
        if doc.has_annotation("DEP"):
            yield from doc.sents
        return
    wanted = set(starts)
    for sentence in doc.sents:
        if sentence.start in wanted:
            yield sentence


class Annotator:
    """Annotates articles with a spaCy pipeline; the model is loaded on first use."""

    def __init__(self, settings: Settings, select: Callable[[Span], bool] = needs_parse) -> None:
        self.settings = settings
        self.select = select

    @property
    def nlp(self) -> Language:
        return load_language(self.settings.model)

    def annotate(self, items: Iterable[tuple[str, T]]) -> Iterator[tuple[Doc, T]]:
        """Annotate ``(text, context)`` pairs; yields ``(doc, context)`` in the same order."""
        nlp, size = self.nlp, self.settings.batch_size
        if self.settings.parse == "all" or not self._can_split(nlp):
            yield from nlp.pipe(items, as_tuples=True, batch_size=size)
            return
        cheap, deep = self._passes(nlp)
        iterator = iter(items)
        while batch := list(islice(iterator, size)):
            docs = [nlp.make_doc(text) for text, _ in batch]
            for _name, proc in cheap:
                docs = _run(proc, docs, size)
            self._deep_pass(nlp, docs, deep)
            yield from zip(docs, (context for _, context in batch), strict=True)

    @staticmethod
    def _can_split(nlp: Language) -> bool:
        return "senter" in nlp.component_names and "parser" in nlp.component_names

    @staticmethod
    def _passes(nlp: Language) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
        """Components of the cheap pass (with what they listen to) and of the deep pass, in order."""
        wanted = set(CHEAP_NAMES)
        embedders = [(n, p) for n, p in nlp.components
                     if wanted & set(getattr(p, "listening_components", []))]
        cheap = embedders + [(n, nlp.get_pipe(n)) for n in CHEAP_NAMES if n in nlp.component_names]
        done = {n for n, _ in cheap}
        deep = [(n, p) for n, p in nlp.pipeline if n not in done]
        return cheap, deep

    def _deep_pass(self, nlp: Language, docs: list[Doc], deep: list[tuple[str, Any]]) -> None:
        picks = [[s for s in doc.sents if self.select(s)] for doc in docs]
        subs = [_sub_doc(nlp, sentences) for sentences in picks]
        work = [d for d in subs if d is not None]
        for _name, proc in deep:
            work = _run(proc, work, self.settings.batch_size)
        done = iter(work)
        for doc, sentences, sub in zip(docs, picks, subs, strict=True):
            _write_back(doc, sentences, next(done) if sub is not None else None)


def _run(proc: Any, docs: list[Doc], size: int) -> list[Doc]:
    """Run one component over docs: its ``pipe`` if it has one (function components do not)."""
    if hasattr(proc, "pipe"):
        return list(proc.pipe(docs, batch_size=size))
    return [proc(doc) for doc in docs]


def _sub_doc(nlp: Language, sentences: list[Span]) -> Doc | None:
    if not sentences:
        return None
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool | int | None] = []
    for sentence in sentences:
        for token in sentence:
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
            starts.append(token.i == sentence.start)
    return Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts)


def _write_back(doc: Doc, sentences: list[Span], sub: Doc | None) -> None:
    """Copy the deep annotations of ``sub`` into ``doc``; flat trees for the other sentences."""
    array = np.zeros((len(doc), len(DEEP_ATTRS)), dtype="uint64")
    root, dep = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    for sentence in doc.sents:
        for token in sentence:
            offset = sentence.start - token.i
            array[token.i, 4] = np.array(offset).astype("uint64")
            array[token.i, 5] = root if offset == 0 else dep
    if sub is not None:
        sub_array = sub.to_array(DEEP_ATTRS)
        position = 0
        for sentence in sentences:
            array[sentence.start:sentence.end] = sub_array[position:position + len(sentence)]
            position += len(sentence)
    doc.from_array(DEEP_ATTRS, array)  # type: ignore[arg-type]
    doc._.set(PARSED, [s.start for s in sentences])
