"""One event per real event: an article's repeated reports of one event become one record.

Reports merge when they have the same source, target and root code and the same polarity; the
merged event keeps the most specific code, every evidence sentence, and ``mentions`` = the number
of sentences that report it. Dates are compared once the when-where stage sets them; until then
every event of an article carries its publication day.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from wirecoder.events.cameo import describe
from wirecoder.records import Actor, Article, Event, Evidence, Party


@dataclass(frozen=True, slots=True)
class Found:
    """One report of an event in one sentence, before merging."""

    code: str
    source: Actor
    target: Actor | None
    sentence: Span
    trigger: Token
    negated: bool
    hypothetical: bool
    attribution: Actor | None
    rule: str


def party(actor: Actor) -> Party:
    return Party(actor=actor.id, name=actor.name, country=actor.country, sector=actor.sector, code=actor.code)


def _key(found: Found) -> tuple[str, str, str, bool]:
    """Reports of one event: same source, target (or none), root and polarity."""
    return found.source.id, found.target.id if found.target else "", found.code[:2], found.negated


def merge(found: list[Found], article: Article) -> list[Event]:
    groups: dict[tuple[str, str, str, bool], list[Found]] = {}
    for item in found:
        groups.setdefault(_key(item), []).append(item)
    day = article.published[:10] if article.published else None
    events = []
    for number, reports in enumerate(groups.values(), start=1):
        first = reports[0]
        code = max(reports, key=lambda r: len(r.code)).code  # the most specific; the first of equals
        info = describe(code)
        evidence: list[Evidence] = []
        for report in reports:
            sentence = report.sentence
            if all(e.start != sentence.start_char for e in evidence):
                evidence.append(Evidence(sentence.start_char, sentence.end_char, sentence.text,
                                         report.trigger.text, report.rule))
        attribution = next((r.attribution for r in reports if r.attribution is not None), None)
        events.append(Event(
            id=f"E{number}", code=code, source=party(first.source),
            target=party(first.target) if first.target else None,
            evidence=tuple(evidence), label=info.label, goldstein=info.goldstein, quad_class=info.quad_class,
            plover=info.plover, date=day, date_basis="publication" if day else None,
            negated=first.negated, hypothetical=all(r.hypothetical for r in reports),
            attribution=attribution.id if attribution else None, mentions=len(evidence)))
    return events
