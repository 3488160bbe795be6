"""Shared fixtures. ``../shared`` (gold, corpora, schema) is read where CI lays it: beside the repo."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from wirecoder.api import ServeSettings, create_app
from wirecoder.batch import run
from wirecoder.pipeline import Coder
from wirecoder.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_0e87aa88177b14ee.txt"
NEWS = SHARED / "corpora" / "news" / "news_articles.jsonl"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def coder() -> Coder:
    """One loaded pipeline for the whole session."""
    return Coder(Settings())


@pytest.fixture(scope="session")
def news_records(shared: Path) -> list[dict[str, object]]:
    with NEWS.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


@pytest.fixture(scope="session")
def schema_validator(shared: Path) -> Iterator[object]:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "schema" / "document.schema.json").read_text())
    yield jsonschema.Draft202012Validator(schema)


# ---------- an event database and a server, for the API and browser tests ----------

HOSTILE = ('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> '
           "Russia accused Ukraine on Tuesday of shelling the nuclear plant near Enerhodar.")


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory, shared: Path,
           news_records: list[dict[str, object]]) -> Path:
    folder = tmp_path_factory.mktemp("api")
    corpus = folder / "corpus.jsonl"
    seed = (shared / "seed" / "000_0e87aa88177b14ee.txt").read_text(encoding="utf-8")
    picked = [r for r in news_records if r["id"] in ("wikinews-2019-055", "wikinews-2019-127", "guardian-sdf-694")]
    records = [{"id": "seed", "text": seed}, *picked,
               {"id": "hostile", "text": HOSTILE, "published": "2022-08-10", "outlet": "<b>Bad</b> News",
                "url": "javascript:fetch('/v1/events')"}]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = folder / "events.duckdb"
    run([str(corpus)], db, Settings(), progress=False)
    return db


@pytest.fixture(scope="session")
def server(api_db: Path) -> Iterator[str]:
    """The app on a real uvicorn server on a free loopback port."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(ServeSettings(db=str(api_db))), host="127.0.0.1", port=port,
                            log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)
