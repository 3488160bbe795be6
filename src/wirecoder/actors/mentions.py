"""Actor mentions: named people, organisations, countries, bodies and role descriptions.

Each mention keeps the tokens of its name (what ``Actor.mentions`` points at) and what the text
says about it. spaCy's errors that matter are repaired here: titles swallowed into names
("Gen Wei Fenghe" -> Wei Fenghe), names cut short ("Gen Qamar" -> Qamar Javed Bajwa), and titles
or captions taken as names ("Councillor", "Photo").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from wirecoder.actors.describe import ARTICLES, POSSESSIVE, Descriptor, HitIndex, apposition, scan_left
from wirecoder.actors.gazetteer import Hit, longest
from wirecoder.actors.resources import CountryEntry, OrgEntry, Resources, RoleEntry, fold

NOT_NAMES = frozenset({"photo", "file", "image", "video", "reuters", "ap", "afp", "pti", "getty", "twitter"})
REPORTING = frozenset({"said", "says", "say", "announced", "accused", "warned", "urged", "told", "added",
                       "called", "demanded", "denied", "claimed", "stated", "insisted", "reported"})
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
# Verbs whose object is someone addressed or judged, so a capital there is its government:
# "warned Washington", "urged Beijing", "accused Moscow".
ADDRESSED = frozenset({"warn", "urge", "accuse", "blame", "criticise", "criticize", "condemn", "tell",
                       "thank", "praise", "press", "pressure", "threaten", "sanction", "punish", "call",
                       "ask", "push", "lobby", "rebuke", "slam", "defy", "support", "back", "recognise",
                       "recognize"})
MOVING = frozenset({"arrive", "travel", "fly", "go", "come", "return", "leave", "move", "flee", "live"})
PLACE_LABELS = frozenset({"LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
# The first word of a storm's name, which the tagger takes for an organization or a person.
STORMS = frozenset({"typhoon", "hurricane", "cyclone", "storm", "tropical", "super"})


@dataclass(slots=True)
class Mention:
    """One mention of an actor: the tokens of its name and what the text says about it."""

    start: int
    end: int
    kind: str  # person | organization | country | group | description
    name: str
    country: CountryEntry | None = None
    roles: list[RoleEntry] = field(default_factory=list)
    org: OrgEntry | None = None
    former: bool = False
    covered: tuple[int, int] = (0, 0)
    people: bool = False  # a country's people ("Pakistanis"), not its state

    @property
    def tokens(self) -> int:
        return self.end - self.start


def _with(mention: Mention, desc: Descriptor | None) -> Mention:
    if desc is not None:
        mention.country = mention.country or desc.country
        mention.org = mention.org or desc.org
        mention.roles.extend(r for r in desc.roles if r not in mention.roles)
        mention.former = mention.former or desc.former
    return mention


class MentionFinder:
    """Turns a doc's entities and dictionary hits into mentions."""

    def __init__(self, resources: Resources, is_place: Callable[[str], bool] | None = None) -> None:
        self.res = resources
        self.is_place = is_place

    def find(self, doc: Doc, found: list[Hit]) -> list[Mention]:
        index = HitIndex(found)
        hits = longest(found)
        mentions: list[Mention] = []
        taken = [False] * len(doc)

        def add(mention: Mention | None) -> None:
            if mention is None:
                return
            lo, hi = mention.covered if mention.covered != (0, 0) else (mention.start, mention.end)
            lo, hi = min(lo, mention.start), max(hi, mention.end)
            if any(taken[mention.start:mention.end]):
                return
            mention.covered = (lo, hi)
            mentions.append(mention)
            for i in range(lo, hi):
                taken[i] = True

        for ent in doc.ents:
            if ent.label_ == "PERSON":
                add(self._person(doc, ent, index))
        for ent in doc.ents:
            if ent.label_ == "ORG":
                add(self._org(doc, ent.start, ent.end, index))
        for hit in hits:
            if hit.org and not any(taken[hit.start:hit.end]):
                add(self._org(doc, hit.start, hit.end, index))
        for hit in hits:
            if hit.role and not any(taken[hit.start:hit.end]):
                add(self._role(doc, hit, index))
        blocked = {i for ent in doc.ents if ent.label_ in PLACE_LABELS for i in range(ent.start, ent.end)}
        for hit in hits:
            if hit.country and not any(taken[hit.start:hit.end]) and hit.start not in blocked:
                add(self._country(doc, hit))
        for ent in doc.ents:
            if ent.label_ != "NORP" or any(taken[ent.start:ent.end]) or ent.text in self.res.countries:
                continue  # a country's adjective that is not an actor here ("European allies")
            if self.is_place is not None and self.is_place(ent.text):
                continue  # a city taken for a group: "districts in Aleppo"
            add(Mention(ent.start, ent.end, "group", _clean_name(ent)))
        return sorted(mentions, key=lambda m: m.start)

    # ---------- people ----------

    def _person(self, doc: Doc, ent: Span, index: HitIndex) -> Mention | None:
        start, end = ent.start, ent.end
        lead = Descriptor(start=start, end=start)
        while (hit := index.starting(start)) and hit.role and hit.end < end:
            lead.roles.append(hit.role)
            start = hit.end
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        if start >= end or not self._looks_like_name(doc[start:end]) or doc[start].lower_ in STORMS:
            return None
        if start == ent.start and start > 0 and doc[start - 1].lower_ in ARTICLES:
            return None  # "the Councillor": names take no article
        if (hit := index.ending(end)) and hit.role and hit.start <= start:
            return None  # a title taken for a name: "State Councillor"
        end = self._extend(doc, end, index)
        desc = scan_left(doc, index, ent.start, doc[ent.start].sent.start)
        desc.merge(lead)
        mention = _with(Mention(start, end, "person", doc[start:end].text, covered=(desc.start, end)), desc)
        side = apposition(doc, index, desc.start, end)
        if side is not None:
            mention.covered = (min(desc.start, side.start), max(end, side.end))
        return _with(mention, side)

    def _looks_like_name(self, span: Span) -> bool:
        text = span.text
        if fold(text) in NOT_NAMES or fold(text) in self.res.roles:
            return False
        if text in self.res.countries or text in self.res.orgs:
            return False
        return any(t.is_alpha and t.text[:1].isupper() for t in span)

    def _extend(self, doc: Doc, end: int, index: HitIndex) -> int:
        """Names cut short: "Gen Qamar" followed by "Javed Bajwa" outside any entity."""
        limit = min(len(doc), end + 3)
        while end < limit:
            token = doc[end]
            if not _name_like(token) or token.ent_type_ not in ("", "PERSON") or index.starting(end):
                break
            if token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
                break
            end += 1
        return end

    # ---------- organisations and bodies ----------

    def _org(self, doc: Doc, start: int, end: int, index: HitIndex) -> Mention | None:
        while start < end and doc[start].lower_ in ARTICLES:
            start += 1
        while end > start and doc[end - 1].text in POSSESSIVE:
            end -= 1
        if start >= end or (doc[start].lower_ in STORMS and end - start > 1):
            return None  # "Typhoon Mitag"
        text = doc[start:end].text
        if text in self.res.countries and end - start <= 3:
            return None  # "US" tagged ORG: a country mention
        entry = self.res.org_named(text)
        inner = [h for group in index.by_start.values() for h in group if start <= h.start and h.end <= end]
        country = next((h.country.country for h in inner if h.country and h.country.form != "people"), None)
        body = max((h for h in inner if h.role and h.role.kind == "body"), key=lambda h: h.end, default=None)
        mention = Mention(start, end, "organization", text, org=entry, country=country)
        if entry is None and body is not None:
            mention.roles.append(body.role)  # type: ignore[arg-type]
        if entry is not None and entry.kind == "group":
            mention.kind = "group"
        desc = scan_left(doc, index, start, doc[start].sent.start)
        mention.covered = (desc.start, end)
        return _with(mention, desc)

    def _role(self, doc: Doc, hit: Hit, index: HitIndex) -> Mention | None:
        """A role without a name: a body ("Pakistani troops", "the government") or a description."""
        assert hit.role is not None
        if hit.role.kind == "rank" or not _heads_phrase(doc[hit.end - 1]):
            return None
        desc = scan_left(doc, index, hit.start, doc[hit.start].sent.start)
        if desc.country is None:
            desc.country = _shared_country(doc, index, desc.start)
        if hit.role.kind == "body":
            desc.roles = []  # "criminal court": a person's role does not qualify a body
        before = doc[desc.start - 1].lower_ if desc.start > 0 else ""
        is_body = hit.role.kind == "body" or hit.plural
        definite = before in {"the", "his", "her", "its"}
        if not is_body and desc.country is None and desc.org is None and not definite:
            return None
        name_start = desc.start
        text = doc[name_start:hit.end].text
        kind = ("group" if hit.plural and hit.role.kind == "person" else "organization") if is_body \
            else "description"
        mention = Mention(hit.start, hit.end, kind, text, roles=[hit.role], covered=(desc.start, hit.end))
        mention = _with(mention, desc)
        if mention.country is None and mention.org is None and not any(r.sectors for r in mention.roles):
            return None  # "heads", "the chief": nothing to code
        return mention

    # ---------- countries ----------

    def _country(self, doc: Doc, hit: Hit) -> Mention | None:
        assert hit.country is not None
        entry, form = hit.country.country, hit.country.form
        if (form == "capital" or entry.kind == "region") and not _agentive(doc, hit.start, hit.end):
            return None  # "in Islamabad" is a place, "Beijing said" is China's government
        kind = "group" if form == "people" else "country"
        return Mention(hit.start, hit.end, kind, doc[hit.start:hit.end].text, country=entry,
                       people=form == "people")


