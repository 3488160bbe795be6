"""Throughput of the whole pipeline against bare spaCy on the same texts, in the same run.

    python bench/throughput.py [--every N] [--workers N]

Codes a fixed slice of ../shared/corpora/news/news_articles.jsonl (every N-th record, default 10:
277 articles) and prints articles/s, words/s and peak memory for (1) bare spaCy, ``nlp.pipe``
over the cleaned article texts with the same model and all its components, and (2) wirecoder's
pipeline (NLP, actors, events, dates and places) over the same articles, then the ratio of the
two words/s. Models and gazetteers are loaded (and warmed on one article) before timing; words are
whitespace-separated tokens of the cleaned texts, counted the same way for both.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import spacy

from wirecoder.ingest import read_articles
from wirecoder.pipeline import Coder, code_parallel
from wirecoder.records import Article, Document
from wirecoder.settings import Settings

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "news" / "news_articles.jsonl"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_spacy(texts: list[str], model: str, batch_size: int) -> float:
    nlp = spacy.load(model)
    list(nlp.pipe(texts[:1]))
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def wirecoder(articles: list[Article], settings: Settings) -> tuple[float, int]:
    coder = Coder(settings)
    list(coder.code(articles[:1]))  # loads the model, dictionaries and gazetteer
    started = time.perf_counter()
    results = code_parallel(articles, settings) if settings.workers > 1 else coder.code(articles)
    events = sum(len(r.events) for r in results if isinstance(r, Document))
    return time.perf_counter() - started, events


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--every", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    settings = Settings(workers=args.workers)
    articles = [a for a in read_articles([str(CORPUS)], settings.max_chars) if isinstance(a, Article)][
        :: args.every
    ]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"slice: every {args.every}th record of {CORPUS.name}: {len(articles)} articles, {words:,} words")
    spacy_seconds = bare_spacy(texts, settings.model, settings.batch_size)
    print(
        f"bare spaCy nlp.pipe ({settings.model}): {spacy_seconds:.1f} s, {len(texts) / spacy_seconds:.2f} "
        f"articles/s, {words / spacy_seconds:,.0f} words/s, peak memory so far {peak_mb():,.0f} MB"
    )
    ours, events = wirecoder(articles, settings)
    print(
        f"wirecoder ({args.workers} worker{'s' if args.workers > 1 else ''}): {ours:.1f} s, "
        f"{len(articles) / ours:.2f} articles/s, {words / ours:,.0f} words/s, {events:,} events, "
        f"peak memory {peak_mb():,.0f} MB"
    )
    print(f"ratio wirecoder / bare spaCy (words/s): {spacy_seconds / ours:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
