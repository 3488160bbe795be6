"""The event store: migrations, idempotent writes, failures, clusters, queries and exports, on
documents coded from real articles (the seed and ../shared/corpora/news records)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from wirecoder.errors import StoreError
from wirecoder.ingest import article_from_text
from wirecoder.pipeline import Coder
from wirecoder.records import Document, Failure
from wirecoder.store import EventStore, Rows, recluster
from wirecoder.store.query import (
    GDELT_COLUMNS,
    EventFilter,
    cluster_events,
    gdelt_row,
    plover_record,
    select_events,
)
from wirecoder.store.schema import LATEST


@pytest.fixture(scope="module")
def seed_document(coder: Coder, shared: Path) -> Document:
    text = (shared / "seed" / "000_0e87aa88177b14ee.txt").read_text(encoding="utf-8")
    [document] = coder.code([article_from_text(text, id="seed")])
    assert isinstance(document, Document)
    return document


def rows_of(*documents: Document, failures: tuple[Failure, ...] = ()) -> Rows:
    rows = Rows()
    for document in documents:
        rows.add_document(document)
    for failure in failures:
        rows.add_failure(failure)
    return rows


def content(store: EventStore) -> dict[str, list[tuple[object, ...]]]:
    """Everything stored but the times of coding."""
    return {table: store.query(f"SELECT * EXCLUDE ({skip}) FROM {table} ORDER BY ALL")
            for table, skip in (("articles", "coded_at"), ("events", "cluster_id"), ("actors", "name"),
                                ("evidence", "rule"), ("quotes", "speaker"))}


def test_store_migrates_once_and_records_it(tmp_path: Path) -> None:
    path = tmp_path / "e.duckdb"
    with EventStore(path) as store:
        assert store.query("SELECT max(version) FROM schema_migrations") == [(LATEST,)]
    with EventStore(path) as store:  # opening again applies nothing twice
        assert store.query("SELECT count(*) FROM schema_migrations") == [(LATEST,)]


def test_store_refuses_a_newer_or_foreign_database(tmp_path: Path) -> None:
    newer = tmp_path / "newer.duckdb"
    with EventStore(newer) as store:
        store.query("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="newer wirecoder"):
        EventStore(newer).open()
    foreign = tmp_path / "foreign.duckdb"
    duckdb.connect(str(foreign)).close()
    with pytest.raises(StoreError, match="not a wirecoder database"):
        EventStore(foreign, read_only=True).open()
    with pytest.raises(StoreError, match="no such database"):
        EventStore(tmp_path / "missing.duckdb", read_only=True).open()


def test_store_writing_the_same_article_again_changes_nothing(tmp_path: Path, seed_document: Document) -> None:
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write(rows_of(seed_document))
        first = content(store)
        store.write(rows_of(seed_document))
        assert content(store) == first
        assert store.counts()["articles"] == 1 and store.counts()["events"] == len(seed_document.events)


def test_store_a_changed_article_replaces_its_rows_only(tmp_path: Path, coder: Coder, seed_document: Document) -> None:
    [other] = coder.code([article_from_text("Russia accused Ukraine on Tuesday of shelling the nuclear plant.",
                                            id="other", published="2022-08-10")])
    assert isinstance(other, Document)
    shorter = replace(seed_document, events=seed_document.events[:3])
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write(rows_of(seed_document, other))
        store.write(rows_of(shorter))
        assert store.query("SELECT count(*) FROM events WHERE article_id = 'seed'") == [(3,)]
        assert store.query("SELECT count(*) FROM events WHERE article_id = 'other'") == [(len(other.events),)]
        assert store.query("SELECT count(*) FROM evidence WHERE article_id = 'seed' AND event_id NOT IN "
                           "('E1', 'E2', 'E3')") == [(0,)]


def test_store_failures_are_recorded_and_cleared_when_the_article_codes(tmp_path: Path,
                                                                         seed_document: Document) -> None:
    failure = Failure("corpus.jsonl:7", "internal error while coding: ValueError", article_id="seed")
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write(rows_of(failures=(failure, failure)))
        assert store.query("SELECT origin, article_id, reason FROM failures") == [
            ("corpus.jsonl:7", "seed", "internal error while coding: ValueError")]
        store.write(rows_of(seed_document))
        assert store.counts()["failures"] == 0


def test_store_clusters_join_one_event_reported_by_two_outlets(tmp_path: Path, coder: Coder) -> None:
    # the seed's lede as two outlets printed it, and a meeting between others
    lede = ("Chinese Defence Minister Gen Wei Fenghe held talks with Pakistan Army chief Gen Qamar Javed Bajwa "
            "in Islamabad on Monday.")
    texts = {"pti": lede, "xinhua": lede.replace("held talks with", "met"),
             "earlier": lede.replace("on Monday", "on Wednesday, 25 November")}
    documents = []
    for name, text in texts.items():
        [document] = coder.code([article_from_text(text, id=name, published="2020-12-01")])
        assert isinstance(document, Document)
        documents.append(replace(document, article=replace(document.article, outlet=name)))
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write(rows_of(*documents))
        recluster(store)
        clusters = store.query("SELECT first_date, num_articles, num_sources FROM clusters ORDER BY first_date")
        assert clusters == [(date(2020, 11, 25), 1, 1), (date(2020, 11, 30), 2, 2)]
        linked = store.query("SELECT count(DISTINCT cluster_id) FROM events WHERE article_id IN ('pti', 'xinhua')")
        assert linked == [(1,)]
        assert store.counts()["events"] == 3  # the per-article records stay


def test_store_events_query_filters(tmp_path: Path, seed_document: Document) -> None:
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write(rows_of(seed_document))
        recluster(store)
        everything = select_events(store, EventFilter())
        agreements = select_events(store, EventFilter(actor="CHN", code="05"))
        monday = select_events(store, EventFilter(start=date(2020, 11, 30), end=date(2020, 11, 30)))
    assert len(everything) == len(seed_document.events)
    assert agreements and all(e["code"].startswith("05") for e in agreements)
    assert all("CHN" in (e["source_country"], e["target_country"]) for e in agreements)
    assert {e["code"] for e in monday} == {"046", "057"} and all(e["num_articles"] == 1 for e in monday)


def test_store_exports_gdelt_and_plover(tmp_path: Path, seed_document: Document) -> None:
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write(rows_of(seed_document))
        recluster(store)
        found = cluster_events(store)
    assert len(GDELT_COLUMNS) == 61
    rows = {row[GDELT_COLUMNS.index("EventCode")]: dict(zip(GDELT_COLUMNS, row, strict=True))
            for row in map(gdelt_row, found)}
    signing = rows["057"]
    assert (signing["SQLDATE"], signing["Actor1Code"], signing["Actor1CountryCode"]) == ("20201130", "CHNMIL", "CHN")
    assert (signing["Actor2CountryCode"], signing["EventRootCode"], signing["QuadClass"]) == ("PAK", "05", 1)
    assert (signing["ActionGeo_FullName"], signing["ActionGeo_CountryCode"], signing["ActionGeo_Type"]) == \
        ("Islamabad", "PK", 4)  # FIPS 10-4 country code, a world city
    assert signing["NumArticles"] == 1 and signing["AvgTone"] is None
    record = plover_record(next(e for e in found if e["code"] == "057"))
    assert record["event"] == "SUPPORT" and record["source"][0]["code"] == "CHNMIL"  # cameo2plover_2021.tsv
    assert record["eventLoc"]["name"] == "Islamabad" and record["date"] == "2020-11-30"


def test_store_upgrades_an_older_database_in_place(tmp_path: Path, seed_document: Document) -> None:
    from wirecoder.store.rows import COLUMNS, event_uid
    from wirecoder.store.schema import MIGRATIONS

    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))  # a database as the first release made it
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    con.execute(MIGRATIONS[0][2])
    con.execute("INSERT INTO schema_migrations VALUES (1, 'v1', now())")
    old = [c for c in COLUMNS["events"] if c != "uid"]
    row = rows_of(seed_document).tables["events"][0][: len(old)]
    con.execute(f"INSERT INTO events ({', '.join(chr(34) + c + chr(34) for c in old)}) VALUES "
                f"({', '.join('?' for _ in old)})", list(row))
    con.close()
    with EventStore(path) as store:
        assert store.query("SELECT version FROM schema_migrations ORDER BY 1") == [(1,), (2,)]
        assert store.query("SELECT uid FROM events") == [(event_uid("seed", "E1"),)]


def test_store_bodies_without_a_country_are_not_one_actor_across_articles(tmp_path: Path, coder: Coder) -> None:
    text = "The authorities arrested the protesters on Monday."  # no country: anyone's authorities
    documents = []
    for name in ("one", "two"):
        [document] = coder.code([article_from_text(text, id=name, published="2020-12-01")])
        assert isinstance(document, Document) and document.events
        documents.append(document)
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write(rows_of(*documents))
        recluster(store)
        assert store.query("SELECT max(num_articles) FROM clusters") == [(1,)]
        rows = [gdelt_row(e) for e in cluster_events(store)]
    assert all(row[GDELT_COLUMNS.index("Actor1CountryCode")] is None for row in rows)
