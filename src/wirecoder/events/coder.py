"""First version of the event coder: verb lexicon + subject/object roles from the parse.

For each parsed sentence, a verb whose lemma (and particle or object) is in the lexicon becomes
an event when an actor sits in its subject (or the ``by`` agent of a passive); the target is the
actor in its object or prepositional complement. A subject carries over to coordinated verbs.
The same (source, target, code) reported twice is one event with two mentions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from wirecoder.events.cameo import describe
from wirecoder.nlp import parsed_sentences
from wirecoder.records import Actor, Article, Event, Evidence, Party

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
TARGET_PREPS = frozenset({"with", "to", "against", "on", "in", "at", "for"})


@dataclass(frozen=True, slots=True)
class VerbEntry:
    lemma: str
    particle: str | None
    object: str | None
    code: str


@lru_cache(maxsize=1)
def verb_lexicon() -> dict[str, tuple[VerbEntry, ...]]:
    text = (resources.files("wirecoder") / "data" / "verbs_v0.tsv").read_text(encoding="utf-8")
    table: dict[str, list[VerbEntry]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, particle, obj, code = line.split("\t")
        entry = VerbEntry(lemma, None if particle == "-" else particle, None if obj == "-" else obj, code)
        table.setdefault(lemma, []).append(entry)
    # Most specific entries first: with a particle and an object before the bare verb.
    return {lemma: tuple(sorted(entries, key=lambda e: (e.particle is None, e.object is None)))
            for lemma, entries in table.items()}


def _match(verb: Token, entries: Iterable[VerbEntry]) -> VerbEntry | None:
    children = {c.lower_ for c in verb.children if c.dep_ in {"prep", "prt", "agent"}}
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ in OBJECTS}
    for entry in entries:
        if entry.particle and entry.particle not in children:
            continue
        if entry.object and entry.object not in objects:
            continue
        return entry
    return None


def _actor_in(token: Token | None, owner: dict[int, Actor]) -> Actor | None:
    if token is None:
        return None
    for t in token.subtree:
        if t.i in owner:
            return owner[t.i]
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head is not verb:
        return _subject(verb.head)
    return None


def _target(verb: Token, source: Actor, owner: dict[int, Actor]) -> Actor | None:
    candidates = [c for c in verb.children if c.dep_ in OBJECTS]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    for candidate in candidates:
        actor = _actor_in(candidate, owner)
        if actor is not None and actor.id != source.id:
            return actor
    return None


def _party(actor: Actor) -> Party:
    return Party(actor=actor.id, name=actor.name, country=actor.country, sector=actor.sector, code=actor.code)


def code_events(doc: Doc, actors: list[Actor], article: Article) -> list[Event]:
    """The events of one article, merged so that each (source, target, code) appears once."""
    owner = {}
    for actor in actors:
        for mention in actor.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                owner.update({t.i: actor for t in span})
    lexicon = verb_lexicon()
    found: dict[tuple[str, str | None, str], list[Evidence]] = {}
    parties: dict[str, Actor] = {a.id: a for a in actors}
    for sentence in parsed_sentences(doc):
        for verb in sentence:
            if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in lexicon:
                continue
            entry = _match(verb, lexicon[verb.lemma_.lower()])
            source = _actor_in(_subject(verb), owner) if entry else None
            if entry is None or source is None:
                continue
            target = _target(verb, source, owner)
            key = (source.id, target.id if target else None, entry.code)
            evidence = Evidence(sentence.start_char, sentence.end_char, sentence.text, verb.text)
            if evidence not in found.setdefault(key, []):
                found[key].append(evidence)
    day = article.published[:10] if article.published else None
    events = []
    for number, ((source_id, target_id, code), spans) in enumerate(found.items(), start=1):
        info = describe(code)
        events.append(Event(
            id=f"E{number}", code=code, source=_party(parties[source_id]),
            target=_party(parties[target_id]) if target_id else None, evidence=tuple(spans),
            label=info.label, goldstein=info.goldstein, quad_class=info.quad_class, plover=info.plover,
            date=day, date_basis="publication" if day else None, mentions=len(spans)))
    return events
