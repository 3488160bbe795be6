"""When and where each reported event happened.

Times are the doc's DATE and TIME entities that :func:`~wirecoder.when_where.dates.resolve` reads
as a point in time; places are its GPE, LOC and FAC entities that the gazetteer knows, *in a
locative position*: after in / at / near / ... ("talks in Islamabad"), a destination after to /
into or the object of a motion verb ("a visit to Nepal", "visited Nepal") for the motion event
only, a point of departure for a withdrawal ("withdraw troops from Syria"), or a modifier of the
event noun ("the Islamabad talks"). A place named as a party ("Pakistan
supports China") is not where anything happened. :mod:`.anchors` picks each event's time and
place (its own, the sentence's, the paragraph's). An event with no time takes the publication day
(basis ``publication``); an event with no place has none, unless the dateline is asked for.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from wirecoder.events.merge import Found
from wirecoder.nlp import parsed_sentences
from wirecoder.records import Actor, Article, Location, When
from wirecoder.records import Span as TextSpan
from wirecoder.when_where.anchors import Anchor, Anchors, governor
from wirecoder.when_where.dates import iso_day, resolve
from wirecoder.when_where.gazetteer import Place, PlaceGazetteer, load_places

TIME_LABELS = frozenset({"DATE", "TIME"})
NOUN_MODIFIERS = frozenset({"poss", "compound", "amod", "nmod", "nummod"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within",
                      "off", "along", "nearby"})
DESTINATION = frozenset({"to", "into", "toward", "towards"})
# Events whose destination is where they happen: visits, trips, deployments, returns.
MOTION = frozenset({"visit", "trip", "tour", "travel", "arrive", "arrival", "fly", "journey", "go", "come",
                    "return", "head", "deploy", "deployment", "send", "move", "march", "land", "enter",
                    "invade", "invasion", "incursion", "flee", "evacuate", "withdraw"})
# Events that happen where they leave from: "withdraw troops from Syria".
DEPARTURE = frozenset({"withdraw", "withdrawal", "pull", "pullout", "evacuate", "evacuation", "flee",
                       "retreat", "expel", "expulsion", "deport", "deportation", "exit"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_HEADS = frozenset({"plan", "set", "due", "schedule", "expect", "prepare", "intend", "agree", "go"})


@dataclass(frozen=True, slots=True)
class _Time:
    text: str
    span: TextSpan
    adverbial: bool  # says when something happened ("on Monday"), not which thing ("last year's heat")


@dataclass(frozen=True, slots=True)
class _Place:
    place: Place
    relation: str  # in | to | from | object | modifier
    span: TextSpan


class Situator:
    """Dates and places for the event reports of one doc at a time."""

    def __init__(self, dateline_places: bool = False) -> None:
        self.dateline_places = dateline_places

    @property
    def gazetteer(self) -> PlaceGazetteer:
        return load_places()

    def situate(self, doc: Doc, found: list[Found], article: Article, actors: list[Actor]) -> list[Found]:
        if not found:
            return found
        published = iso_day(article.published)
        triggers = {f.trigger.i for f in found}
        parsed = {s.start for s in parsed_sentences(doc)}
        times = Anchors(doc, _time_anchors(doc, published, triggers, parsed),
                        carry_ok=lambda a: a.value.adverbial)
        places = Anchors(doc, self._place_anchors(doc, actors, triggers, parsed),
                         carry_ok=lambda a: a.value.relation == "in")
        dateline = self._dateline(article, actors)
        return [replace(f, when=_when(f, times, published), where=_where(f, places) or dateline)
                for f in found]

    # ---------- places ----------

    def _place_anchors(self, doc: Doc, actors: list[Actor], triggers: set[int],
                       parsed: set[int]) -> list[Anchor[_Place]]:
        candidates = [(ent, relation) for ent in doc.ents if ent.label_ in PLACE_LABELS
                      if (relation := _relation(ent, triggers, ent.sent.start in parsed)) is not None]
        if not candidates:
            return []
        gazetteer = self.gazetteer
        plain = [found[0] for ent, _ in candidates if len(found := gazetteer.candidates(ent.text)) == 1]
        context = _context(actors, plain)
        anchors = []
        for ent, relation in candidates:
            place = gazetteer.geocode(ent.text, context)
            if place is None:
                continue
            hangs = _place_governor(ent.root, triggers) if ent.sent.start in parsed else None
            if ent.sent.start not in parsed or hangs is not None:
                value = _Place(place, relation, TextSpan(ent.start_char, ent.end_char, ent.text))
                anchors.append(Anchor(ent.start_char, ent.end_char, ent.sent.start, hangs, value))
        return anchors

    def _dateline(self, article: Article, actors: list[Actor]) -> Location | None:
        if not self.dateline_places or not article.dateline:
            return None
        place = self.gazetteer.geocode(article.dateline.split(",")[0], _context(actors, []))
        return _location(place, "dateline", None) if place else None


def _relation(ent: Span, triggers: set[int], parsed: bool) -> str | None:
    """How a place name stands to what happens: a location, a destination, a motion verb's object,
    a modifier of an event noun; None when it names a party or nothing that happened there."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ == "the" and ent.start > 1:
        before = ent.doc[ent.start - 2]
    if before is not None and before.lower_ in LOCATIVE:
        return "in"
    if before is not None and before.lower_ in DESTINATION:
        return "in" if parsed and _during_a_visit(ent.root) else "to"
    if before is not None and before.lower_ == "from":
        return "from"
    if not parsed:
        return None
    root = ent.root
    if root.dep_ in ("compound", "nmod", "amod") and root.head.i in triggers:
        return "modifier"
    if root.dep_ == "dobj" and root.head.lemma_.lower() in MOTION:
        return "object"
    preposition = _preposition_above(root)
    if preposition is not None and preposition.lower_ in LOCATIVE:
        return "in"  # "in the Turkish resort of Antalya", "in Iraq and Syria"
    return None


