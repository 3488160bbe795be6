"""The Dask engine: the same pipeline on a Dask distributed cluster, over shards of the corpus.

The driver reads and cleans the inputs (as the local engine does, so resuming and skipping work
the same), cuts the articles into shards and sends each to a worker. A worker codes its shard with
its own :class:`~wirecoder.pipeline.Coder` (loaded once per worker process) and writes the rows as
Parquet, one file per table, under ``PARTS/<table>/shard-<run>-<n>.parquet``; the driver merges
each finished shard into the store and deletes its files. ``PARTS`` must be a directory every
worker and the driver can reach (a shared filesystem on a real cluster; any directory on a
``LocalCluster``); it is the run's working directory: shards a killed run left there are removed
when the next run starts (their articles never reached the store and are coded again). Without
``scheduler`` a ``LocalCluster`` of ``settings.workers`` processes is started and stopped with
the run.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path

from wirecoder.pipeline import Coder
from wirecoder.records import Article, Failure
from wirecoder.settings import Settings
from wirecoder.store.rows import COLUMNS, Rows, arrow_tables, rows_from_arrow

SHARD_BATCHES = 4  # a shard is this many batches of settings.batch_size articles
IN_FLIGHT = 2  # shards queued per worker


@lru_cache(maxsize=1)
def _worker_coder(settings: Settings) -> Coder:
    return Coder(settings)


def code_shard(settings: Settings, shard: list[Article | Failure], parts: str, name: str) -> dict[str, str]:
    """Code one shard on a worker; write its rows as Parquet; return table -> file."""
    import pyarrow.parquet as pq

    rows = Rows()
    for result in _worker_coder(settings).code(shard):
        if isinstance(result, Failure):
            rows.add_failure(result)
        else:
            rows.add_document(result)
    files = {}
    for table, arrow in arrow_tables(rows).items():
        folder = Path(parts) / table
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.parquet"
        pq.write_table(arrow, path)
        files[table] = str(path)
    return files


def read_shard(files: dict[str, str]) -> Rows:
    """The rows of a finished shard, read back from its Parquet files (which are then deleted)."""
    import pyarrow.parquet as pq

    tables = {table: pq.read_table(path) for table, path in files.items() if table in COLUMNS}
    rows = rows_from_arrow(tables)
    for path in files.values():
        Path(path).unlink(missing_ok=True)
    return rows


def code_on_dask(
    items: Iterable[Article | Failure], settings: Settings, scheduler: str | None, parts: Path
) -> Iterator[Rows]:
    """Rows of every item, shard by shard as the cluster finishes them (not in input order)."""
    from distributed import Client, LocalCluster, as_completed

    for stale in parts.glob("*/shard-*.parquet"):  # left by a run that was killed: coded again now
        stale.unlink(missing_ok=True)
    cluster = (
        None
        if scheduler
        else LocalCluster(
            n_workers=settings.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    )
    client = Client(scheduler or cluster)
    run_id = uuid.uuid4().hex[:8]
    size = settings.batch_size * SHARD_BATCHES
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        iterator = iter(items)
        numbers = iter(range(1_000_000_000))
        pending = as_completed()

        def submit() -> bool:
            shard = list(islice(iterator, size))
            if shard:
                pending.add(
                    client.submit(
                        code_shard, settings, shard, str(parts), f"shard-{run_id}-{next(numbers)}", pure=False
                    )
                )
            return bool(shard)

        for _ in range(workers * IN_FLIGHT):
            if not submit():
                break
        for future in pending:
            files: dict[str, str] = future.result()
            yield read_shard(files)
            submit()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
