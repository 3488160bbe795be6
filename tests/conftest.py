"""Shared fixtures. ``../shared`` (gold, corpora, schema) is read where CI lays it: beside the repo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

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
