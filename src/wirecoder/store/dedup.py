"""Cross-article dedup: one real event reported by several articles is one cluster.

Events of different articles belong to one cluster when they have the same source and the same
target (people by name, bodies and countries by CAMEO code; a body with no country only within its
own article), the same root code, the
same polarity, days at most :data:`WINDOW_DAYS` apart (counted from the cluster's first day) and
compatible places (the same country, or one of them unplaced). Consultations (root 04) are
symmetric: "A met B" and "B met A" are one meeting. Each cluster counts ``num_articles`` (distinct
articles), ``num_sources`` (distinct outlets: the record's outlet, else its agency, else the host
of its URL) and ``num_mentions`` (sentences, summed over its articles); every event row keeps
its article's own record and points at its cluster with ``cluster_id``. Undated events are
clustered within their own article only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlparse

from wirecoder.store.db import EventStore

WINDOW_DAYS = 2
SYMMETRIC_ROOTS = frozenset({"04"})


@dataclass(slots=True)
class _Cluster:
    key: tuple[str, str, str, bool]
    first: date | None
    country: str | None
    members: list[tuple[str, str]] = field(default_factory=list)  # (article_id, event_id)
    articles: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    mentions: int = 0
    last: date | None = None

    @property
    def id(self) -> str:
        first = "/".join(self.members[0])
        return hashlib.sha1(first.encode("utf-8")).hexdigest()[:16]


def actor_key(
    kind: str | None, name: str | None, code: str | None, country: str | None, article_id: str
) -> str:
    """Who an actor is across articles: a person by name, a body or country with a country by its
    CAMEO code. A body with no country ("the authorities", "the government" coded GOV) could be
    anyone's: it is only itself within its own article."""
    if name is None:
        return ""
    if kind == "person":
        return f"person:{name.casefold()}"
    if country:
        return f"code:{code or country}"
    return f"article:{article_id}:{name.casefold()}"


def recluster(store: EventStore) -> int:
    """Rebuild the clusters of the whole store; returns how many there are."""
    rows = store.query("""
        SELECT e.article_id, e.event_id, e.source_kind, e.source_name, e.source_code, e.source_country,
               e.target_kind, e.target_name, e.target_code, e.target_country, e.root, e.negated, e.date,
               e.place_country, e.mentions,
               coalesce(a.outlet, a.agency, a.url, a.origin)
        FROM events e JOIN articles a USING (article_id)
        ORDER BY e.date NULLS LAST, e.article_id, e.event_id""")
    open_clusters: dict[tuple[str, str, str, bool], list[_Cluster]] = {}
    done: list[_Cluster] = []
    for (
        article_id,
        event_id,
        s_kind,
        s_name,
        s_code,
        s_country,
        t_kind,
        t_name,
        t_code,
        t_country,
        root,
        negated,
        day,
        country,
        mentions,
        outlet,
    ) in rows:
        source = actor_key(s_kind, s_name, s_code, s_country, article_id)
        target = actor_key(t_kind, t_name, t_code, t_country, article_id)
        if root in SYMMETRIC_ROOTS and target:
            source, target = sorted((source, target))
        key = (source, target, root, bool(negated))
        cluster = _home(open_clusters.get(key, []), day, country, article_id)
        if cluster is None:
            cluster = _Cluster(key, day, country)
            open_clusters.setdefault(key, []).append(cluster)
            done.append(cluster)
        cluster.members.append((article_id, event_id))
        cluster.articles.add(article_id)
        cluster.sources.add(_outlet(outlet))
        cluster.mentions += int(mentions)
        cluster.country = cluster.country or country
        cluster.last = day if day is not None else cluster.last
    _save(store, done)
    return len(done)


def _home(
    candidates: list[_Cluster], day: date | None, country: str | None, article_id: str
) -> _Cluster | None:
    for cluster in reversed(candidates):
        if day is None or cluster.first is None:
            if day is None and cluster.first is None and article_id in cluster.articles:
                return cluster
            continue
        if (day - cluster.first).days > WINDOW_DAYS:
            continue
        if country and cluster.country and country != cluster.country:
            continue
        return cluster
    return None


def _outlet(value: str | None) -> str:
    if not value:
        return ""
    host = urlparse(value).netloc if "://" in value else ""
    return (host.removeprefix("www.") if host else value).casefold()


def _save(store: EventStore, clusters: list[_Cluster]) -> None:
    import pyarrow as pa

    found = pa.table(
        {
            "cluster_id": [c.id for c in clusters],
            "source_key": [c.key[0] for c in clusters],
            "target_key": [c.key[1] or None for c in clusters],
            "root": [c.key[2] for c in clusters],
            "first_date": pa.array([c.first for c in clusters], pa.date32()),
            "last_date": pa.array([c.last or c.first for c in clusters], pa.date32()),
            "place_country": pa.array([c.country for c in clusters], pa.string()),
            "num_articles": [len(c.articles) for c in clusters],
            "num_sources": [len(c.sources) for c in clusters],
            "num_mentions": [c.mentions for c in clusters],
        }
    )
    membership = pa.table(
        {
            "article_id": [a for c in clusters for a, _ in c.members],
            "event_id": [e for c in clusters for _, e in c.members],
            "cluster_id": [c.id for c in clusters for _ in c.members],
        }
    )
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM clusters")
        con.register("found", found)
        con.execute("INSERT INTO clusters SELECT * FROM found")
        con.register("membership", membership)
        con.execute(
            "UPDATE events SET cluster_id = m.cluster_id FROM membership m "
            "WHERE events.article_id = m.article_id AND events.event_id = m.event_id"
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("found")
        con.unregister("membership")
