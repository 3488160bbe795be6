"""The dashboard: server-rendered pages on the API's app, working offline (no CDN, no web fonts).

Pages: ``/`` the event table with filters; ``/events/{uid}`` one event over its article, evidence
highlighted, with where each field came from; ``/dyads`` a dyad timeline (cooperation above,
conflict below the line); ``/network`` the actor network; ``/map`` event places on a basemap
drawn from the country shapes of the ``countryinfo`` package; ``/code`` a box to paste an article
and see it coded live. Templates are Jinja2 with autoescaping: every string that comes from a
document is escaped; the live page builds its DOM with ``textContent``.
"""

from __future__ import annotations

import math
from datetime import date
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape

from wirecoder.api import reads
from wirecoder.store.query import EventFilter
from wirecoder.when_where.dates import iso_day

if TYPE_CHECKING:
    from wirecoder.api.app import ServeSettings, Store

PAGE = 50
MAX_PAGE = 100_000
WIDTH, HEIGHT = 960, 480  # the map, equirectangular


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("wirecoder.web", "templates"), autoescape=select_autoescape(["html"])
    )


def render(name: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(_templates().get_template(name).render(**context))


def mount_pages(app: FastAPI, store: Store, settings: ServeSettings) -> None:
    static = resources.files("wirecoder.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def table(request: Request) -> HTMLResponse:
        q = request.query_params
        given = q.get("page", "1")
        page = min(max(int(given) if given.isascii() and given.isdecimal() else 1, 1), MAX_PAGE)
        where = EventFilter(
            actor=q.get("actor") or None,
            code=q.get("code") or None,
            start=iso_day(q.get("from")),
            end=iso_day(q.get("to")),
            place=q.get("place") or None,
            text=q.get("text") or None,
            limit=PAGE,
            offset=(page - 1) * PAGE,
        )
        with store.cursor() as db:
            found = reads.events(db, where)
        query = {k: v for k, v in q.items() if k != "page" and v}
        return render(
            "events.html",
            found=found,
            q=q,
            query=query,
            page=page,
            pages=max(1, math.ceil(found["total"] / PAGE)),
        )

    @app.get("/events/{uid}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(uid: str) -> HTMLResponse:
        with store.cursor() as db:
            found = reads.event(db, uid)
        if found is None:
            raise HTTPException(404, f"no event {uid!r}")
        return render("event.html", e=found["event"], found=found, pieces=_pieces(found))

    @app.get("/dyads", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(a: str = "", b: str = "") -> HTMLResponse:
        chart = None
        if a and b:
            with store.cursor() as db:
                chart = _timeline(reads.dyad(db, a, b))
        return render("dyads.html", a=a, b=b, chart=chart)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page() -> HTMLResponse:
        with store.cursor() as db:
            return render("network.html", graph=_network(db))

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page() -> HTMLResponse:
        with store.cursor() as db:
            rows = db.query(
                "SELECT place_name, place_country, lat, lon, count(*) FROM events "
                "WHERE lat IS NOT NULL GROUP BY ALL ORDER BY 5 DESC"
            )
        dots = [
            {"name": n, "country": c, "x": _x(lon), "y": _y(lat), "r": 3 + 2 * math.log(k), "events": k}
            for n, c, lat, lon, k in rows
        ]
        return render("map.html", shapes=_basemap(), dots=dots, width=WIDTH, height=HEIGHT)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        """The API reference from the app's own OpenAPI spec, rendered here (Swagger UI would load
        its scripts from a CDN)."""
        spec = app.openapi()
        operations = [{"method": method.upper(), "path": path, **operation}
                      for path, methods in spec["paths"].items() for method, operation in methods.items()]
        return render("docs.html", spec=spec, operations=operations)

    @app.get("/code", response_class=HTMLResponse, include_in_schema=False)
    def code_page() -> HTMLResponse:
        return render("code.html")


def _pieces(found: dict[str, Any]) -> list[tuple[str, str]]:
    """The article text cut into (class, text) pieces: evidence sentences, the date and the place."""
    text = found["article"]["text"]
    marks: list[tuple[int, int, str]] = [(ev["start"], ev["end"], "evidence") for ev in found["evidence"]]
    e = found["event"]
    for kind in ("date", "place"):
        if e[f"{kind}_start"] is not None:
            marks.append((e[f"{kind}_start"], e[f"{kind}_end"], kind))
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    pieces = []
    for start, end in pairwise(cuts):
        inside = [kind for a, b, kind in marks if a <= start and end <= b]
        kind = "place" if "place" in inside else "date" if "date" in inside else "evidence" if inside else ""
        pieces.append((kind, text[start:end]))
    return pieces


def _timeline(dyad: dict[str, Any]) -> dict[str, Any]:
    """Bars on a time axis, one per day with events: cooperation (quad classes 1-2) up, conflict
    (3-4) down."""
    days = dyad["days"]
    peak = max(
        [
            1,
            *(d["quad_class"]["1"] + d["quad_class"]["2"] for d in days),
            *(d["quad_class"]["3"] + d["quad_class"]["4"] for d in days),
        ]
    )
    first = date.fromisoformat(days[0]["date"]) if days else date.today()
    span = (date.fromisoformat(days[-1]["date"]) - first).days + 1 if days else 1
    width = 900 / span
    bars = []
    for d in days:
        up = d["quad_class"]["1"] + d["quad_class"]["2"]
        down = d["quad_class"]["3"] + d["quad_class"]["4"]
        bars.append(
            {
                "x": round(40 + (date.fromisoformat(d["date"]) - first).days * width, 1),
                "w": max(width - 1, 2),
                "up": 100 * up / peak,
                "down": 100 * down / peak,
                "date": d["date"],
                "cooperation": up,
                "conflict": down,
                "goldstein": d["goldstein"],
            }
        )
    return {
        "bars": bars,
        "total": dyad["events"],
        "goldstein": dyad["goldstein"],
        "days": len(days),
        "first": days[0]["date"] if days else None,
        "last": days[-1]["date"] if days else None,
    }


def _network(db: Any, size: int = 30) -> dict[str, Any]:
    pairs = db.query("""
        SELECT source_name, target_name, count(*) AS n, avg(goldstein) FROM events
        WHERE target_name IS NOT NULL AND NOT negated GROUP BY 1, 2 ORDER BY n DESC LIMIT 400""")
    weight: dict[str, int] = {}
    for s, t, n, _ in pairs:
        weight[s] = weight.get(s, 0) + n
        weight[t] = weight.get(t, 0) + n
    names = sorted(weight, key=lambda k: -weight[k])[:size]
    places = {
        name: (
            450 + 330 * math.cos(2 * math.pi * i / max(len(names), 1)),
            380 + 330 * math.sin(2 * math.pi * i / max(len(names), 1)),
        )
        for i, name in enumerate(names)
    }
    nodes = [
        {"name": n, "x": places[n][0], "y": places[n][1], "r": 4 + 2 * math.sqrt(weight[n])} for n in names
    ]
    edges = [
        {
            "x1": places[s][0],
            "y1": places[s][1],
            "x2": places[t][0],
            "y2": places[t][1],
            "w": 1 + math.log(n),
            "conflict": (g or 0) < 0,
            "label": f"{s} → {t}: {n}",
        }
        for s, t, n, g in pairs
        if s in places and t in places
    ]
    return {"nodes": nodes, "edges": edges}


def _x(lon: float) -> float:
    return (lon + 180) * WIDTH / 360


def _y(lat: float) -> float:
    return (90 - lat) * HEIGHT / 180


@cache
def _basemap() -> list[dict[str, str]]:
    """SVG paths of the country shapes ``countryinfo`` ships (GeoJSON), projected."""
    from countryinfo import all_countries

    shapes = []
    for country in all_countries():
        geo = country.geo_json() or {}
        for feature in geo.get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = geometry.get("coordinates", [])
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            path = " ".join(
                "M" + " L".join(f"{_x(x):.1f},{_y(y):.1f}" for x, y, *_ in ring) + " Z"
                for polygon in polygons
                for ring in polygon
            )
            shapes.append(
                {
                    "id": str(feature.get("id", "")),
                    "name": str(feature.get("properties", {}).get("name", "")),
                    "d": path,
                }
            )
    return shapes
