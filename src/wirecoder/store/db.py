"""The event store: an embedded DuckDB database file.

    with EventStore("events.duckdb") as store:
        store.write(rows)                      # one transaction: replace those articles' rows
        store.seen()                           # article id -> content hash, for resuming

Writes are idempotent: an article written again replaces its own rows (and only those), so a run
that is killed and started again converges on the same content. Each :meth:`EventStore.write` is
one transaction; DuckDB's write-ahead log keeps every committed one through a ``kill -9``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from wirecoder.errors import StoreError
from wirecoder.store.rows import COLUMNS, DOCUMENT_TABLES, Rows, arrow_tables
from wirecoder.store.schema import LATEST, MIGRATIONS


class EventStore:
    """One open database. Constructing it does no I/O; ``with`` (or :meth:`open`) opens it."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = None

    # ---------- opening ----------

    def open(self) -> EventStore:
        if self.read_only and not self.path.exists():
            raise StoreError(
                f"{self.path}: no such database (make one with `wirecoder run ... --db {self.path}`)"
            )
        try:
            self._con = duckdb.connect(str(self.path), read_only=self.read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from exc
        if not self.read_only:
            self._migrate()
        else:
            self._check_version()
        return self

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> EventStore:
        return self.open()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self._con is not None

    def view(self) -> EventStore:
        """Another handle on this open database with its own cursor, for one thread; close it after."""
        other = EventStore(self.path, read_only=self.read_only)
        other._con = self.con.cursor()
        return other

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"{self.path}: the database is not open")
        return self._con

    def _migrate(self) -> None:
        con = self.con
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
        )
        done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
        self._refuse_newer(done)
        for number, name, sql in MIGRATIONS:
            if number in done:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(sql)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [number, name, _now()])
                con.execute("COMMIT")
            except duckdb.Error as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"{self.path}: migration {number} ({name}) failed: {exc}") from exc

    def _check_version(self) -> None:
        try:
            rows = self.con.execute("SELECT version FROM schema_migrations").fetchall()
        except duckdb.CatalogException as exc:
            raise StoreError(f"{self.path}: not a wirecoder database (no schema_migrations table)") from exc
        done = {row[0] for row in rows}
        self._refuse_newer(done)
        if max(done, default=0) < LATEST:
            old = max(done, default=0)
            raise StoreError(f"{self.path}: made by an older wirecoder (schema {old}, this one needs "
                             f"{LATEST}); upgrade it with upgrade_store() or any `wirecoder run --db`")

    def _refuse_newer(self, done: set[int]) -> None:
        if done and max(done) > LATEST:
            raise StoreError(
                f"{self.path}: made by a newer wirecoder (schema {max(done)}, this one knows "
                f"{LATEST}); upgrade wirecoder"
            )

    # ---------- writing ----------

    def write(self, rows: Rows) -> None:
        """Replace the rows of the articles in ``rows`` and record its failures, in one transaction."""
        con = self.con
        ids = rows.article_ids()
        tables = arrow_tables(rows)
        con.execute("BEGIN TRANSACTION")
        try:
            if ids:
                con.execute("CREATE OR REPLACE TEMP TABLE written (article_id VARCHAR)")
                con.executemany("INSERT INTO written VALUES (?)", [[i] for i in ids])
                for table in DOCUMENT_TABLES:
                    con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM written)")
                con.execute("DELETE FROM failures WHERE article_id IN (SELECT article_id FROM written)")
            for table, arrow in tables.items():
                if arrow.num_rows:
                    con.register("incoming", arrow)
                    if table == "failures":
                        con.execute(
                            "DELETE FROM failures WHERE (origin, article_id) IN "
                            "(SELECT origin, article_id FROM incoming)"
                        )
                    columns = ", ".join(f'"{c}"' for c in COLUMNS[table])
                    con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")
                    con.unregister("incoming")
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot write {len(ids)} articles: {exc}") from exc

    # ---------- reading ----------

    def seen(self) -> dict[str, str]:
        """Article id -> content hash of every stored article."""
        return dict(self.con.execute("SELECT article_id, content_hash FROM articles").fetchall())

    def counts(self) -> dict[str, int]:
        tables = (*DOCUMENT_TABLES, "failures", "clusters")
        return {t: int(self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}  # type: ignore[index]

    def query(self, sql: str, parameters: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, parameters or []).fetchall()


def upgrade_store(path: str | Path) -> None:
    """Apply any missing migrations to an existing database (a no-op when it is current)."""
    if Path(path).exists():
        with EventStore(path):
            pass


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
