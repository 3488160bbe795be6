"""Batch runs: code a corpus into the event store, resumably.

    report = run(["corpus.jsonl"], "events.duckdb", Settings(workers=2))

The inputs are read and cleaned here; an article already in the store with the same cleaned text
(same id, or same content under another id) is skipped, a changed one is coded again and
replaces its rows; of two records with one id in the same run (a guid in two feeds, a URL
crawled twice) the first is coded and the second skipped, whatever the engine. Coded articles
are written in batches of ``settings.batch_size``, one transaction each, so a run killed at any
moment loses at most the batch in hand, and running the same command again finishes it with
nothing lost and nothing twice. Failures (unreadable inputs,
articles that break a stage) go to the ``failures`` table with their reason; the run goes on.
Last, the clusters of the cross-article dedup are rebuilt.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tqdm import tqdm

from wirecoder.actors import load_resources
from wirecoder.events import load_lexicon
from wirecoder.ingest import read_articles
from wirecoder.ingest.articles import content_id
from wirecoder.ingest.sources import read_inputs
from wirecoder.pipeline import Coder, code_parallel
from wirecoder.records import Article, Document, Failure
from wirecoder.settings import Settings
from wirecoder.store import EventStore, Rows, recluster
from wirecoder.store.rows import COLUMNS

TEXT = COLUMNS["articles"].index("text")

Engine = Literal["local", "dask"]


@dataclass(slots=True)
class RunReport:
    """What a run did."""

    coded: int = 0  # articles coded and written (new or changed)
    replaced: int = 0  # of which changed articles that replaced their old rows
    skipped: int = 0  # already in the store with the same text
    failed: int = 0  # inputs or articles recorded in the failures table
    events: int = 0
    words: int = 0
    clusters: int = 0
    seconds: float = 0.0


class _Unseen:
    """Filters the articles the store already holds; counts what it lets through and why."""

    def __init__(self, seen: dict[str, str], report: RunReport, bar: tqdm) -> None:
        self.seen, self.hashes = seen, set(seen.values())
        self.report, self.bar = report, bar
        self.passed: set[str] = set()  # ids let through in this run: the first record of an id wins

    def __call__(self, items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
        for item in items:
            if isinstance(item, Article):
                digest = content_id(item.text)
                known = self.seen.get(item.id)
                if known == digest or (known is None and digest in self.hashes) or item.id in self.passed:
                    self.report.skipped += 1
                    self.bar.update(1)
                    continue
                self.passed.add(item.id)
                self.report.replaced += known is not None
                self.hashes.add(digest)
            yield item


def run(
    paths: Sequence[str],
    db: str | Path,
    settings: Settings,
    *,
    engine: Engine = "local",
    scheduler: str | None = None,
    parts: str | Path | None = None,
    progress: bool = True,
) -> RunReport:
    """Code every new or changed article of the inputs into the store at ``db``."""
    load_resources(settings.actor_files)  # a broken user file is a usage error before any work
    load_lexicon(settings.lexicon_files)
    started = time.perf_counter()
    report = RunReport()
    total = None if "-" in paths else count_records(paths, settings.max_chars)
    with (
        EventStore(db) as store,
        tqdm(total=total, unit="article", disable=not progress, file=sys.stderr, dynamic_ncols=True) as bar,
    ):
        unseen = _Unseen(store.seen(), report, bar)
        items = unseen(read_articles(paths, settings.max_chars))
        if engine == "dask":
            from wirecoder.batch.dask import code_on_dask

            for rows in code_on_dask(items, settings, scheduler, Path(parts or f"{db}.parts")):
                _tally(report, rows)
                store.write(rows)
                bar.update(len(rows.article_ids()) + len(rows.tables["failures"]))
        else:
            results = code_parallel(items, settings) if settings.workers > 1 else Coder(settings).code(items)
            for rows in _batches(results, settings.batch_size):
                _tally(report, rows)
                store.write(rows)
                bar.update(len(rows.article_ids()) + len(rows.tables["failures"]))
        report.clusters = recluster(store)
    report.seconds = time.perf_counter() - started
    return report


def _batches(results: Iterable[Document | Failure], size: int) -> Iterator[Rows]:
    rows, count = Rows(), 0
    for result in results:
        if isinstance(result, Failure):
            rows.add_failure(result)
        else:
            rows.add_document(result)
        count += 1
        if count >= size:
            yield rows
            rows, count = Rows(), 0
    if count:
        yield rows


def _tally(report: RunReport, rows: Rows) -> None:
    report.coded += len(rows.tables["articles"])
    report.failed += len(rows.tables["failures"])
    report.events += len(rows.tables["events"])
    report.words += sum(len(row[TEXT].split()) for row in rows.tables["articles"])


def count_records(paths: Sequence[str], max_chars: int) -> int:
    """How many records the inputs hold (a quick pass that does not clean them), for the progress bar."""
    return sum(1 for _ in read_inputs(paths, max_bytes=max_chars * 4))
