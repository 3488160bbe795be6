"""One event per real event: an article's repeated reports of one event become one record.

Reports merge when they have the same source, target and root code, the same polarity and
compatible days: a report whose day comes from the text (explicit or relative) joins only reports
of that day or of no day of their own (publication basis). A report whose target is an unnamed
group of one country ("Pakistani leaders") joins an earlier event with a named target of that
country: it sums those up; one with no target joins an event of its sentence that has one ("summoned
the ambassador to protest"). The merged event keeps the most specific code, every evidence
sentence, ``mentions`` = the number of sentences that report it, the first day the text gives and
the first place (its own before a carried one).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from wirecoder.events.cameo import describe
from wirecoder.records import Actor, Article, Event, Evidence, Location, Party, When


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
    when: When | None = None  # set by the when_where stage
    where: Location | None = None


def party(actor: Actor) -> Party:
    return Party(actor=actor.id, name=actor.name, country=actor.country, sector=actor.sector, code=actor.code)


def _key(found: Found) -> tuple[str, str, str, bool]:
    """Reports of one event: same source, target (or none), root and polarity."""
    return found.source.id, found.target.id if found.target else "", found.code[:2], found.negated


def _dated(found: Found) -> str | None:
    """The day a report's own text gives, None when it only has the publication day."""
    return found.when.date if found.when is not None and found.when.basis != "publication" else None


def _recapped(item: Found, ordered: list[list[Found]]) -> list[list[Found]]:
    """Earlier events that a report with an unnamed group of one country as target sums up: "in his
    meetings with Pakistani leaders" after meetings with Pakistan's president and prime minister."""
    target = item.target
    if target is None or target.kind != "group" or target.country is None:
        return []
    return [g for g in ordered if g[0].target is not None and g[0].target.kind != "group"
            and g[0].target.country == target.country and g[0].source.id == item.source.id
            and g[0].code[:2] == item.code[:2] and g[0].negated == item.negated]


def _untargeted(item: Found, ordered: list[list[Found]]) -> list[list[Found]]:
    """Events of its sentence that a report with no target restates, by the same code or a root's
    "not specified" one: "Turkey summoned the German ambassador to protest against the remarks"
    is one complaint, to the ambassador; "declared a state of siege ..., arresting political
    opponents" are two acts."""
    if item.target is not None:
        return []
    return [g for g in ordered if g[0].target is not None and g[0].source.id == item.source.id
            and g[0].code[:2] == item.code[:2] and g[0].negated == item.negated
            and any(r.sentence == item.sentence for r in g)
            and (g[0].code == item.code or _unspecified(g[0].code) or _unspecified(item.code))]


def _unspecified(code: str) -> bool:
    """A root's "not specified below" code: 010, 130, 190."""
    return len(code) == 3 and code.endswith("0")


def _group(found: list[Found]) -> list[list[Found]]:
    """Reports of one real event, in the order of their first report."""
    groups: dict[tuple[str, str, str, bool], list[list[Found]]] = {}
    ordered: list[list[Found]] = []
    for item in found:
        same = groups.setdefault(_key(item), [])
        day = _dated(item)
        home = next((g for g in same or _recapped(item, ordered) or _untargeted(item, ordered)
                     if day is None or all(_dated(r) in (None, day) for r in g)), None)
        if home is None:
            home = []
            same.append(home)
            ordered.append(home)
        home.append(item)
    return ordered


def merge(found: list[Found], article: Article) -> list[Event]:
    day = article.published[:10] if article.published else None
    events = []
    for number, reports in enumerate(_group(found), start=1):
        first = reports[0]
        # the most specific: the longest, then not a root's "not specified below" (130 < 132)
        code = max(reports, key=lambda r: (len(r.code), not _unspecified(r.code))).code
        info = describe(code)
        evidence: list[Evidence] = []
        for report in reports:
            sentence = report.sentence
            if all(e.start != sentence.start_char for e in evidence):
                evidence.append(Evidence(sentence.start_char, sentence.end_char, sentence.text,
                                         report.trigger.text, report.rule))
        attribution = next((r.attribution for r in reports if r.attribution is not None), None)
        when = next((r.when for r in reports if _dated(r) is not None), None) or reports[0].when \
            or (When(day, "publication") if day else None)
        places = [r.where for r in reports if r.where is not None]
        where = next((p for p in places if p.level == "own"), places[0] if places else None)
        events.append(Event(
            id=f"E{number}", code=code, source=party(first.source),
            target=party(first.target) if first.target else None,
            evidence=tuple(evidence), label=info.label, goldstein=info.goldstein, quad_class=info.quad_class,
            plover=info.plover, date=when.date if when else None, date_basis=when.basis if when else None,
            date_precision=when.precision if when else None, date_span=when.span if when else None,
            location=where,
            negated=first.negated, hypothetical=all(r.hypothetical for r in reports),
            attribution=attribution.id if attribution else None, mentions=len(evidence)))
    return events
