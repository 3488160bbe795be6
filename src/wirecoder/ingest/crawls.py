"""News crawls and feeds as raw records: WARC files (``.warc``, ``.warc.gz``) and RSS/Atom feeds
(``.rss``, ``.atom``, ``.xml``).

A WARC file gives one record per successful (2xx) HTTP response holding an HTML page (error and
redirect pages, other responses, requests and metadata records are passed over); a feed gives
one record per entry with content or a summary. Records take a stable id from their URL (or the
feed entry's id), so a page crawled again with new text replaces the old one in the store. A
file broken part-way (a truncated crawl, a malformed feed) keeps the records read before the
break and adds a failure naming the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from wirecoder.errors import InputError
from wirecoder.ingest.decode import decode_bytes
from wirecoder.records import Failure, RawRecord

WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})

Item = RawRecord | Failure


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def is_feed(path: Path) -> bool:
    return path.suffix.lower() in FEED_SUFFIXES


def stable_id(key: str) -> str:
    return "u" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def read_warc(path: Path, max_bytes: int) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    origin, found = str(path), 0
    try:
        with path.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream, check_digests=True), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                kind = (record.http_headers.get_header("Content-Type") or "").lower()
                status = record.http_headers.get_statuscode() or ""
                if "html" not in kind or not status.startswith("2"):
                    continue  # not a page, or an error or redirect page: never an article
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{origin}:{number}"
                data = record.content_stream().read(max_bytes + 1)
                found += 1
                if len(data) > max_bytes:
                    yield Failure(
                        where, f"page too large (limit {max_bytes:,} bytes; raise it with --max-chars)"
                    )
                    continue
                record.content_stream().read()  # to the end, where the digest is checked
                digest = record.rec_headers.get_header("WARC-Payload-Digest")
                if record.digest_checker.passed is False or (digest and record.digest_checker.passed is None):
                    yield Failure(
                        where, "page is truncated or corrupt (its WARC payload digest does not match)"
                    )
                    continue
                yield _page(data, where, url)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Failure(origin, f"WARC file is broken after {found} pages: {exc}")
        return
    if not found:
        yield Failure(origin, "WARC file holds no HTML responses")


def _page(data: bytes, origin: str, url: str) -> Item:
    try:
        text, notes = decode_bytes(data, origin)
    except InputError as exc:
        return Failure(origin, exc.problem)
    return RawRecord(
        origin=origin, id=stable_id(url) if url else None, html=text, url=url or None, notes=notes
    )


def read_feed(path: Path, max_bytes: int) -> Iterator[Item]:
    import feedparser

    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(origin, f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > max_bytes:
        yield Failure(origin, f"feed too large (limit {max_bytes:,} bytes; raise it with --max-chars)")
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        yield Failure(origin, f"not an RSS or Atom feed, or a feed with no entries{problem}")
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{origin}:{number}"
        content = entry.get("content")
        html = content[0].get("value") if content else entry.get("summary")
        link, key = entry.get("link"), entry.get("id") or entry.get("link")
        if not html or not str(html).strip():
            yield Failure(
                where, "feed entry has no content or summary", article_id=stable_id(key) if key else None
            )
            continue
        yield RawRecord(
            origin=where,
            id=stable_id(key) if key else None,
            html=str(html),
            url=link,
            published=entry.get("published") or entry.get("updated"),
            title=entry.get("title"),
            outlet=outlet,
        )
