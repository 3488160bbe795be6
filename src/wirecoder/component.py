"""wirecoder as a spaCy component, for pipelines people already run.

    nlp = spacy.load("en_core_web_sm")          # any English pipeline with ner, parser, lemmatizer
    nlp.add_pipe("wirecoder")                    # found through the spacy_factories entry point
    doc = nlp(text)
    doc._.events, doc._.actors, doc._.quotes     # lists of wirecoder/document/1 JSON objects

Set ``doc._.published`` (ISO date) before the component runs to resolve dates and office holders
("the president") as of the article's day; nlp.pipe(..., as_tuples=True) streams ids alongside.
The extension values are plain JSON, so docs still serialise and cross processes.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.actors import ActorFinder, load_resources
from wirecoder.events import EventCoder, load_lexicon
from wirecoder.ingest.articles import content_id
from wirecoder.nlp.language import register_extensions
from wirecoder.nlp.select import ACTOR_WORDS
from wirecoder.output import document_json
from wirecoder.pipeline import document_of
from wirecoder.records import Article
from wirecoder.when_where import Situator, is_big_city

EXTENSIONS = ("published", "actors", "events", "quotes")


def _register() -> None:
    register_extensions()
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None if name == "published" else [])


class WirecoderComponent:
    """Sets ``doc._.actors``, ``doc._.events`` and ``doc._.quotes``."""

    def __init__(self, nlp: Language, actor_files: tuple[str, ...], lexicon_files: tuple[str, ...]) -> None:
        _register()
        self.nlp = nlp
        self.actor_files, self.lexicon_files = actor_files, lexicon_files
        self._coders: tuple[ActorFinder, EventCoder, Situator] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self._coders is None:  # loaded on first use: constructors do no I/O
            self._coders = (ActorFinder(load_resources(self.actor_files), self.nlp, base_cues=ACTOR_WORDS,
                                        is_place=is_big_city),
                            EventCoder(load_lexicon(self.lexicon_files)), Situator())
        article = Article(id=content_id(doc.text), text=doc.text, published=doc._.published)
        coded: dict[str, Any] = document_json(document_of(doc, article, *self._coders))
        doc._.actors, doc._.events, doc._.quotes = coded["actors"], coded["events"], coded["quotes"]
        return doc


@Language.factory("wirecoder", requires=["doc.ents", "token.dep", "token.lemma", "token.pos"],
                  assigns=["doc._.actors", "doc._.events", "doc._.quotes"],
                  default_config={"actor_files": [], "lexicon_files": []})
def make_wirecoder(nlp: Language, name: str, actor_files: list[str],
                   lexicon_files: list[str]) -> WirecoderComponent:
    return WirecoderComponent(nlp, tuple(actor_files), tuple(lexicon_files))
