"""The pipeline end to end: articles in, documents out, in order, one process or several."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

from wirecoder.cli import sample_path
from wirecoder.ingest import article_from_text
from wirecoder.output import document_json
from wirecoder.pipeline import Coder, code_inputs
from wirecoder.records import Actor, Document, Failure
from wirecoder.settings import Settings


def test_pipeline_codes_in_input_order_with_failures_in_place(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Chinese Defence Minister Wei Fenghe met Pakistan President Arif Alvi in Islamabad.")
    results = list(code_inputs([str(good), str(tmp_path / "missing.txt"), str(good)], Settings()))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document"]
    assert isinstance(results[1], Failure) and "no such file" in results[1].reason


def test_pipeline_workers_give_the_same_documents(tmp_path: Path) -> None:
    records = Path(sample_path()).read_text(encoding="utf-8").splitlines()[:6]
    corpus = tmp_path / "six.jsonl"
    corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
    one = [document_json(d) for d in code_inputs([str(corpus)], Settings(workers=1, batch_size=2))
           if isinstance(d, Document)]
    two = [document_json(d) for d in code_inputs([str(corpus)], Settings(workers=2, batch_size=2))
           if isinstance(d, Document)]
    assert len(one) == 6
    assert [d["article"]["id"] for d in two] == [json.loads(r)["id"] for r in records]
    assert one == two


def test_coder_isolates_an_article_that_breaks_a_stage(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    from wirecoder.events import EventCoder

    original = EventCoder.find

    def explode(self: EventCoder, doc: Doc, actors: list[Actor]) -> object:
        if "boom" in doc.text:
            raise ValueError("stage failed")
        return original(self, doc, actors)

    monkeypatch.setattr(EventCoder, "find", explode)
    articles = [article_from_text("NATO warned Russia.", id="ok"),
                article_from_text("boom went NATO.", id="bad")]
    results = list(coder.code(articles))
    assert isinstance(results[0], Document)
    assert isinstance(results[1], Failure) and results[1].article_id == "bad"
    assert "ValueError: stage failed" in results[1].reason


def test_pipeline_sample_corpus_is_bundled_and_codes() -> None:
    lines = Path(sample_path()).read_text(encoding="utf-8").splitlines()
    assert 18 <= len(lines) <= 22
    first = json.loads(lines[0])
    assert set(first) == {"id", "url", "published", "title", "text"}
