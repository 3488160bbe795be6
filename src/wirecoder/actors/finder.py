"""The actor stage: a doc in, one :class:`~wirecoder.records.Actor` per actor out.

    dictionary hits (gazetteer) + entities ─▶ mentions ─▶ clusters (coref) ─▶ Actor records

An actor's country, sectors and roles come from the text first (titles, premodifiers,
appositions) and then from the knowledge base, looked up by the article's date.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.actors.coref import Cluster, Resolver
from wirecoder.actors.gazetteer import Gazetteer, plurals
from wirecoder.actors.mentions import Mention, MentionFinder
from wirecoder.actors.resources import Resources, fold
from wirecoder.records import Actor, ActorKind, Article, Span

FORMER_SECTOR = "ELI"  # CAMEO codes former officials as elites
NON_STATE = frozenset({"REB", "INS", "SEP", "IMG", "UAF", "OPP", "CRM"})


class ActorFinder:
    """Finds the actors of docs made by one pipeline; built once, used for every article."""

    def __init__(self, resources: Resources, nlp: Language, base_cues: frozenset[str] = frozenset(),
                 is_place: Callable[[str], bool] | None = None) -> None:
        """``is_place`` tells a place name the recogniser took for a group (NORP) from a group."""
        self.resources = resources
        self.gazetteer = Gazetteer(resources, nlp)
        self.mentions = MentionFinder(resources, is_place)
        self.cue_words = base_cues | _role_words(resources)

    def find(self, doc: Doc, article: Article) -> list[Actor]:
        hits = self.gazetteer.hits(doc)
        mentions = self.mentions.find(doc, hits)
        day = article.published[:10] if article.published else None
        clusters = Resolver(self.resources, day).resolve(mentions)
        _unlabelled_names(doc, clusters)
        text = doc.text  # built from every token at each access: once
        return [self._actor(f"A{i}", cluster, doc, text) for i, cluster in enumerate(clusters, start=1)]

    def _actor(self, actor_id: str, cluster: Cluster, doc: Doc, text: str) -> Actor:
        country = cluster.country
        iso3 = country.iso3 if country else None
        org = next((m.org for m in cluster.mentions if m.org is not None), None)
        known = (cluster.kb.country if cluster.kb else None) or (org.country if org else None)
        if iso3 is None and known:
            iso3, country = known, self.resources.countries_by_code.get(known)
        sectors = _sectors(cluster)
        cameo = country.cameo if country else None
        code = _code(cluster, cameo, sectors)
        spans = sorted({(doc[m.start].idx, doc[m.start:m.end].end_char) for m in cluster.mentions})
        roles = [r.role for r in cluster.roles]
        if cluster.kb is not None and cluster.kb.role not in roles:
            roles.append(cluster.kb.role)
        kind: ActorKind = cluster.kind if cluster.kind in ("person", "organization", "country", "group") \
            else "person"  # type: ignore[assignment]
        return Actor(id=actor_id, name=cluster.name, kind=kind, country=iso3 or (cameo if cameo else None),
                     sector=sectors[0] if sectors else None, sectors=tuple(sectors), roles=tuple(roles),
                     code=code, mentions=tuple(Span(a, b, text[a:b]) for a, b in spans))


def _unlabelled_names(doc: Doc, clusters: list[Cluster]) -> None:
    """A person's surname (or family name) where the recogniser tagged nothing ("Wei held talks"
    at a sentence start) is one more mention of that person, if no one else goes by that word."""
    owners: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.kind == "person" and len(cluster.name.split()) > 1:
            for word in cluster.short_names:
                owners.setdefault(word, []).append(cluster)
    covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    for token in doc:
        found = owners.get(fold(token.text))
        if found and len(found) == 1 and token.i not in covered and token.ent_type_ in ("", "PERSON") \
                and token.text[:1].isupper() and len(token.text) > 2:
            found[0].mentions.append(Mention(token.i, token.i + 1, "person", token.text))


def _role_words(resources: Resources) -> frozenset[str]:
    """Single words that signal an actor: the last word of every role, singular and plural."""
    words: set[str] = set()
    for text in resources.roles:
        last = text.split()[-1]
        words.add(last)
        words.update(plurals(last))
    return frozenset(words)


def _sectors(cluster: Cluster) -> list[str]:
    """Sectors from the text's roles (most senior first), the organisation, then the knowledge base."""
    found: list[str] = []
    former = any(m.former for m in cluster.mentions)
    roles = [r.sectors for r in sorted(cluster.roles, key=lambda r: r.rank)]
    ranks = [r.sectors for m in cluster.mentions for r in m.roles if r.kind == "rank"]
    orgs = [m.org.sectors for m in cluster.mentions if m.org is not None]
    # A non-state group's commander is the group's first ("Taliban commander": REB before MIL).
    first = orgs if any(o and o[0] in NON_STATE for o in orgs) else []
    for sectors in first + roles + ranks + orgs + [cluster.kb.sectors if cluster.kb else ()]:
        found.extend(s for s in sectors if s not in found)
    if cluster.kind == "country" and not found:
        found.append("GOV")
    if any(m.people for m in cluster.mentions) and "CVL" not in found:
        found.append("CVL")
    if "MIL" in found and any("MIL" in sectors for sectors in ranks):
        found.remove("MIL")
        found.insert(0, "MIL")  # a general who is a minister: military first
    if former:
        found.insert(0, FORMER_SECTOR)
    return found


def _code(cluster: Cluster, cameo: str | None, sectors: list[str]) -> str | None:
    """CAMEO actor code: country + main sector ("CHNMIL"), or the organisation's own code."""
    org = next((m.org for m in cluster.mentions if m.org is not None), None)
    if org is not None and org.cameo:
        return org.cameo
    if cameo is None:
        return sectors[0] if sectors else None
    return cameo + (sectors[0] if sectors else "")
