"""Score coded documents against gold annotations (``wirecoder eval``).

Gold files are YAML in the format of ``shared/gold/README.md``: an ``article`` block, named
``actors`` specs, ``coref`` mention lists, ``events`` and ``quotes``. The matching rules are those
of that README:

* **dyad**: a predicted event matches a gold event when its root is acceptable and the source and
  target countries match (either way round when ``symmetric``); **actor** level also needs the
  sector and the name (the gold name's last word among the predicted name's words, or an acronym);
* one-to-one matching, best-agreeing pairs first; unmatched predictions are false positives;
  negated predictions are not scored; ``required: false`` gold events are neither rewarded nor
  punished;
* date, location, mentions and attribution are accuracies over the matched required events.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from wirecoder.errors import UsageError

Json = dict[str, Any]
STOP = frozenset({"of", "and", "the", "for", "on", "in", "de", "al"})


def _norm(text: str | None) -> list[str]:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9 ]+", " ", text.lower()).split()


def name_matches(gold: str | None, predicted: str | None) -> bool:
    """The gold name's last word among the predicted name's words, or one the other's acronym."""
    if not gold:
        return True
    inner = re.findall(r"\(([^)]*)\)", gold)
    if inner:
        outer = re.sub(r"\([^)]*\)", " ", gold)
        return any(name_matches(n, predicted) for n in [outer, *inner])
    g, p = _norm(gold), _norm(predicted)
    if not g or not p:
        return False
    return g[-1] in p or (len(p) == 1 < len(g) and p[0] == _acronym(g)) or \
        (len(g) == 1 < len(p) and g[0] == _acronym(p))


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in STOP)


