"""Load the spaCy model once per process and register our extensions once."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.errors import ModelError

#: Doc extension: start token indices of the sentences the deep pass parsed (None: all of them).
PARSED = "wirecoder_parsed"
#: Our component that starts a sentence at every paragraph break, before the parser decides.
PARAGRAPHS = "wirecoder_paragraphs"


def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a line break: the token after one starts a sentence."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def register_extensions() -> None:
    """Register wirecoder's Doc extensions; safe to call more than once."""
    if not Doc.has_extension(PARSED):
        Doc.set_extension(PARSED, default=None)
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_breaks)


@lru_cache(maxsize=2)
def load_language(model: str) -> Language:
    """The spaCy pipeline named ``model`` (an installed package or a path) with our paragraph
    component before its parser; cached per process."""
    register_extensions()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(f"spaCy model {model!r} cannot be loaded: is it installed? ({exc})") from exc
    if nlp.lang != "en":
        raise ModelError(f"spaCy model {model!r} is for language {nlp.lang!r}; wirecoder codes English")
    if "ner" not in nlp.component_names:
        raise ModelError(f"spaCy model {model!r} has no 'ner' component")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    if "parser" in nlp.component_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp
