"""Real news from ../shared/corpora/news: every collection codes into schema-valid documents.

The whole corpus (2,769 articles) is coded by ``bench/code_corpus.py``; here every 25th record.
"""

from __future__ import annotations

import json
from pathlib import Path

from wirecoder.output import document_json
from wirecoder.pipeline import code_inputs
from wirecoder.records import Document, Failure
from wirecoder.settings import Settings


def test_corpus_slice_codes_without_failures(tmp_path: Path, news_records: list[dict[str, object]],
                                             schema_validator: object) -> None:
    picked = news_records[::25]
    corpus = tmp_path / "slice.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in picked) + "\n", encoding="utf-8")
    results = list(code_inputs([str(corpus)], Settings()))
    failures = [r for r in results if isinstance(r, Failure)]
    assert failures == []
    documents = [r for r in results if isinstance(r, Document)]
    assert [d.article.id for d in documents] == [r["id"] for r in picked]
    assert {r["collection"] for r in picked} == {"bbc_greene_cunningham_2006", "ngec_guardian_sdf_sample",
                                                 "vanatteveldt_wikinews"}
    for document in documents:
        errors = list(schema_validator.iter_errors(document_json(document)))  # type: ignore[attr-defined]
        assert errors == [], (document.article.id, errors[:1])
        text = document.article.text
        for actor in document.actors:
            assert all(text[m.start:m.end] == m.text for m in actor.mentions)
        for event in document.events:
            assert all(0 <= e.start < e.end <= len(text) for e in event.evidence)
    dated = [d for d, r in zip(documents, picked, strict=True) if r.get("date")]
    assert all(d.article.published and d.article.published[:10] == r_date
               for d, r_date in zip(dated, [r["date"] for r in picked if r.get("date")], strict=True))