def _list(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


def _day(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat()[:10] if isinstance(value, dt.date) else str(value)[:10]


@dataclass
class Tally:
    """Counts summed over articles."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, key: str, good: int, total: int) -> None:
        have = self.counts.setdefault(key, [0, 0])
        have[0] += good
        have[1] += total


@dataclass(frozen=True)
class Side:
    name: str | None
    country: str | None
    sectors: frozenset[str]


class Predicted:
    """One predicted document, with its parties enriched by their actors' sectors."""

    def __init__(self, document: Json) -> None:
        self.doc = document
        self.text = document.get("article", {}).get("text") or ""
        self.actors = {a["id"]: a for a in document.get("actors", []) if isinstance(a, dict) and "id" in a}
        self.events = [e for e in document.get("events", []) if isinstance(e, dict) and not e.get("negated")]

    def party(self, value: Json | None) -> Side | None:
        if not value:
            return None
        actor = self.actors.get(value.get("actor"), {})
        sectors = {*_list(actor.get("sectors")), value.get("sector"), actor.get("sector")}
        return Side(value.get("name") or actor.get("name"), value.get("country") or actor.get("country"),
                     frozenset(s for s in sectors if s))


def _spec_ok(spec: Json, party: Side | None, strict: bool) -> bool:
    if party is None:
        return False
    if spec.get("country") and spec["country"] != party.country:
        return False
    if not spec.get("country"):
        if spec.get("name") and not name_matches(spec["name"], party.name):
            return False
        if not spec.get("name") and spec.get("sector") and not set(_list(spec["sector"])) & party.sectors:
            return False
    if strict and spec.get("sector") and not set(_list(spec["sector"])) & party.sectors:
        return False
    return not strict or name_matches(spec.get("name"), party.name)


def _event_ok(gold: Json, event: Json, doc: Predicted, actors: Json, strict: bool) -> bool:
    root = str(event.get("root") or str(event.get("code", ""))[:2])
    if root not in [str(r) for r in gold["roots"]]:
        return False
    source, target = actors[gold["source"]], actors.get(gold.get("target") or "")
    ps, pt = doc.party(event.get("source")), doc.party(event.get("target"))

    def pair(a: Side | None, b: Side | None) -> bool:
        return _spec_ok(source, a, strict) and (target is None or _spec_ok(target, b, strict))

    return pair(ps, pt) or (bool(gold.get("symmetric")) and pair(pt, ps))


def _date_ok(gold: Json, event: Json) -> bool:
    return _day(event.get("date")) in {_day(x) for x in _list(gold.get("date"))}


def _location_ok(gold: Json, event: Json) -> bool:
    location, want = event.get("location") or {}, gold["location"]
    if want.get("country") and location.get("country") != want["country"]:
        return False
    return name_matches(want.get("name"), location.get("name"))


def _match(golds: list[Json], doc: Predicted, actors: Json, strict: bool) -> dict[int, int]:
    pairs = []
    for gi, gold in enumerate(golds):
        for pi, event in enumerate(doc.events):
            if _event_ok(gold, event, doc, actors, strict):
                score = (2 * _event_ok(gold, event, doc, actors, True)
                         + (bool(gold.get("date")) and _date_ok(gold, event))
                         + (bool(gold.get("location")) and _location_ok(gold, event))
                         + bool(gold.get("required", True)))
                pairs.append((-score, gi, pi))
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    matched = {}
    for _, gi, pi in sorted(pairs):
        if gi not in taken_g and pi not in taken_p:
            matched[gi] = pi
            taken_g.add(gi)
            taken_p.add(pi)
    return matched


def score_article(gold: Json, document: Json, tally: Tally) -> None:
    """Add one article's counts to ``tally``."""
    doc, actors, golds = Predicted(document), gold.get("actors", {}), gold.get("events", [])
    required = {i for i, g in enumerate(golds) if g.get("required", True)}
    for level, strict in (("dyad", False), ("actor", True)):
        matched = _match(golds, doc, actors, strict)
        tp = sum(1 for gi in matched if gi in required)
        neutral = len(matched) - tp
        tally.add(f"{level}.tp", tp, 0)
        tally.add(f"{level}.fp", len(doc.events) - tp - neutral, 0)
        tally.add(f"{level}.fn", len(required) - tp, 0)
        if level == "dyad":
            hits = [(golds[gi], doc.events[pi]) for gi, pi in matched.items() if gi in required]
            _accuracies(hits, actors, doc, tally)
    _article_checks(gold.get("article", {}), document.get("article", {}), tally)
    _coref(gold, doc, tally)
    _quotes(gold, doc, actors, tally)


def _accuracies(hits: list[tuple[Json, Json]], actors: Json, doc: Predicted, tally: Tally) -> None:
    dated = [(g, e) for g, e in hits if g.get("date")]
    tally.add("date", sum(_date_ok(g, e) for g, e in dated), len(dated))
    placed = [(g, e) for g, e in hits if g.get("location")]
    tally.add("location", sum(_location_ok(g, e) for g, e in placed), len(placed))
    repeated = [(g, e) for g, e in hits if g.get("min_mentions")]
    tally.add("mentions", sum((e.get("mentions") or 1) >= g["min_mentions"] for g, e in repeated),
              len(repeated))
    relayed = [(g, e) for g, e in hits if g.get("attribution")]
    tally.add("attribution", sum(name_matches(actors[g["attribution"]].get("name"),
                                              doc.actors.get(e.get("attribution") or "", {}).get("name"))
                                 for g, e in relayed), len(relayed))


def _article_checks(want: Json, got: Json, tally: Tally) -> None:
    for key in ("published", "agency", "dateline"):
        if key in want:
            good = _day(want[key]) == _day(got.get(key)) if key == "published" else \
                _norm(str(want[key])) == _norm(got.get(key))
            tally.add("article", int(good), 1)
    text = got.get("text") or ""
    for phrase in want.get("text_excludes", []):
        tally.add("article", int(phrase not in text), 1)
    for phrase in want.get("text_once", []):
        tally.add("article", int(text.count(phrase) == 1), 1)


def _coref(gold: Json, doc: Predicted, tally: Tally) -> None:
    spans = [(m["start"], m["end"], aid) for aid, a in doc.actors.items() for m in a.get("mentions", [])]
    for strings in gold.get("coref", {}).values():
        owners: set[str | None] = set()
        for string in strings:
            hits = list(re.finditer(re.escape(string), doc.text))
            if not hits:
                owners.add(None)
            for hit in hits:
                last = hit.start() + string.rfind(string.split()[-1])
                owners |= {aid for a, b, aid in spans if a <= last < b} or {None}
        tally.add("coref", int(len(owners) == 1 and None not in owners), 1)


def _quotes(gold: Json, doc: Predicted, actors: Json, tally: Tally) -> None:
    quotes = doc.doc.get("quotes", [])
    for quote in gold.get("quotes", []):
        want = " ".join(_norm(quote["starts_with"]))
        hits = [q for q in quotes if want in " ".join(_norm(q.get("text")))]
        good = any(name_matches(actors[quote["speaker"]].get("name"),
                                doc.actors.get(q.get("speaker") or "", {}).get("name")) for q in hits)
        tally.add("quotes", int(good), 1)


# ---------- many articles ----------

def load_gold(path: Path) -> list[Json]:
    """Gold annotations from one YAML file or a directory of them."""
    if not path.exists():
        raise UsageError(f"{path}: no such gold file or directory")
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    golds = []
    for file in files:
        try:
            gold = yaml.safe_load(file.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise UsageError(f"{file}: not valid YAML ({exc})") from exc
        if isinstance(gold, dict) and "article" in gold:
            gold["_path"] = str(file)
            golds.append(gold)
    if not golds:
        raise UsageError(f"{path}: no gold annotation (YAML with an 'article' block) found")
    return golds


def evaluate(golds: list[Json], predictions: Iterable[Json]) -> Json:
    """Scores of ``predictions`` (wirecoder/document/1 JSON) against ``golds``, paired by article id."""
    predicted = list(predictions)
    by_id = {p.get("article", {}).get("id"): p for p in predicted}
    if len(golds) == 1 and len(predicted) == 1:
        by_id = {golds[0]["article"]["id"]: predicted[0]}
    tally, missing = Tally(), []
    for gold in golds:
        document = by_id.get(gold["article"]["id"])
        if document is None:
            missing.append(gold["article"]["id"])
            document = {"article": {}, "actors": [], "events": [], "quotes": []}
        score_article(gold, document, tally)
    return summarise(tally, len(golds), missing)


def _prf(tp: int, fp: int, fn: int) -> Json:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "tp": tp, "fp": fp, "fn": fn}


def summarise(tally: Tally, articles: int, missing: list[str]) -> Json:
    counts = tally.counts
    out: Json = {"articles": articles, "missing": missing}
    for level in ("dyad", "actor"):
        out[level] = _prf(*(counts.get(f"{level}.{k}", [0, 0])[0] for k in ("tp", "fp", "fn")))
    for key in ("date", "location", "mentions", "attribution", "article", "coref", "quotes"):
        good, total = counts.get(key, [0, 0])
        out[key] = {"ok": good, "of": total, "rate": round(good / total, 3) if total else None}
    return out


def gold_inputs(golds: list[Json]) -> list[str]:
    """The article files the gold annotations name (``article.file``, relative to the YAML)."""
    paths = []
    for gold in golds:
        name = gold["article"].get("file")
        if not name:
            raise UsageError(f"{gold['_path']}: article.file is needed to --run")
        paths.append(str((Path(gold["_path"]).parent / name).resolve()))
    return paths
