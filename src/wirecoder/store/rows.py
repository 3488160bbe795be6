"""Coded documents as table rows: the one place records become store rows (DuckDB and Parquet)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from wirecoder.ingest.articles import content_id
from wirecoder.records import Document, Event, Failure, Party
from wirecoder.when_where.dates import iso_day

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "article_id",
        "content_hash",
        "origin",
        "url",
        "title",
        "published",
        "published_day",
        "outlet",
        "agency",
        "byline",
        "dateline",
        "language",
        "text",
        "coded_at",
        "coder_version",
    ),
    "actors": (
        "article_id",
        "actor_id",
        "name",
        "kind",
        "country",
        "sector",
        "sectors",
        "roles",
        "code",
        "mentions",
    ),
    "events": (
        "article_id",
        "event_id",
        "code",
        "root",
        "label",
        "goldstein",
        "quad_class",
        "plover",
        "source_actor",
        "source_name",
        "source_country",
        "source_sector",
        "source_code",
        "source_kind",
        "target_actor",
        "target_name",
        "target_country",
        "target_sector",
        "target_code",
        "target_kind",
        "date",
        "date_basis",
        "date_precision",
        "date_start",
        "date_end",
        "date_text",
        "place_name",
        "place_country",
        "lat",
        "lon",
        "geonameid",
        "place_feature",
        "place_level",
        "place_start",
        "place_end",
        "negated",
        "hypothetical",
        "attribution",
        "mentions",
        "uid",
    ),
    "evidence": ("article_id", "event_id", "n", "start", "end", "sentence", "trigger", "rule"),
    "quotes": ("article_id", "n", "speaker", "text", "start", "end"),
    "failures": ("origin", "article_id", "reason", "failed_at"),
}
DOCUMENT_TABLES = ("articles", "actors", "events", "evidence", "quotes")

Row = tuple[Any, ...]


@dataclass(slots=True)
class Rows:
    """Rows of some documents and failures, by table."""

    tables: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in COLUMNS})

    def add_document(self, document: Document, coded_at: datetime | None = None) -> None:
        """Add a document's rows; an earlier document of the same article id here is replaced."""
        article = document.article
        if article.id in self.article_ids():
            for table in DOCUMENT_TABLES:
                self.tables[table] = [row for row in self.tables[table] if row[0] != article.id]
        when = coded_at or datetime.now(UTC).replace(tzinfo=None)
        kinds = {a.id: a.kind for a in document.actors}
        self.tables["articles"].append(
            (
                article.id,
                article_hash(document),
                article.origin,
                article.url,
                article.title,
                article.published,
                iso_day(article.published),
                article.outlet,
                article.agency,
                article.byline,
                article.dateline,
                article.language,
                article.text,
                when,
                coder_version(),
            )
        )
        for actor in document.actors:
            mentions = json.dumps(
                [{"start": m.start, "end": m.end, "text": m.text} for m in actor.mentions], ensure_ascii=False
            )
            self.tables["actors"].append(
                (
                    article.id,
                    actor.id,
                    actor.name,
                    actor.kind,
                    actor.country,
                    actor.sector,
                    list(actor.sectors),
                    list(actor.roles),
                    actor.code,
                    mentions,
                )
            )
        for event in document.events:
            self.tables["events"].append(_event_row(article.id, event, kinds))
            for n, evidence in enumerate(event.evidence):
                self.tables["evidence"].append(
                    (
                        article.id,
                        event.id,
                        n,
                        evidence.start,
                        evidence.end,
                        evidence.sentence,
                        evidence.trigger,
                        evidence.rule,
                    )
                )
        for n, quote in enumerate(document.quotes):
            self.tables["quotes"].append((article.id, n, quote.speaker, quote.text, quote.start, quote.end))

    def add_failure(self, failure: Failure, failed_at: datetime | None = None) -> None:
        when = failed_at or datetime.now(UTC).replace(tzinfo=None)
        key = (failure.origin, failure.article_id or "")
        self.tables["failures"] = [row for row in self.tables["failures"] if row[:2] != key]
        self.tables["failures"].append((*key, failure.reason, when))

    def article_ids(self) -> list[str]:
        return [row[0] for row in self.tables["articles"]]


