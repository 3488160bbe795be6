"""The seed article's actors against ../shared/gold/seed.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from wirecoder.ingest import read_articles
from wirecoder.pipeline import Coder
from wirecoder.records import Actor, Document


@pytest.fixture(scope="module")
def seed(coder: Coder, shared: Path) -> Document:
    articles = list(read_articles([str(shared / "seed" / "000_0e87aa88177b14ee.txt")], 1_000_000))
    [document] = coder.code(articles)
    assert isinstance(document, Document)
    return document


def _named(document: Document, last_word: str) -> Actor:
    [actor] = [a for a in document.actors if last_word in a.name.split()]
    return actor


@pytest.mark.parametrize("key", ["wei", "bajwa", "alvi", "khan", "mod", "pladaily"])
def test_seed_actor_matches_gold(seed: Document, shared: Path, key: str) -> None:
    gold = yaml.safe_load((shared / "gold" / "seed.yaml").read_text())["actors"][key]
    actor = _named(seed, gold["name"].split()[-1])
    assert actor.country == gold["country"]
    assert set(actor.sectors) & set(gold["sector"])


@pytest.mark.parametrize("key", ["wei", "bajwa", "alvi", "khan"])
def test_seed_coref_mentions_resolve_to_one_actor(seed: Document, shared: Path, key: str) -> None:
    strings = yaml.safe_load((shared / "gold" / "seed.yaml").read_text())["coref"][key]
    owners = set()
    for string in strings:
        start = seed.article.text.index(string)
        last = start + string.rfind(string.split()[-1])
        owners |= {a.id for a in seed.actors for m in a.mentions if m.start <= last < m.end}
    assert len(owners) == 1


def test_seed_places_are_not_actors(seed: Document) -> None:
    names = {m.text for a in seed.actors for m in a.mentions}
    assert "Islamabad" not in names
    assert not any("Councillor" in a.name for a in seed.actors)
