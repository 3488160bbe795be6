"""Code every record of a corpus and print how long it took, words/s and any failures.

    python bench/code_corpus.py [PATH] [--workers N] [--parse selected|all] [--limit N]

PATH defaults to ../shared/corpora/news/news_articles.jsonl (2,769 articles).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from wirecoder.pipeline import code_inputs
from wirecoder.records import Failure
from wirecoder.settings import Settings

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "news" / "news_articles.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--parse", choices=("selected", "all"), default="selected")
    args = parser.parse_args()
    settings = Settings(workers=args.workers, parse=args.parse)
    started = time.perf_counter()
    documents = words = events = 0
    failures: list[Failure] = []
    roots: Counter[str] = Counter()
    for result in code_inputs([args.path], settings):
        if isinstance(result, Failure):
            failures.append(result)
            continue
        documents += 1
        words += len(result.article.text.split())
        events += len(result.events)
        roots.update(e.root for e in result.events)
    elapsed = time.perf_counter() - started
    print(f"corpus      {args.path}")
    print(f"settings    workers={args.workers} parse={args.parse} model={settings.model}")
    print(f"articles    {documents} coded, {len(failures)} failed")
    print(f"words       {words:,}")
    print(f"time        {elapsed:.1f} s (model load included)")
    print(f"speed       {documents / elapsed:.1f} articles/s, {words / elapsed:,.0f} words/s")
    print(f"events      {events:,} ({events / max(documents, 1):.2f} per article)")
    print(f"roots       {dict(roots.most_common(8))}")
    for failure in failures[:20]:
        print(f"failed      {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