def _shared_country(doc: Doc, index: HitIndex, start: int) -> CountryEntry | None:
    """The country of a coordinated body: "the Chinese government and military" -> Chinese military."""
    if start < 2 or doc[start - 1].lower_ not in {"and", "or"}:
        return None
    previous = index.ending(start - 1)
    if previous is None or previous.role is None:
        return None
    return scan_left(doc, index, previous.start, doc[previous.start].sent.start).country


def _clean_name(span: Span) -> str:
    text = span.text
    for article in ("the ", "The "):
        text = text.removeprefix(article)
    for ending in ("'s", "’s"):
        text = text.removesuffix(ending)
    return text.strip()


def _heads_phrase(token: Token) -> bool:
    """A role word that heads its noun phrase ("the army said"), not a modifier ("military ties",
    "firm support"). Only a parsed sentence can tell; elsewhere the word is taken."""
    if not token.dep_ or token.dep_ == "dep":
        return True
    return token.pos_ in {"NOUN", "PROPN"} and token.dep_ not in {"amod", "compound", "nmod", "npadvmod"}


def _name_like(token: Token) -> bool:
    return (token.is_alpha and token.text[:1].isupper() and not token.is_sent_start and not token.is_stop
            and len(token.text) > 1)


def _agentive(doc: Doc, start: int, end: int) -> bool:
    """A place name used for its government: subject, possessor, or followed by a reporting verb."""
    head = doc[end - 1]
    if head.dep_ in AGENT_DEPS:
        return True
    if head.dep_ == "dobj" and head.head.lemma_.lower() in ADDRESSED:  # "warned Washington against"
        return True
    if head.dep_ == "pobj" and head.head.lower_ in ("with", "against") and head.head.head.lemma_.lower() \
            not in MOVING:  # "talks with Beijing", "sanctions against Moscow"; not "arrived with"
        return True
    if end < len(doc) and (doc[end].text in POSSESSIVE or doc[end].lower_ in REPORTING):
        return True
    return end + 1 < len(doc) and doc[end].lower_ in {"has", "had", "will", "would"} and \
        doc[end + 1].lower_ in REPORTING
