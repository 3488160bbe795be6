"""wirecoder: news articles in, CAMEO-coded event records out; offline.

    >>> from wirecoder import Coder, Settings, article_from_text
    >>> coder = Coder(Settings())
    >>> [document] = coder.code([article_from_text("Wei met Bajwa in Islamabad on Monday.")])
"""

from wirecoder.ingest import article_from_text, read_articles
from wirecoder.output import document_json
from wirecoder.pipeline import Coder, code_inputs
from wirecoder.records import Actor, Article, Document, Event, Failure, Quote
from wirecoder.settings import Settings

__all__ = ["Actor", "Article", "Coder", "Document", "Event", "Failure", "Quote", "Settings",
           "article_from_text", "code_inputs", "document_json", "read_articles"]
__version__ = "0.1.0"
