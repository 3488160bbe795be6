"""Ingest: inputs (files, records, pages, stdin) in, cleaned :class:`~wirecoder.records.Article` out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from wirecoder.errors import InputError
from wirecoder.ingest.articles import make_article
from wirecoder.ingest.clean import clean_text
from wirecoder.ingest.sources import read_inputs
from wirecoder.records import Article, Failure, RawRecord

__all__ = ["article_from_text", "clean_text", "make_article", "read_articles"]


def read_articles(paths: Sequence[str], max_chars: int,
                  stdin: BinaryIO | None = None) -> Iterator[Article | Failure]:
    """Every article of the inputs; what cannot be read comes out as a :class:`Failure`, in place."""
    for item in read_inputs(paths, max_bytes=max_chars * 4, stdin=stdin):
        yield item if isinstance(item, Failure) else _article_or_failure(item, max_chars)


def _article_or_failure(record: RawRecord, max_chars: int) -> Article | Failure:
    try:
        return make_article(record, max_chars)
    except InputError as exc:
        return Failure(record.origin, exc.problem, article_id=record.id)
    except Exception as exc:  # one record that trips a bug must not end the batch
        return Failure(record.origin, f"internal error while reading: {type(exc).__name__}: {exc}",
                       article_id=record.id)


def article_from_text(text: str, *, id: str | None = None, published: str | None = None,
                      html: bool = False, max_chars: int = 1_000_000) -> Article:
    """One article from a string (text or HTML); raises :class:`InputError` when there is none."""
    record = RawRecord(origin=id or "<text>", id=id, published=published,
                       html=text if html else None, text=None if html else text)
    return make_article(record, max_chars)
