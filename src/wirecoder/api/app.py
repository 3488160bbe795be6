"""The HTTP API (FastAPI) over an event database, and the dashboard on the same app.

    app = create_app(ServeSettings(db="events.duckdb"))
    uvicorn.run(app, host="127.0.0.1", port=8000)

Every error, whatever raised it, is one JSON shape: ``{"ok": false, "error": "...", "status": N}``
(:func:`error_response`). Request bodies over ``max_body`` bytes get a 413 before they are read.
With a ``token`` every request needs ``Authorization: Bearer TOKEN`` (pages also take
``?token=``, kept in a cookie). The database is opened read-only; ``POST /v1/code`` codes text
without storing it.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wirecoder.api import reads
from wirecoder.errors import InputError, StoreError
from wirecoder.ingest import article_from_text
from wirecoder.output import document_json
from wirecoder.pipeline import Coder
from wirecoder.records import Document
from wirecoder.settings import Settings
from wirecoder.store import EventStore
from wirecoder.store.query import EventFilter

MAX_LIMIT = 500


@dataclass(frozen=True)
class ServeSettings:
    db: str = "events.duckdb"
    token: str | None = None
    max_body: int = 2_000_000  # bytes
    coding: Settings = field(default_factory=Settings)


def error_response(status: int, message: str) -> JSONResponse:
    """The one error shape of the API."""
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


class BodyLimit:
    """ASGI middleware: a body over ``limit`` bytes is refused with 413, whether its length is
    declared or it is streamed; a body within the limit is read here and replayed to the app."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send, f"{int(declared):,} bytes")
            return
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > self.limit:
                await self._refuse(scope, receive, send, f"more than {self.limit:,} bytes")
                return
            if not message.get("more_body", False):
                break
        pending = iter(messages)

        async def replay() -> Message:
            return next(pending, None) or await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, size: str) -> None:
        await error_response(413, f"request body too large: {size} (limit {self.limit:,})")(
            scope, receive, send
        )


class CodeRequest(BaseModel):
    text: str = Field(description="the article: plain text, or HTML when html is true", min_length=1)
    html: bool = False
    id: str | None = None
    published: str | None = Field(default=None, description="publication date, ISO 8601")


class Store:
    """The read-only database, one cursor per request (DuckDB connections are not shared by threads)."""

    def __init__(self, path: str) -> None:
        self.store = EventStore(path, read_only=True)
        self._lock = threading.Lock()

    @contextmanager
    def cursor(self) -> Iterator[EventStore]:
        with self._lock:
            if not self.store.is_open:
                self.store.open()
            view = self.store.view()
        try:
            yield view
        finally:
            view.close()


def create_app(settings: ServeSettings) -> FastAPI:
    app = FastAPI(
        title="wirecoder",
        version="1",
        description="CAMEO-coded events from news, with provenance.",
        docs_url=None,
        redoc_url=None,
    )
    store = Store(settings.db)
    coder_lock = threading.Lock()
    coder: list[Coder] = []

    @app.middleware("http")
    async def bearer(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if settings.token and not _authorised(request, settings.token):
            return error_response(401, "missing or wrong bearer token")
        response = await call_next(request)
        if settings.token and request.query_params.get("token") == settings.token:
            response.set_cookie("wirecoder_token", settings.token, httponly=True, samesite="strict")
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return error_response(422, f"invalid request: {problems}")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return error_response(503, str(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        return error_response(500, f"internal error: {type(exc).__name__}")

    @app.post("/v1/code", tags=["coding"], summary="Code one article (not stored)")
    def code(request: CodeRequest) -> dict[str, Any]:
        try:
            article = article_from_text(
                request.text,
                id=request.id,
                published=request.published,
                html=request.html,
                max_chars=settings.coding.max_chars,
            )
        except InputError as exc:
            raise HTTPException(422, exc.problem) from exc
        with coder_lock:
            if not coder:
                coder.append(Coder(settings.coding))
            [result] = coder[0].code([article])
        if not isinstance(result, Document):
            raise HTTPException(422, result.reason)
        return document_json(result)

    @app.get("/v1/events", tags=["events"], summary="Events, filtered, sorted and paged")
    def events(
        actor: Annotated[
            str | None, Query(description="CAMEO actor code prefix, ISO3 country or name part")
        ] = None,
        country: Annotated[str | None, Query(description="ISO3 country of either party")] = None,
        sector: Annotated[str | None, Query(description="sector of either party (GOV, MIL, ...)")] = None,
        code: Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code prefix")] = None,
        root: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
        start: Annotated[date | None, Query(alias="from")] = None,
        end: Annotated[date | None, Query(alias="to")] = None,
        place: Annotated[str | None, Query(description="part of the place name, or its ISO3 country")] = None,
        text: Annotated[str | None, Query(description="words of the evidence sentence")] = None,
        sort: Annotated[
            Literal["date", "-date", "goldstein", "-goldstein", "articles", "-articles", "code", "-code"],
            Query(),
        ] = "date",
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        where = EventFilter(
            actor=actor,
            country=country,
            sector=sector,
            code=code,
            root=root,
            start=start,
            end=end,
            place=place,
            text=text,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        with store.cursor() as db:
            return reads.events(db, where)

    @app.get("/v1/events/{uid}", tags=["events"], summary="One event, with its evidence and article")
    def event(uid: str) -> dict[str, Any]:
        with store.cursor() as db:
            found = reads.event(db, uid)
        if found is None:
            raise HTTPException(404, f"no event {uid!r}")
        return found

    @app.get("/v1/actors", tags=["actors"], summary="Actors across articles, by number of events")
    def actors(
        q: Annotated[str | None, Query(description="part of the name")] = None,
        country: Annotated[str | None, Query()] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        with store.cursor() as db:
            return reads.actors(db, q, country, limit, offset)

    @app.get("/v1/dyads", tags=["events"], summary="Daily events between two actors")
    def dyads(
        a: Annotated[str, Query(min_length=1, description="CAMEO actor code prefix or ISO3 country")],
        b: Annotated[str, Query(min_length=1)],
    ) -> dict[str, Any]:
        with store.cursor() as db:
            return reads.dyad(db, a, b)

    from wirecoder.web import mount_pages

    mount_pages(app, store, settings)
    app.add_middleware(BodyLimit, limit=settings.max_body)
    return app


def _authorised(request: Request, token: str) -> bool:
    header = request.headers.get("authorization", "")
    given = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else None
    return token in (given, request.query_params.get("token"), request.cookies.get("wirecoder_token"))
