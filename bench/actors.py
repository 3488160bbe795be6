"""Run the actor stage over a corpus and print how well people are placed.

    python bench/actors.py [PATH] [--every N]

Prints, per collection and overall: the share of person mentions whose actor gets a country, the
share that get a sector, and the number of actors per article.
PATH defaults to ../shared/corpora/news/news_articles.jsonl.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from wirecoder.ingest import read_articles
from wirecoder.pipeline import Coder
from wirecoder.records import Article, Document
from wirecoder.settings import Settings

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "news" / "news_articles.jsonl"


def collections(path: str) -> dict[str, str]:
    with open(path, encoding="utf-8") as stream:
        return {r["id"]: r.get("collection", "-") for r in map(json.loads, stream)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--every", type=int, default=1, help="take every Nth article (default: all)")
    args = parser.parse_args()
    owner = collections(args.path)
    articles = [a for i, a in enumerate(read_articles([args.path], 1_000_000))
                if isinstance(a, Article) and i % args.every == 0]
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    started = time.perf_counter()
    for document in Coder(Settings()).code(articles):
        if not isinstance(document, Document):
            continue
        for group in (owner.get(document.article.id, "-"), "all"):
            count = stats[group]
            count["articles"] += 1
            count["actors"] += len(document.actors)
            for actor in document.actors:
                if actor.kind != "person":
                    continue
                n = len(actor.mentions)
                count["person_mentions"] += n
                count["with_country"] += n * bool(actor.country)
                count["with_sector"] += n * bool(actor.sector)
    elapsed = time.perf_counter() - started
    print(f"{'collection':28} {'articles':>8} {'actors/art':>10} {'person mentions':>15} "
          f"{'country':>8} {'sector':>8}")
    for group, c in sorted(stats.items(), key=lambda kv: kv[0] == "all"):
        people = max(c["person_mentions"], 1)
        country, sector = c["with_country"] / people, c["with_sector"] / people
        print(f"{group:28} {c['articles']:>8} {c['actors'] / max(c['articles'], 1):>10.1f} "
              f"{c['person_mentions']:>15} {country:>8.1%} {sector:>8.1%}")
    print(f"time {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
