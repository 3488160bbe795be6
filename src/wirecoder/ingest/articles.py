"""Raw records to cleaned articles: HTML extraction, wire-copy cleaning, ids, publication dates."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from wirecoder.errors import EmptyInput, InputTooLarge
from wirecoder.ingest.clean import Cleaned, clean_text, normalise
from wirecoder.ingest.html import Page, extract_page
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
    page = extract_page(record.html, origin, record.url) if record.html is not None else None
    title = record.title or (page.title if page else None)
    cleaned = _clean(page.text if page else raw, origin, notes, detect_title=title is None and page is None)
    published = _published(record, page, notes) or cleaned.published
    return Article(id=record.id or content_id(cleaned.text), text=cleaned.text, origin=origin,
                   url=page.url if page else record.url, title=title or cleaned.title, published=published,
                   agency=cleaned.agency, byline=cleaned.byline, dateline=cleaned.dateline,
                   language=page.language if page else None,
                   outlet=record.outlet or (page.sitename if page else None), notes=tuple(notes))


def _clean(raw: str, origin: str, notes: list[str], detect_title: bool) -> Cleaned:
    """Clean the body; raises :class:`EmptyInput` when no visible text is left."""
    if not raw.strip():
        raise EmptyInput(origin, "empty text")
    cleaned = clean_text(raw, detect_title=detect_title)
    if cleaned.text.strip():
        return cleaned
    body = normalise(raw).strip()
    if not body:
        raise EmptyInput(origin, "empty text (only control or invisible characters)")
    # Nothing but a date line or a caption: keep it rather than lose the record.
    notes.append("cleaning left no body text; the raw text is kept")
    return replace(cleaned, text=body)


def _published(record: RawRecord, page: Page | None, notes: list[str]) -> str | None:
    """The record's own date first, then the page's; a date not understood is noted."""
    from_page = parse_published(page.published) if page and page.published else None
    if not record.published:
        return from_page
    published = parse_published(record.published)
    if published is None and from_page is None:
        notes.append(f"publication date {record.published!r} not understood")
    return published or from_page
