"""CAMEO root-code accuracy of wirecoder on two external gold sets, one sentence per article.

    python bench/root_accuracy.py [--set plover|conflibert|conflibert_all|all] [--limit N] [--show-errors K]
                                  [--gold-only]

plover:     ../shared/corpora/plover/plover_gsr_flat.jsonl, 322 CAMEO-manual sentences with an old-PLOVER
            (v0.5b1) event type, mapped to the CAMEO roots it covers (ROOTS_BY_HAND + cameo2plover_2021.tsv).
conflibert: ../shared/corpora/cameo_conflibert_annotations/round*_summary*.csv, news sentences coded by
            4-5 coders per round (300 texts, 200 once whitespace is normalised, 144 with a CAMEO label);
            gold = the root(s) given by the most coder annotations, pooled over rounds (ties all count).
conflibert_all: the same 200 texts, each coder's finished "not relevant" annotation without a CAMEO
            label counted as a vote for no event (NO_EVENT); where that vote wins, coding nothing is right.
Prediction: the root of the event with the most mentions (ties: earliest evidence, then the coder's
order, which lists a sentence's main-clause events first); a sentence without events is wrong. Figures
are not a gate; the gold sets are small and, for conflibert, not adjudicated.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wirecoder.errors import InputError
from wirecoder.ingest import article_from_text
from wirecoder.pipeline import Coder
from wirecoder.records import Article, Document, Failure
from wirecoder.settings import Settings

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"

# Old PLOVER types whose root is not (or no longer) given by cameo2plover_2021.tsv's header rows.
ROOTS_BY_HAND: dict[str, frozenset[str]] = {
    # CAMEO 09 INVESTIGATE; PLOVER 2021 folded it into ACCUSE (mode investigate, rows 090-094).
    "INVESTIGATE": frozenset({"09"}),
    # CAMEO 10 DEMAND; PLOVER 2021 REQUEST ("all requests, demands, and orders") took over root 10.
    "DEMAND": frozenset({"10"}),
    # CAMEO 11 DISAPPROVE (criticize, accuse, complain, sue); PLOVER 2021 ACCUSE, mode disapprove/allege.
    "DISAPPROVE": frozenset({"11"}),
    # CAMEO 19 FIGHT ("use conventional military force", incl. 191 blockade, as in the GSR's "closed
    # borders"); 20 because the GSR also files ethnic cleansing (CAMEO 203) under FIGHT.
    "FIGHT": frozenset({"19", "20"}),
    # Old ASSAULT = CAMEO 18 ASSAULT (bombings, torture, assassination) and 20 unconventional mass
    # violence; the 2021 ASSAULT also covers 19 because it absorbed FIGHT, so the header rows overstate it.
    "ASSAULT": frozenset({"18", "20"}),
}


NO_EVENT = "none"  # the root of a sentence without events, and the gold of one the coders judged irrelevant


@dataclass(frozen=True, slots=True)
class GoldItem:
    id: str
    text: str
    label: str  # the PLOVER type, or the majority root(s) joined by "/"
    roots: frozenset[str]  # acceptable CAMEO roots
    coders: tuple[frozenset[str], ...] = ()  # conflibert: each coder annotation's roots


@dataclass(frozen=True, slots=True)
class Prediction:
    code: str | None  # code of the main event (most mentions, earliest evidence)
    codes: tuple[str, ...]  # every event's code, in order

    @property
    def root(self) -> str:
        return self.code[:2] if self.code else NO_EVENT


def plover_roots(tsv: Path) -> dict[str, frozenset[str]]:
    """PLOVER type -> CAMEO roots from the 2021 table's root-level (header) rows, then ROOTS_BY_HAND."""
    roots: dict[str, set[str]] = {}
    with tsv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["row_type"] == "header":
                roots.setdefault(row["plover_event"], set()).add(row["cameo_code"])
    return {event: frozenset(codes) for event, codes in roots.items()} | ROOTS_BY_HAND


