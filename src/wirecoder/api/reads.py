"""What the API and the dashboard read from the store, as JSON-ready dicts."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from wirecoder.store import EventStore
from wirecoder.store.query import EventFilter, count_events, select_events


def plain(value: Any) -> Any:
    """Dates as ISO strings; everything else as it is."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def events(db: EventStore, where: EventFilter) -> dict[str, Any]:
    found = select_events(db, where)
    return {
        "ok": True,
        "total": count_events(db, where),
        "limit": where.limit,
        "offset": where.offset,
        "events": plain(found),
    }


def event(db: EventStore, uid: str) -> dict[str, Any] | None:
    """One event with its evidence spans, its article and where each field came from."""
    cursor = db.con.execute("SELECT * FROM events WHERE uid = ?", [uid])
    names = [d[0] for d in cursor.description]
    row = cursor.fetchone()
    if row is None:
        return None
    found = dict(zip(names, row, strict=True))
    article_id, event_id = found["article_id"], found["event_id"]
    evidence = [
        dict(zip(("n", "start", "end", "sentence", "trigger", "rule"), r, strict=True))
        for r in db.query(
            'SELECT n, start, "end", sentence, trigger, rule FROM evidence '
            "WHERE article_id = ? AND event_id = ? ORDER BY n",
            [article_id, event_id],
        )
    ]
    article = dict(
        zip(
            ("id", "title", "url", "published", "outlet", "text"),
            db.query(
                "SELECT article_id, title, url, published, outlet, text FROM articles WHERE article_id = ?",
                [article_id],
            )[0],
            strict=True,
        )
    )
    cluster = None
    if found["cluster_id"]:
        rows = db.query(
            "SELECT num_articles, num_sources, num_mentions FROM clusters WHERE cluster_id = ?",
            [found["cluster_id"]],
        )
        cluster = (
            dict(zip(("num_articles", "num_sources", "num_mentions"), rows[0], strict=True)) if rows else None
        )
    mentions = {
        actor: json.loads(m)
        for actor, m in db.query(
            "SELECT actor_id, mentions FROM actors WHERE article_id = ? AND actor_id IN (?, ?)",
            [article_id, found["source_actor"], found["target_actor"] or ""],
        )
    }
    detail: dict[str, Any] = plain(
        {
            "ok": True,
            "event": found,
            "evidence": evidence,
            "article": article,
            "cluster": cluster,
            "provenance": provenance(found, evidence, mentions),
        }
    )
    return detail


def provenance(
    event: dict[str, Any], evidence: list[dict[str, Any]], mentions: dict[str, list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """Where each field came from: a span of the article, or a rule or dictionary entry."""
    first = evidence[0] if evidence else {}
    rows = [
        {
            "field": "code",
            "value": event["code"],
            "rule": first.get("rule"),
            "span": {"start": first["start"], "end": first["end"]} if first else None,
            "note": f"trigger {first.get('trigger')!r}" if first else None,
        }
    ]
    for side in ("source", "target"):
        spans = mentions.get(event[f"{side}_actor"] or "", [])
        if event[f"{side}_name"]:
            rows.append(
                {
                    "field": side,
                    "value": event[f"{side}_name"],
                    "rule": None,
                    "span": spans[0] if spans else None,
                    "note": f"{len(spans)} mention(s)",
                }
            )
    date_span = (
        {"start": event["date_start"], "end": event["date_end"]} if event["date_start"] is not None else None
    )
    rows.append(
        {
            "field": "date",
            "value": event["date"],
            "span": date_span,
            "note": event["date_basis"],
            "rule": None if date_span else "publication day",
        }
    )
    if event["place_name"]:
        place_span = (
            {"start": event["place_start"], "end": event["place_end"]}
            if event["place_start"] is not None
            else None
        )
        rows.append(
            {
                "field": "place",
                "value": f"{event['place_name']} ({event['place_country']})",
                "span": place_span,
                "note": event["place_level"],
                "rule": f"GeoNames {event['geonameid']}" if event["geonameid"] else "countryinfo",
            }
        )
    return rows


def actors(db: EventStore, q: str | None, country: str | None, limit: int, offset: int) -> dict[str, Any]:
    clauses, parameters = [], []
    if q:
        clauses.append("contains(lower(name), lower(?))")
        parameters.append(q)
    if country:
        clauses.append("upper(coalesce(country, '')) = upper(?)")
        parameters.append(country)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = f"""
        WITH sides AS (
            SELECT source_name AS name, source_country AS country, source_sector AS sector,
                   source_code AS code, article_id FROM events
            UNION ALL
            SELECT target_name, target_country, target_sector, target_code, article_id FROM events
            WHERE target_name IS NOT NULL)
        SELECT name, country, any_value(sector), any_value(code), count(*) AS events,
               count(DISTINCT article_id) AS articles
        FROM sides{where} GROUP BY name, country ORDER BY events DESC, name LIMIT ? OFFSET ?"""
    rows = db.query(sql, [*parameters, limit, offset])
    keys = ("name", "country", "sector", "code", "events", "articles")
    return {
        "ok": True,
        "actors": [dict(zip(keys, r, strict=True)) for r in rows],
        "limit": limit,
        "offset": offset,
    }


def _side(column: str) -> str:
    return (
        f"(starts_with(upper(coalesce(e.{column}_code, '')), upper(?)) "
        f"OR upper(coalesce(e.{column}_country, '')) = upper(?))"
    )


def dyad(db: EventStore, a: str, b: str) -> dict[str, Any]:
    """Daily counts, Goldstein sums and quad-class mix of the events between ``a`` and ``b``."""
    sql = f"""
        SELECT e.date, count(*), sum(e.goldstein), count(*) FILTER (WHERE e.quad_class = 1),
               count(*) FILTER (WHERE e.quad_class = 2), count(*) FILTER (WHERE e.quad_class = 3),
               count(*) FILTER (WHERE e.quad_class = 4)
        FROM events e
        WHERE NOT e.negated AND e.date IS NOT NULL
          AND ((({_side("source")}) AND ({_side("target")})) OR (({_side("source")}) AND ({_side("target")})))
        GROUP BY e.date ORDER BY e.date"""
    rows = db.query(sql, [a, a, b, b, b, b, a, a])
    days = [
        {
            "date": d.isoformat(),
            "events": n,
            "goldstein": round(g or 0.0, 2),
            "quad_class": {"1": q1, "2": q2, "3": q3, "4": q4},
        }
        for d, n, g, q1, q2, q3, q4 in rows
    ]
    return {
        "ok": True,
        "a": a,
        "b": b,
        "days": days,
        "events": sum(d["events"] for d in days),
        "goldstein": round(sum(d["goldstein"] for d in days), 2),
    }
