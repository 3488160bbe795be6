"""Batch runs into the store on real records of ../shared/corpora/news: idempotent, resumable after
kill -9, failures recorded, the Dask engine giving what the local one gives."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wirecoder.batch import run
from wirecoder.settings import Settings
from wirecoder.store import EventStore

WIKINEWS = [f"wikinews-2019-{n:03d}" for n in (0, 3, 6, 8, 11, 23, 31, 41, 49, 55)]


def write_corpus(path: Path, records: list[dict[str, object]], ids: list[str]) -> Path:
    by_id = {r["id"]: r for r in records}
    with path.open("w", encoding="utf-8") as out:
        for record_id in ids:
            out.write(json.dumps(by_id[record_id]) + "\n")
    return path


def stored(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """The database content, less the times of coding."""
    with EventStore(db, read_only=True) as store:
        return {
            "articles": store.query("SELECT * EXCLUDE (coded_at) FROM articles ORDER BY article_id"),
            "events": store.query("SELECT * FROM events ORDER BY ALL"),
            "evidence": store.query("SELECT * FROM evidence ORDER BY ALL"),
            "actors": store.query("SELECT * FROM actors ORDER BY ALL"),
            "clusters": store.query("SELECT * FROM clusters ORDER BY ALL"),
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, news_records: list[dict[str, object]]) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", news_records, WIKINEWS[:4])


def test_run_codes_then_a_second_run_adds_nothing(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "events.duckdb"
    first = run([str(corpus)], db, Settings(batch_size=2), progress=False)
    assert (first.coded, first.skipped, first.failed) == (4, 0, 0) and first.events > 0
    before = stored(db)
    second = run([str(corpus)], db, Settings(batch_size=2), progress=False)
    assert (second.coded, second.skipped) == (0, 4)
    assert stored(db) == before


def test_run_replaces_a_changed_article_and_skips_a_copy_under_another_id(
        tmp_path: Path, corpus: Path, news_records: list[dict[str, object]]) -> None:
    db = tmp_path / "events.duckdb"
    run([str(corpus)], db, Settings(), progress=False)
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    records[0]["text"] = str(records[0]["text"]).replace("Chelyabinsk", "Magnitogorsk")
    copy = dict(records[1], id="copy-of-" + str(records[1]["id"]))
    changed = tmp_path / "changed.jsonl"
    changed.write_text("\n".join(json.dumps(r) for r in [*records, copy]) + "\n", encoding="utf-8")
    report = run([str(changed)], db, Settings(), progress=False)
    assert (report.coded, report.replaced, report.skipped) == (1, 1, 4)
    with EventStore(db, read_only=True) as store:
        text = store.query("SELECT text FROM articles WHERE article_id = ?", [records[0]["id"]])[0][0]
        assert "Magnitogorsk" in text
        assert store.counts()["articles"] == 4


def test_run_records_failures_and_goes_on(tmp_path: Path, corpus: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()
    broken.write_text("\n".join([lines[0], '{"id": "bad", "text": 42}', "{not json", lines[1]]) + "\n",
                      encoding="utf-8")
    db = tmp_path / "events.duckdb"
    report = run([str(broken), str(tmp_path / "missing.jsonl")], db, Settings(), progress=False)
    assert (report.coded, report.failed) == (2, 3)
    with EventStore(db, read_only=True) as store:
        reasons = [r[0] for r in store.query("SELECT reason FROM failures ORDER BY origin")]
    assert any("not a string" in r for r in reasons) and any("no such file" in r for r in reasons)
    assert any("JSON" in r for r in reasons)


def test_run_killed_half_way_resumes_to_the_same_content(tmp_path: Path,
                                                         news_records: list[dict[str, object]]) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", news_records, WIKINEWS)
    command = [sys.executable, "-m", "wirecoder.cli", "run", str(corpus), "--batch-size", "1"]
    killed, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    process = subprocess.Popen([*command, "--db", str(killed)], stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stderr is not None
    done, seen = 0, ""
    deadline = time.monotonic() + 300
    while done < 3 and time.monotonic() < deadline:  # the bar moves after each committed article
        seen += process.stderr.read(1)
        found = re.findall(r"(\d+)/10 ", seen)
        done = int(found[-1]) if found else 0
    process.send_signal(signal.SIGKILL)
    process.wait()
    with EventStore(killed) as store:  # opening replays the write-ahead log
        kept = store.counts()["articles"]
    assert 3 <= kept < 10, f"{kept} articles were stored before the kill"
    for db in (killed, clean):
        finished = subprocess.run([*command, "--db", str(db), "--no-progress"], capture_output=True, text=True)
        assert finished.returncode == 0, finished.stderr
    assert stored(killed) == stored(clean)
    assert len(stored(killed)["articles"]) == 10


def test_run_dask_engine_gives_the_local_engines_events(tmp_path: Path, corpus: Path) -> None:
    local, distributed = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    run([str(corpus)], local, Settings(batch_size=1), progress=False)
    report = run([str(corpus)], distributed, Settings(batch_size=1, workers=2), engine="dask",
                 parts=tmp_path / "parts", progress=False)
    assert report.coded == 4
    assert stored(distributed) == stored(local)
    assert not any((tmp_path / "parts").rglob("*.parquet"))  # merged shards are cleaned up


def test_run_two_records_with_one_id_code_the_first(tmp_path: Path, corpus: Path) -> None:
    # the same guid in two feeds, the same URL crawled twice: one id, two texts
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()][:2]
    twice = tmp_path / "twice.jsonl"
    twice.write_text("\n".join(json.dumps(dict(r, id="same")) for r in records) + "\n", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    report = run([str(twice)], db, Settings(batch_size=4), progress=False)
    assert (report.coded, report.skipped, report.failed) == (1, 1, 0)
    with EventStore(db, read_only=True) as store:
        [(text,)] = store.query("SELECT text FROM articles")
    assert str(records[0]["text"]).split()[5] in text