@cache
def coder_version() -> str:
    try:
        return version("wirecoder")
    except PackageNotFoundError:  # running from a source tree
        return "unknown"


def event_uid(article_id: str, event_id: str) -> str:
    """An event's id across the store (as migration 2 computes it in SQL)."""
    return hashlib.md5(f"{article_id}/{event_id}".encode()).hexdigest()[:16]


def article_hash(document: Document) -> str:
    """What makes an article the same article: its cleaned text."""
    return content_id(document.article.text)


def _party(party: Party | None, kinds: Mapping[str, str]) -> Row:
    if party is None:
        return (None,) * 6
    return party.actor, party.name, party.country, party.sector, party.code, kinds.get(party.actor)


def _event_row(article_id: str, event: Event, kinds: Mapping[str, str]) -> Row:
    span, place = event.date_span, event.location
    place_span = place.span if place else None
    return (
        article_id,
        event.id,
        event.code,
        event.root,
        event.label,
        event.goldstein,
        event.quad_class,
        event.plover,
        *_party(event.source, kinds),
        *_party(event.target, kinds),
        iso_day(event.date),
        event.date_basis,
        event.date_precision,
        span.start if span else None,
        span.end if span else None,
        span.text if span else None,
        place.name if place else None,
        place.country if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.geonameid if place else None,
        place.feature if place else None,
        place.level if place else None,
        place_span.start if place_span else None,
        place_span.end if place_span else None,
        event.negated,
        event.hypothetical,
        event.attribution,
        event.mentions,
        event_uid(article_id, event.id),
    )



def arrow_tables(rows: Rows) -> dict[str, Any]:
    """The rows as Arrow tables (``pyarrow.Table``), one per table, typed like the store's columns;
    DuckDB inserts them in one statement and Parquet files are written from them."""
    import pyarrow as pa

    types: dict[str, Any] = {
        "published_day": pa.date32(),
        "date": pa.date32(),
        "coded_at": pa.timestamp("us"),
        "failed_at": pa.timestamp("us"),
        "sectors": pa.list_(pa.string()),
        "roles": pa.list_(pa.string()),
        "goldstein": pa.float64(),
        "lat": pa.float64(),
        "lon": pa.float64(),
        "quad_class": pa.int32(),
        "geonameid": pa.int64(),
        "negated": pa.bool_(),
        "hypothetical": pa.bool_(),
        "mentions": pa.int32(),
        "n": pa.int32(),
        "start": pa.int32(),
        "end": pa.int32(),
        "date_start": pa.int32(),
        "date_end": pa.int32(),
        "place_start": pa.int32(),
        "place_end": pa.int32(),
    }
    tables = {}
    for table, columns in COLUMNS.items():
        data = list(zip(*rows.tables[table], strict=True)) if rows.tables[table] else [()] * len(columns)
        schema = pa.schema(
            [
                (c, types.get(c, pa.string()))
                if not (table == "actors" and c == "mentions")
                else (c, pa.string())
                for c in columns
            ]
        )
        tables[table] = pa.table(
            {c: pa.array(list(v), type=schema.field(c).type) for c, v in zip(columns, data, strict=True)},
            schema=schema,
        )
    return tables


def rows_from_arrow(tables: dict[str, Any]) -> Rows:
    """Rows back from Arrow tables (Parquet shards of the Dask engine)."""
    rows = Rows()
    for table, arrow in tables.items():
        columns = COLUMNS[table]
        rows.tables[table] = [tuple(record[c] for c in columns) for record in arrow.to_pylist()]
    return rows
