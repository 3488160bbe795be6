"""Raw records to cleaned articles: HTML extraction, wire-copy cleaning, ids, publication dates."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from wirecoder.errors import EmptyInput, InputTooLarge
from wirecoder.ingest.clean import clean_text, normalise
from wirecoder.ingest.html import extract_page
from wirecoder.ingest.published import parse_published
from wirecoder.records import Article, RawRecord


def content_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def make_article(record: RawRecord, max_chars: int) -> Article:
    """Build the article of one record; raises an :class:`~wirecoder.errors.InputError` if there is none."""
    origin, notes = record.origin, list(record.notes)
    raw = record.html if record.html is not None else record.text or ""
    if len(raw) > max_chars:
        raise InputTooLarge(origin, f"text too long: {len(raw):,} characters (limit {max_chars:,}; "
                                    "see --max-chars)")
    title, published, url, language = record.title, None, record.url, None
    if record.html is not None:
        page = extract_page(record.html, origin, record.url)
        raw, url, language = page.text, page.url, page.language
        title = title or page.title
        published = parse_published(page.published) if page.published else None
    if not raw.strip():
        raise EmptyInput(origin, "empty text")
    cleaned = clean_text(raw, detect_title=title is None and record.html is None)
    if not cleaned.text.strip():
        # Nothing but a date line or a caption: keep it rather than lose the record.
        cleaned = replace(cleaned, text=normalise(raw).strip())
        notes.append("cleaning left no body text; the raw text is kept")
    if record.published:
        published = parse_published(record.published) or published
        if published is None:
            notes.append(f"publication date {record.published!r} not understood")
    return Article(id=record.id or content_id(cleaned.text), text=cleaned.text, origin=origin, url=url,
                   title=title or cleaned.title, published=published or cleaned.published,
                   agency=cleaned.agency, byline=cleaned.byline, dateline=cleaned.dateline,
                   language=language, notes=tuple(notes))
