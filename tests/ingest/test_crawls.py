"""WARC crawls and RSS/Atom feeds as inputs, built from real records of ../shared/corpora/news."""

from __future__ import annotations

import gzip
import html
from io import BytesIO
from pathlib import Path

import pytest

from wirecoder.ingest import read_articles
from wirecoder.records import Article, Failure


def page(record: dict[str, object]) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in str(record["text"]).split("\n") if p.strip())
    return (f"<html><head><title>{html.escape(str(record.get('title') or record['id']))}</title></head>"
            f"<body><nav>Home | World | Sport</nav><article>{paragraphs}</article>"
            f"<footer>© Example News</footer></body></html>").encode()


def write_warc(path: Path, records: list[dict[str, object]], truncate: bool = False, status: str = "200 OK") -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for number, record in enumerate(records):
        body = page(record)
        headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/story/{number}", "response",
                                                      payload=BytesIO(body), http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/{number}.png", "response",
                                                      payload=BytesIO(b"\x89PNG...."), http_headers=image))
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) * 2 // 3] if truncate else data)


@pytest.fixture(scope="module")
def wikinews(news_records: list[dict[str, object]]) -> list[dict[str, object]]:
    return [r for r in news_records if str(r["id"]).startswith("wikinews-2019")][:3]


def test_crawls_warc_pages_become_articles(tmp_path: Path, wikinews: list[dict[str, object]]) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, wikinews)
    items = list(read_articles([str(tmp_path)], 1_000_000))  # found in a directory too, by its name
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 3 and not [i for i in items if isinstance(i, Failure)]
    assert articles[0].url == "https://news.example/story/0"
    first_words = " ".join(str(wikinews[0]["text"]).split()[8:16])
    assert first_words in " ".join(articles[0].text.split())
    assert "Home | World" not in articles[0].text
    again = [i for i in read_articles([str(path)], 1_000_000) if isinstance(i, Article)]
    assert [a.id for a in again] == [a.id for a in articles]  # ids come from the URL: stable


def test_crawls_a_truncated_warc_keeps_what_was_read(tmp_path: Path, wikinews: list[dict[str, object]]) -> None:
    path = tmp_path / "broken.warc.gz"
    write_warc(path, wikinews, truncate=True)
    items = list(read_articles([str(path)], 1_000_000))
    assert any(isinstance(i, Article) for i in items)
    failure = items[-1]
    assert isinstance(failure, Failure) and str(path) in failure.origin
    assert "broken" in failure.reason or "truncated" in failure.reason


def test_crawls_rss_entries_become_articles(tmp_path: Path, wikinews: list[dict[str, object]]) -> None:
    entries = "".join(
        f"<item><title>{html.escape(str(r.get('title') or r['id']))}</title>"
        f"<link>https://news.example/{r['id']}</link><guid>{r['id']}</guid>"
        f"<pubDate>Mon, 14 Jan 2019 10:00:00 +0000</pubDate>"
        f"<description>{html.escape(page(r).decode())}</description></item>" for r in wikinews)
    feed = tmp_path / "world.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>{entries}'
                    "</channel></rss>", encoding="utf-8")
    articles = [i for i in read_articles([str(feed)], 1_000_000) if isinstance(i, Article)]
    assert len(articles) == 3
    assert articles[0].outlet == "Example News" and str(articles[0].published).startswith("2019-01-14T10:00")
    assert articles[0].url == f"https://news.example/{wikinews[0]['id']}"


def test_crawls_a_file_that_is_no_feed_fails_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("<notes><note>buy milk</note></notes>", encoding="utf-8")
    [failure] = list(read_articles([str(path)], 1_000_000))
    assert isinstance(failure, Failure) and failure.origin == str(path) and "feed" in failure.reason


def test_crawls_gzip_of_something_else_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a WARC record\n"))
    items = list(read_articles([str(path)], 1_000_000))
    assert items and all(isinstance(i, Failure) for i in items)


def test_crawls_error_pages_are_not_articles(tmp_path: Path, wikinews: list[dict[str, object]]) -> None:
    path = tmp_path / "errors.warc.gz"
    write_warc(path, wikinews, status="404 Not Found")
    [failure] = list(read_articles([str(path)], 1_000_000))
    assert isinstance(failure, Failure) and "no HTML responses" in failure.reason
