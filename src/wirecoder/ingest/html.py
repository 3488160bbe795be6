"""Main text and metadata of an HTML page, through trafilatura.

trafilatura falls back to the whole page when it finds no article in it, which for a page of
navigation links or scripts gives a few menu words. What comes out must therefore read like
prose: at least :data:`MIN_WORDS` words and one sentence end; anything less is "no main text".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirecoder.errors import EmptyInput

MIN_WORDS = 5
_SENTENCE_END = re.compile(r"\w[.!?…][\"'”’)\]]*(?:\s|$)")


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    published: str | None
    url: str | None
    author: str | None
    sitename: str | None
    language: str | None


def looks_like_prose(text: str) -> bool:
    """At least :data:`MIN_WORDS` words and one sentence end: body text, not a menu."""
    return len(text.split()) >= MIN_WORDS and _SENTENCE_END.search(text) is not None


def extract_page(html: str, origin: str, url: str | None = None) -> Page:
    """Extract the main text; raises :class:`EmptyInput` when the page has none."""
    import trafilatura
    from trafilatura.settings import Document as Extracted

    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                         include_tables=False, favor_precision=True)
    text = (result.text or "").strip() if isinstance(result, Extracted) else ""
    if not text:
        raise EmptyInput(origin, "HTML page with no main text")
    if not looks_like_prose(text):
        shown = " ".join(text.split())
        raise EmptyInput(origin, f"HTML page with no main text (only {shown[:60]!r}, not prose)")
    assert isinstance(result, Extracted)
    return Page(text=text, title=result.title, published=result.date, url=result.url or url,
                author=result.author, sitename=result.sitename, language=result.language)
