"""NLP: the spaCy pipeline, built in one place, run in a cheap pass over everything and a deep
pass (tagger, parser, lemmatizer) over the sentences that can hold an event."""

from wirecoder.nlp.annotate import Annotator, parsed_sentences
from wirecoder.nlp.language import load_language

__all__ = ["Annotator", "load_language", "parsed_sentences"]
