"""Typed records: the contract between the stages.

Every stage takes and returns these frozen dataclasses; no stage passes nested dicts.
Character offsets (``start``/``end``) always point into ``Article.text``, the cleaned body.
The JSON of ``wirecoder/document/1`` is made from these records in :mod:`wirecoder.output`.

    RawRecord ──ingest──▶ Article ──nlp──▶ spaCy Doc ──actors──▶ Actor
                                                     ──events──▶ reports ──when_where──▶ Event, Quote
    Article + Actors + Events + Quotes = Document;  an input that cannot be coded = Failure
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ActorKind = Literal["person", "organization", "country", "group"]
DateBasis = Literal["explicit", "relative", "publication"]
DatePrecision = Literal["day", "weekend", "week", "month", "year"]
PlaceFeature = Literal["country", "region", "city"]
PlaceLevel = Literal["own", "sentence", "paragraph", "dateline"]


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One article as read from an input, before cleaning.

    ``origin`` names where it came from (a path, ``path:line``, ``<stdin>``) for messages.
    Exactly one of ``text`` and ``html`` is set.
    """

    origin: str
    id: str | None = None
    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    outlet: str | None = None  # the publication: "The Guardian", "Wikinews"
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: ``text`` is the body every offset points into."""

    id: str
    text: str
    origin: str = ""
    url: str | None = None
    title: str | None = None
    published: str | None = None
    agency: str | None = None
    byline: str | None = None
    dateline: str | None = None
    language: str | None = None
    outlet: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of a document, with every mention of it."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    sectors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    code: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Party:
    """An actor in the role of source or target of an event."""

    actor: str
    name: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an event is reported: the sentence span, its trigger word and the rule that fired."""

    start: int
    end: int
    sentence: str
    trigger: str | None = None
    rule: str | None = None  # the lexicon row or rule that coded it, e.g. "cameo_lexicon.tsv:120"


@dataclass(frozen=True, slots=True)
class When:
    """The day an event happened: the first day of the period named, and where that came from.

    ``basis``: ``explicit`` (the text names the date), ``relative`` (a weekday, "yesterday", "last
    week", read against the publication day) or ``publication`` (the text says nothing; the day
    it was reported). ``span`` is the time expression in the article, None for ``publication``.
    """

    date: str  # YYYY-MM-DD
    basis: DateBasis
    precision: DatePrecision = "day"
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, geocoded offline (GeoNames ids; coordinates where the data has them).

    ``level``: the place hangs from the event's own words (``own``), is the sentence's or the
    paragraph's place, or the article's dateline (only when asked for). ``span``: the place name in
    the article (None for a dateline).
    """

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: PlaceFeature | None = None
    level: PlaceLevel | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event (CAMEO code, source, target), however often the article reports it."""

    id: str
    code: str
    source: Party
    target: Party | None
    evidence: tuple[Evidence, ...]
    label: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    plover: str | None = None
    date: str | None = None
    date_basis: DateBasis | None = None
    date_precision: DatePrecision | None = None
    date_span: Span | None = None
    location: Location | None = None
    negated: bool = False
    hypothetical: bool = False
    attribution: str | None = None
    confidence: float | None = None
    mentions: int = 1

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote and the actor id of its speaker (None when unknown)."""

    speaker: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """One coded article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be coded, and why. Batches record it and go on."""

    origin: str
    reason: str
    article_id: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"