def load_plover(corpora: Path) -> list[GoldItem]:
    mapping = plover_roots(corpora / "cameo" / "cameo2plover_2021.tsv")
    lines = (corpora / "plover" / "plover_gsr_flat.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return [GoldItem(r["id"], r["text"], r["event"], mapping[r["event"]]) for r in records]


def round_number(path: Path) -> int:
    return int(re.search(r"round(\d+)", path.name).group(1))  # type: ignore[union-attr]


def coder_roots(row: dict[str, str], relevance: bool = False) -> Iterable[frozenset[str]]:
    """The set of CAMEO roots each coder of one row gave ("3-11 Disapprove" -> "11"); with `relevance`,
    also {NO_EVENT} for each coder who finished the row, judged it not relevant and coded nothing."""
    by_coder: dict[str, set[str]] = {}
    for column, value in row.items():
        column_match = re.fullmatch(r"Action\d+_CAMEO_(\d+)", column or "")
        value_match = re.match(r"\d-(\d{1,2})\b", (value or "").strip())
        if column_match and value_match:
            by_coder.setdefault(column_match.group(1), set()).add(value_match.group(1).zfill(2))
    if relevance:
        for column, value in row.items():
            coder = m.group(1) if (m := re.fullmatch(r"anncomplete_(\d+)", column or "")) else None
            if coder and coder not in by_coder and value.lower() == "true" \
                    and (row.get(f"1_Relevant_{coder}") or "").lower() == "false":
                by_coder[coder] = {NO_EVENT}
    return map(frozenset, by_coder.values())


def load_conflibert(corpora: Path, relevance: bool = False) -> list[GoldItem]:
    coders: dict[str, list[frozenset[str]]] = {}  # normalised text -> each coder annotation's roots
    files = sorted((corpora / "cameo_conflibert_annotations").glob("round*_summary*.csv"), key=round_number)
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                coders.setdefault(" ".join(row["sentences"].split()), []).extend(coder_roots(row, relevance))
    items = []
    for number, (text, votes) in enumerate(coders.items()):
        gold = majority(votes)
        if gold:
            label = "/".join(sorted(gold))
            items.append(GoldItem(f"conflibert-{number:03d}", text, label, gold, tuple(votes)))
    return items


def load_conflibert_all(corpora: Path) -> list[GoldItem]:
    return load_conflibert(corpora, relevance=True)


def majority(annotations: Iterable[frozenset[str]]) -> frozenset[str]:
    """The root(s) given by the most annotations (ties all count); empty when there are none."""
    counter = Counter(root for roots in annotations for root in roots)
    top = max(counter.values(), default=0)
    return frozenset(root for root, n in counter.items() if n == top and top)


def coder_agreement(items: list[GoldItem]) -> tuple[int, int]:
    """How often one human annotation hits the majority root of the item's other annotations
    (leave-one-out): the level a coder reaches against the same kind of gold."""
    hits = total = 0
    for item in items:
        for i, mine in enumerate(item.coders):
            others = majority(item.coders[:i] + item.coders[i + 1:])
            if others:
                total += 1
                hits += bool(mine & others)
    return hits, total


def predict(items: list[GoldItem], coder: Coder) -> list[Prediction]:
    articles: list[Article | Failure] = []
    for item in items:
        try:
            articles.append(article_from_text(item.text, id=item.id))
        except InputError as exc:
            articles.append(Failure(item.id, str(exc), article_id=item.id))
    return [to_prediction(result) for result in coder.code(articles)]


def to_prediction(result: Document | Failure) -> Prediction:
    if isinstance(result, Failure) or not result.events:
        return Prediction(None, ())
    main = min(result.events, key=lambda e: (-e.mentions, min((ev.start for ev in e.evidence), default=0)))
    return Prediction(main.code, tuple(e.code for e in result.events))


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.1%}" if whole else "0/0"


def group(item: GoldItem) -> str:
    """The breakdown row of an item: its type or root; conflibert ties share one row."""
    return "tied" if "/" in item.label else item.label


def report(name: str, items: list[GoldItem], preds: list[Prediction], show_errors: int) -> None:
    pairs = list(zip(items, preds, strict=True))
    right = [p.root in g.roots for g, p in pairs]
    covered = [ok for (_, p), ok in zip(pairs, right, strict=True) if p.code]
    any_ok = sum(p.root in g.roots or any(c[:2] in g.roots for c in p.codes) for g, p in pairs)
    print(f"\n== {name}: n={len(items)}")
    print(f"coverage           {share(len(covered), len(items))}")
    print(f"accuracy (all)     {share(sum(right), len(items))}")
    print(f"accuracy (covered) {share(sum(covered), len(covered))}")
    print(f"any-event accuracy {share(any_ok, len(items))}")
    if any(item.coders for item in items):
        print(f"human coders, leave-one-out vs the others' majority: {share(*coder_agreement(items))}")
    print(f"\n{'gold':<14}{'roots':<10}{'n':>5}{'cov':>7}{'acc':>7}")
    for label, n in sorted(Counter(map(group, items)).items(), key=lambda kv: (-kv[1], kv[0])):
        rows = [(g, p, ok) for (g, p), ok in zip(pairs, right, strict=True) if group(g) == label]
        cov = sum(bool(p.code) for _, p, _ in rows) / n
        roots = ",".join(sorted(rows[0][0].roots)) if label != "tied" else "several"
        print(f"{label:<14}{roots:<10}{n:>5}{cov:>7.0%}{sum(ok for *_, ok in rows) / n:>7.0%}")
    errors = [(g, p) for (g, p), ok in zip(pairs, right, strict=True) if not ok]
    print("\nmost common confusions (gold -> predicted root):")
    for (label, got), n in Counter((g.label, p.root) for g, p in errors).most_common(10):
        print(f"  {label:<14} -> {got:<5} {n}")
    for gold, pred in errors[:show_errors]:
        print(f"\n  [{gold.id}] gold {gold.label} ({','.join(sorted(gold.roots))}) "
              f"predicted {pred.code or 'none'} all {list(pred.codes)}\n  {gold.text[:200]}")


def print_gold(name: str, items: list[GoldItem]) -> None:
    roots = Counter(root for item in items for root in item.roots)
    labels = Counter(item.label for item in items)
    print(f"\n== {name}: n={len(items)}, gold with >1 root: {sum(len(i.roots) > 1 for i in items)}")
    print(f"labels: {dict(labels.most_common())}")
    print(f"acceptable roots: {dict(sorted(roots.items()))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("plover", "conflibert", "conflibert_all", "all"), default="all")
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each set")
    parser.add_argument("--show-errors", type=int, default=0, metavar="K", help="print K wrong sentences")
    parser.add_argument("--gold-only", action="store_true", help="print the gold sets, do not code")
    args = parser.parse_args()
    loaders = {"plover": load_plover, "conflibert": load_conflibert, "conflibert_all": load_conflibert_all}
    names = list(loaders) if args.set == "all" else [args.set]
    coder = None if args.gold_only else Coder(Settings())
    for name in names:
        items = loaders[name](CORPORA)[: args.limit]
        if coder is None:
            print_gold(name, items)
        else:
            report(name, items, predict(items, coder), args.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
