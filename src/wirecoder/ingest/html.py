"""Main text and metadata of an HTML page, through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

from wirecoder.errors import EmptyInput


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    published: str | None
    url: str | None
    author: str | None
    sitename: str | None
    language: str | None


def extract_page(html: str, origin: str, url: str | None = None) -> Page:
    """Extract the main text; raises :class:`EmptyInput` when the page has none."""
    import trafilatura

    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                         include_tables=False, favor_precision=True)
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text:
        raise EmptyInput(origin, "HTML page with no main text")
    assert result is not None
    return Page(text=text, title=result.title, published=result.date, url=result.url or url,
                author=result.author, sitename=result.sitename, language=result.language)
