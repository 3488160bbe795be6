"""Records to output: the ``wirecoder/document/1`` JSON (made here and nowhere else) and tables."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any, TextIO

from wirecoder.records import Actor, Article, Document, Event, Party, Quote, Span

SCHEMA = "wirecoder/document/1"


def _article(article: Article) -> dict[str, Any]:
    return {"id": article.id, "url": article.url, "title": article.title, "published": article.published,
            "agency": article.agency, "byline": article.byline, "dateline": article.dateline,
            "language": article.language, "outlet": article.outlet, "text": article.text}


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _actor(actor: Actor) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country,
            "sector": actor.sector, "sectors": list(actor.sectors), "roles": list(actor.roles),
            "code": actor.code, "mentions": [_span(m) for m in actor.mentions]}


def _party(party: Party | None) -> dict[str, Any] | None:
    return asdict(party) if party is not None else None


def _event(event: Event) -> dict[str, Any]:
    return {"id": event.id, "code": event.code, "root": event.root, "label": event.label,
            "goldstein": event.goldstein, "quad_class": event.quad_class, "plover": event.plover,
            "source": _party(event.source), "target": _party(event.target), "date": event.date,
            "date_basis": event.date_basis, "date_precision": event.date_precision,
            "date_span": _span(event.date_span) if event.date_span is not None else None,
            "location": asdict(event.location) if event.location is not None else None,
            "negated": event.negated, "hypothetical": event.hypothetical, "attribution": event.attribution,
            "confidence": event.confidence, "mentions": event.mentions,
            "evidence": [asdict(e) for e in event.evidence]}


def _quote(quote: Quote) -> dict[str, Any]:
    return {"speaker": quote.speaker, "text": quote.text, "start": quote.start, "end": quote.end}


def document_json(document: Document) -> dict[str, Any]:
    """The ``wirecoder/document/1`` JSON object of one coded article."""
    return {"schema": SCHEMA, "article": _article(document.article),
            "actors": [_actor(a) for a in document.actors], "events": [_event(e) for e in document.events],
            "quotes": [_quote(q) for q in document.quotes]}


def dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


TABLE_COLUMNS = (("article", 18), ("date", 10), ("source", 22), ("code", 4), ("event", 26),
                 ("target", 22), ("place", 16), ("trigger", 12))


def _cells(document: Document, event: Event) -> list[str]:
    trigger = event.evidence[0].trigger if event.evidence else ""
    place = f"{event.location.name} {event.location.country or ''}".strip() if event.location else "-"
    return [document.article.id, event.date or "", _party_label(event.source), event.code, event.label or "",
            _party_label(event.target), place, trigger or ""]


def _party_label(party: Party | None) -> str:
    if party is None:
        return "-"
    extra = " ".join(x for x in (party.country, party.sector) if x)
    return f"{party.name} ({extra})" if extra else party.name


def _fit(cell: str, width: int) -> str:
    cell = " ".join(cell.split())
    return cell if len(cell) <= width else cell[: width - 1] + "…"


def aligned(columns: Sequence[tuple[str, int]], rows: Iterable[Sequence[str]]) -> str:
    """An aligned text table with a count of rows ("N events"); cells are cut to fit."""
    lines = ["  ".join(name.ljust(width) for name, width in columns)]
    lines.append("  ".join("-" * width for _, width in columns))
    count = 0
    for cells in rows:
        fitted = (_fit(c, width).ljust(width) for c, (_, width) in zip(cells, columns, strict=True))
        lines.append("  ".join(fitted).rstrip())
        count += 1
    lines.append(f"{count} events")
    return "\n".join(lines)


def render_table(documents: Iterable[Document]) -> str:
    """Events of coded documents as an aligned text table, one row per event."""
    return aligned(TABLE_COLUMNS, (_cells(d, e) for d in documents for e in d.events))


STORED_COLUMNS = (("article", 18), ("date", 10), ("source", 22), ("code", 4), ("event", 26),
                  ("target", 22), ("place", 16), ("articles", 8))


def render_stored(events: Iterable[dict[str, Any]]) -> str:
    """Events read from the store (``wirecoder events``) as an aligned text table."""
    def side(event: dict[str, Any], name: str) -> str:
        extra = " ".join(x for x in (event[f"{name}_country"], event[f"{name}_sector"]) if x)
        label = event[f"{name}_name"] or "-"
        return f"{label} ({extra})" if extra and event[f"{name}_name"] else label

    return aligned(STORED_COLUMNS, ([
        e["article_id"], str(e["date"] or ""), side(e, "source"), e["code"], e["label"] or "",
        side(e, "target"),
        f"{e['place_name']} {e['place_country'] or ''}".strip() if e["place_name"] else "-",
        str(e["num_articles"] or "")] for e in events))


def write_records(records: list[dict[str, Any]], fmt: str, out: TextIO | None, path: str | None) -> None:
    """Rows as CSV, JSON lines or Parquet (which needs ``path``); dates as ISO strings in text."""
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        if path is None:
            raise ValueError("parquet needs an output file (-o FILE)")
        pq.write_table(pa.Table.from_pylist(records), path)
        return
    assert out is not None
    if fmt == "csv":
        writer = csv.writer(out)
        if records:
            writer.writerow(records[0].keys())
        writer.writerows([_text(v) for v in r.values()] for r in records)
    else:
        for record in records:
            out.write(dumps({k: _text(v) for k, v in record.items()}) + "\n")


def _text(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
