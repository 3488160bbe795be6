"""Properties over arbitrary input: no exception escapes ingestion or coding, every offset stays
inside ``article.text`` and points at the text it claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wirecoder.errors import InputError
from wirecoder.ingest import article_from_text, read_articles
from wirecoder.pipeline import Coder
from wirecoder.records import Article, Document, Failure

# Text with what breaks naive code: control characters, quotes of every kind, line and paragraph
# breaks, wire-copy furniture, and any unicode at all.
WIRE_BITS = ["\n", "\n\n", "\r\n", "\t", '"', "\u201c", "\u201d", "'", "\u2019", "\x00", "\x0b", "\x1f",
             "\u2028", "\u00a0", "By PTI", "BEIJING: ", "Published: 01st December 2020 11:11 PM",
             "(Photo | AP)", "Reuters", " said ", " met ", "President Xi Jinping", " China ", "Pakistan",
             " accused ", ". ", "Pakistan accused India of shelling the border. ", "China met Nepal. "]
CLOSING = {'"': '"', "\u201c": "\u201d"}
QUOTED = st.tuples(st.sampled_from(sorted(CLOSING)), st.text(max_size=15)).map(
    lambda q: f"{q[0]}We will not talk {q[1]} to them now,{CLOSING[q[0]]} ")
TEXTS = st.lists(st.one_of(st.text(), st.sampled_from(WIRE_BITS), QUOTED), max_size=30).map("".join)


def spans_of(document: Document) -> list[tuple[str, int, int, str | None]]:
    """Every (what, start, end, text) that points into the article."""
    spans: list[tuple[str, int, int, str | None]] = []
    for actor in document.actors:
        spans += [(f"mention of {actor.id}", m.start, m.end, m.text) for m in actor.mentions]
    for event in document.events:
        spans += [(f"evidence of {event.id}", e.start, e.end, e.sentence) for e in event.evidence]
    spans += [("quote", q.start, q.end, q.text) for q in document.quotes]
    return spans


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, html=st.booleans())
@example(text='BEIJING: "We will push ties to a higher level," President Xi Jinping said. China met Nepal.',
         html=False)
@example(text="<p>\u201cWe talk,\u201d Pakistan said.\x00</p>", html=True)
@example(text="\x1b\x00\u200b", html=False)  # only control and invisible characters: no article
def test_properties_any_text_codes_with_offsets_inside(coder: Coder, text: str, html: bool) -> None:
    try:
        article = article_from_text(text, id="prop", html=html)
    except InputError as exc:
        assert exc.origin == "prop" and exc.problem
        return
    assert article.text.strip()
    [result] = list(coder.code([article]))
    assert isinstance(result, Document), result
    size = len(article.text)
    for what, start, end, claimed in spans_of(result):
        assert 0 <= start <= end <= size, f"{what} at {start}:{end} outside 0:{size}"
        assert article.text[start:end] == claimed, f"{what} at {start}:{end} is not {claimed!r}"


SUFFIXES = [".txt", ".html", ".jsonl", ".json", ".csv", ".tsv", ".md"]
BYTES = st.one_of(
    st.binary(max_size=2000),
    st.text().map(lambda t: t.encode("utf-8")),
    st.text(alphabet=st.characters(max_codepoint=255)).map(lambda t: t.encode("latin-1")),
    st.lists(st.sampled_from([b"{", b"}", b'"text"', b'"id"', b":", b",", b"\n", b"\x00", b"\xff", b"<p>",
                              b"text,id\n", b'"', b"abc", b"\xe2\x80"]), max_size=40).map(b"".join),
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bytes")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=BYTES, suffix=st.sampled_from(SUFFIXES))
def test_properties_any_bytes_read_without_raising(scratch: Path, data: bytes, suffix: str) -> None:
    path = scratch / f"input{suffix}"
    path.write_bytes(data)
    results = list(read_articles([str(path)], max_chars=5000))
    assert results, "every input yields at least an article or a failure"
    for result in results:
        assert isinstance(result, Article | Failure), result
        if isinstance(result, Failure):
            assert result.origin.startswith(str(path)) and result.reason
            assert not result.reason.startswith("internal error"), result
        else:
            assert result.text.strip(), "an article always has body text"