def _place_governor(token: Token, triggers: set[int]) -> int | None:
    """The verb or event a place name is the place of, or None when it places a thing instead
    ("funding for the crises in Somalia"). The walk up goes through names ("talks with Bajwa in
    Islamabad"), "of" ("the resort of Antalya"), trips ("on a visit to Mogadishu") and a verb's
    object ("attended a summit in Rome"), and stops at any other noun."""
    current = token
    while current.head.i != current.i:
        previous, current = current, current.head
        if current.pos_ in ("VERB", "AUX") or current.i in triggers:
            return current.i
        if current.pos_ == "NOUN" and previous.lower_ != "of" and current.lemma_.lower() not in MOTION \
                and current.dep_ != "dobj":
            return None
    return None


def _during_a_visit(token: Token) -> bool:
    """"Bolton said, during a visit to Jerusalem, ...": the destination is where he said it."""
    to = token.head
    trip = to.head
    return (token.dep_ == "pobj" and to.dep_ == "prep" and trip.lemma_.lower() in MOTION
            and trip.dep_ == "pobj" and trip.head.lower_ in ("during", "on"))


def _preposition_above(token: Token) -> Token | None:
    """The preposition of the phrase a name sits in: "in" for "the resort of Antalya" or for
    "Syria" in "in Iraq and Syria"."""
    current = token
    for _ in range(4):
        if current.dep_ not in ("pobj", "conj", "appos", "compound") or current.head.i == current.i:
            return None
        current = current.head
        if current.dep_ == "prep" and current.lower_ == "of":
            current = current.head  # the "resort" of "the resort of Antalya"
        elif current.dep_ == "prep":
            return current
    return None


def _context(actors: list[Actor], places: list[Place]) -> dict[str, int]:
    """The countries an article is about: its actors' countries and those of the places whose name
    means one place only."""
    counts = Counter(a.country for a in actors if a.country)
    counts.update(p.country for p in places if p.feature == "country" and p.country)
    return dict(counts)


def _where(report: Found, places: Anchors[_Place]) -> Location | None:
    lemma = report.trigger.lemma_.lower()
    motion = lemma in MOTION or report.code[:3] in ("042", "043", "044")

    def own_ok(anchor: Anchor[_Place], trigger: Token) -> bool:
        relation = anchor.value.relation
        return relation in ("in", "modifier") or (relation == "from" and lemma in DEPARTURE) \
            or (relation in ("to", "object") and motion)

    found = places.find(report.trigger, own_ok)
    if found is None:
        return None
    anchor, level = found
    return _location(anchor.value.place, level, anchor.value.span)


def _location(place: Place, level: str, span: TextSpan | None) -> Location:
    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                    geonameid=place.geonameid, feature=place.feature, level=level,  # type: ignore[arg-type]
                    span=span)


# ---------- times ----------

def _time_expressions(doc: Doc) -> list[Span]:
    """The doc's time entities, with neighbours the recogniser split joined: "Wednesday, 25
    November" is one expression (and an explicit date), not a weekday and a date."""
    found: list[Span] = []
    text = doc.text
    for ent in doc.ents:
        if ent.label_ not in TIME_LABELS:
            continue
        between = text[found[-1].end_char:ent.start_char] if found else ""
        if found and ent.start - found[-1].end <= 1 and between in (" ", ", "):
            found[-1] = doc[found[-1].start:ent.end]
        else:
            found.append(ent)
    return found


def _time_anchors(doc: Doc, published: date | None, triggers: set[int],
                  parsed: set[int]) -> list[Anchor[_Time]]:
    anchors = []
    for ent in _time_expressions(doc):
        if resolve(ent.text, published) is not None:
            hangs = governor(ent.root, triggers).i if ent.sent.start in parsed else None
            adverbial = ent.root.dep_ not in NOUN_MODIFIERS
            value = _Time(ent.text, TextSpan(ent.start_char, ent.end_char, ent.text), adverbial)
            anchors.append(Anchor(ent.start_char, ent.end_char, ent.sent.start, hangs, value))
    return anchors


def _when(report: Found, times: Anchors[_Time], published: date | None) -> When | None:
    """The event's day from its time expression; the publication day when the text gives none, or
    when the day it gives is still to come: what has happened by then is the announcement ("will
    travel to Paris on Tuesday" is an intention stated on the day of the report)."""
    found = times.find(report.trigger)
    if found is not None:
        anchor = found[0]
        resolved = resolve(anchor.value.text, published, future=_future(report.trigger))
        if resolved is not None and (published is None or resolved.day <= published):
            return When(resolved.day.isoformat(), resolved.basis, resolved.precision, anchor.value.span)
    return When(published.isoformat(), "publication") if published else None


def _future(trigger: Token) -> bool:
    """Is the event told as yet to come: "will meet", "is to visit", "plans to sign", "will
    travel to Paris for talks" (for the talks)."""
    previous = trigger
    for token in (trigger, *trigger.ancestors):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
            return True
        if previous.dep_ == "xcomp" and token.lemma_.lower() in FUTURE_HEADS:
            return True
        if token.pos_ in ("VERB", "AUX") and token is not trigger:
            return False  # the first verb above the trigger decides
        previous = token
    return False

