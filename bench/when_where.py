"""Date and place accuracy of wirecoder's events on event sentences labelled by hand.

    python bench/when_where.py [--gold bench/data/when_where_gold.jsonl] [--show-errors K]
    python bench/when_where.py --sample OUT.jsonl [--every N]   # draw sentences to label

The gold file holds one labelled event per line, drawn from the dated records (Wikinews,
The Guardian) of ../shared/corpora/news: the article id, the sentence, the event's trigger word,
the days it may have happened on (``dates``: days or "FIRST..LAST" ranges the text allows) and
where (``place``: ``country`` ISO3 and optional ``name``, or null when the text before and in the
sentence does not say; the dateline does not count). Labels were written from the article text
alone, without looking at wirecoder's output; see bench/data/README.md.

Scoring: the article is coded; the event is the coded event with that trigger in that sentence
(else any event of the sentence). Date: right if the event's date is in ``dates``. Place:
right if both have none, or the countries agree and, when the gold names a place, the names do
(case and accents aside, either containing the other). Sentences where no event is coded count
as wrong for both and are also reported apart.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirecoder.ingest import read_articles
from wirecoder.pipeline import Coder
from wirecoder.records import Document, Event, Failure
from wirecoder.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "news" / "news_articles.jsonl"
GOLD = ROOT / "bench" / "data" / "when_where_gold.jsonl"


@dataclass(frozen=True, slots=True)
class Outcome:
    item: dict[str, Any]
    event: Event | None
    date_ok: bool
    place_ok: bool


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def event_for(document: Document, item: dict[str, Any]) -> Event | None:
    """The coded event of the labelled sentence: the one with that trigger, else any of it."""
    start = document.article.text.find(item["sentence"])
    if start < 0:
        return None
    end = start + len(item["sentence"])
    inside = [e for e in document.events if any(start <= ev.start < end for ev in e.evidence)]
    by_trigger = [e for e in inside if any(ev.trigger == item["trigger"] and start <= ev.start < end
                                           for ev in e.evidence)]
    return (by_trigger or inside or [None])[0]


def date_right(got: str | None, dates: list[str]) -> bool:
    """Is ``got`` one of the gold days or inside one of its "FIRST..LAST" ranges."""
    for accepted in dates:
        first, _, last = accepted.partition("..")
        if got is not None and first <= got <= (last or first):
            return True
    return False


def place_right(event: Event, gold: dict[str, Any] | None) -> bool:
    got = event.location
    if gold is None or got is None:
        return gold is None and got is None
    if gold.get("country") != got.country:
        return False
    name = gold.get("name")
    return not name or fold(name) in fold(got.name) or fold(got.name) in fold(name)


def score(items: list[dict[str, Any]], coder: Coder) -> list[Outcome]:
    wanted = {item["article"] for item in items}
    documents: dict[str, Document] = {}
    articles = (a for a in read_articles([str(CORPUS)], 1_000_000)
                if not isinstance(a, Failure) and a.id in wanted)
    for result in coder.code(articles):
        if isinstance(result, Document):
            documents[result.article.id] = result
    outcomes = []
    for item in items:
        document = documents.get(item["article"])
        event = event_for(document, item) if document else None
        date_ok = event is not None and date_right(event.date, item["dates"])
        place_ok = event is not None and place_right(event, item["place"])
        outcomes.append(Outcome(item, event, date_ok, place_ok))
    return outcomes


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.1%}" if whole else "0/0"


def report(outcomes: list[Outcome], show_errors: int) -> None:
    coded = [o for o in outcomes if o.event is not None]
    print(f"labelled event sentences: {len(outcomes)}; with an event coded: "
          f"{share(len(coded), len(outcomes))}")
    print(f"date accuracy            {share(sum(o.date_ok for o in outcomes), len(outcomes))}"
          f"   (where coded: {share(sum(o.date_ok for o in coded), len(coded))})")
    bases = Counter((o.event.date_basis, o.date_ok) for o in coded if o.event is not None)
    for basis in ("explicit", "relative", "publication"):
        right, total = bases[(basis, True)], bases[(basis, True)] + bases[(basis, False)]
        print(f"  basis {basis:<12} {share(right, total)}")
    print(f"place accuracy           {share(sum(o.place_ok for o in outcomes), len(outcomes))}"
          f"   (where coded: {share(sum(o.place_ok for o in coded), len(coded))})")
    placed = [o for o in coded if o.item["place"] is not None]
    unplaced = [o for o in coded if o.item["place"] is None]
    print(f"  gold names a place     {share(sum(o.place_ok for o in placed), len(placed))}")
    print(f"  gold has no place      {share(sum(o.place_ok for o in unplaced), len(unplaced))} "
          "(right = no place given)")
    wrong = [o for o in outcomes if not (o.date_ok and o.place_ok)]
    for outcome in wrong[:show_errors]:
        event, item = outcome.event, outcome.item
        where = event.location if event else None
        place = f"{where.name}/{where.country} ({where.level}: {where.span.text if where.span else ''})" \
            if where else None
        when = f"{event.date} ({event.date_basis}: {event.date_span.text if event.date_span else ''})" \
            if event else ""
        got = f"{when} {place}" if event else "no event"
        print(f"\n[{item['id']}] {item['published']} trigger={item['trigger']!r} gold dates={item['dates']} "
              f"place={item['place']}\n  got {got}\n  {item['sentence'][:220]}")


def sample(out: Path, every: int, coder: Coder) -> None:
    """Draw one coded event sentence from every N-th dated article, with its paragraph, to label."""
    articles = [a for a in read_articles([str(CORPUS)], 1_000_000)
                if not isinstance(a, Failure) and a.published][::every]
    chooser = random.Random(7)
    with out.open("w", encoding="utf-8") as handle:
        for document in coder.code(articles):
            if not isinstance(document, Document) or not document.events:
                continue
            event = chooser.choice(document.events)
            evidence = event.evidence[0]
            text = document.article.text
            window = text[max(0, evidence.start - 700):evidence.start]
            context = window[window.find(". ") + 2:] if len(window) == 700 and ". " in window else window
            record = {"id": f"ww-{document.article.id}", "article": document.article.id,
                      "published": document.article.published, "dateline": document.article.dateline,
                      "title": document.article.title, "context_before": context.strip(),
                      "sentence": evidence.sentence.strip(), "trigger": evidence.trigger}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--show-errors", type=int, default=0, metavar="K")
    parser.add_argument("--sample", type=Path, default=None, metavar="OUT")
    parser.add_argument("--every", type=int, default=4)
    args = parser.parse_args()
    coder = Coder(Settings())
    if args.sample is not None:
        sample(args.sample, args.every, coder)
        return 0
    items = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    report(score(items, coder), args.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
