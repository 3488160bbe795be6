"""Coreference inside an article: mentions of one actor become one cluster, then one Actor.

* people: the full name first; then a surname alone or with a title ("Gen Wei", "President
  Alvi") joins the one person of that surname, and only if there is exactly one (two people who
  share a surname stay apart unless a title tells them apart);
* a surname the entity recogniser mislabelled ("Alvi" as ORG) joins its person;
* descriptions ("the president", "the Chinese defence minister") join the one person in the
  article with that role (and country); else the knowledge base says who held the role then;
* organisations by their dictionary entry, or by country and kind of body; countries by code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirecoder.actors.mentions import Mention
from wirecoder.actors.resources import CountryEntry, KBEntry, Resources, RoleEntry, fold, short_names


@dataclass(slots=True)
class Cluster:
    key: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    kb: KBEntry | None = None

    @property
    def name(self) -> str:
        if self.kb is not None:
            return self.kb.name
        org = next((m.org for m in self.mentions if m.org is not None), None)
        if org is not None and self.kind != "person":
            return org.name
        if self.kind == "country" and self.country is not None:
            return self.country.name  # "Turkish" in "Turkish troops" is Turkey
        named = [m for m in self.mentions if m.kind != "description"] or self.mentions
        return max(named, key=lambda m: (m.tokens, -m.start)).name

    @property
    def country(self) -> CountryEntry | None:
        return next((m.country for m in self.mentions if m.country is not None), None)

    @property
    def roles(self) -> list[RoleEntry]:
        seen: list[RoleEntry] = []
        for mention in self.mentions:
            seen.extend(r for r in mention.roles if r not in seen and r.kind != "rank")
        return seen

    @property
    def short_names(self) -> set[str]:
        """The single words a later mention may use ("Gen Wei" for Wei Fenghe)."""
        return short_names(self.name)


def _roles_agree(mention: Mention, cluster: Cluster) -> bool:
    """True unless both have person roles and none of them match ("President X" vs "General X")."""
    wanted = {r.role for r in mention.roles if r.kind != "rank"}
    have = {r.role for r in cluster.roles} | ({cluster.kb.role} if cluster.kb else set())
    if not wanted or not have:
        return True
    return bool(wanted & have) or any(h.endswith(w) or w.endswith(h) for w in wanted for h in have)


def _countries_agree(mention: Mention, cluster: Cluster) -> bool:
    mine, theirs = mention.country, cluster.country
    if mine is None or theirs is None:
        return True
    return mine.cameo == theirs.cameo


class Resolver:
    """Clusters the mentions of one article."""

    def __init__(self, resources: Resources, day: str | None) -> None:
        self.res = resources
        self.day = day
        self.clusters: dict[str, Cluster] = {}

    def resolve(self, mentions: list[Mention]) -> list[Cluster]:
        people = [m for m in mentions if m.kind == "person"]
        for mention in sorted(people, key=lambda m: -m.tokens):
            self._person(mention)
        for mention in mentions:
            if mention.kind == "organization" and mention.org is None and not mention.roles \
                    and self._surname_match(mention):
                continue
            if mention.kind == "description":
                self._description(mention)
            elif mention.kind != "person":
                self._add(self._key(mention), mention)
        return sorted(self.clusters.values(), key=lambda c: min(m.start for m in c.mentions))

    def _add(self, key: str, mention: Mention, kb: KBEntry | None = None) -> Cluster:
        kind = "person" if mention.kind == "description" else mention.kind
        cluster = self.clusters.setdefault(key, Cluster(key=key, kind=kind))
        cluster.mentions.append(mention)
        cluster.kb = cluster.kb or kb
        return cluster

    def _key(self, mention: Mention) -> str:
        if mention.org is not None:
            return "org:" + fold(mention.org.name)
        if mention.kind == "country" or (mention.people and mention.country):
            assert mention.country is not None
            return f"{'people' if mention.people else 'country'}:{mention.country.cameo}"
        if mention.roles:
            country = mention.country.cameo if mention.country else "-"
            return f"{mention.kind}:{country}:{mention.roles[-1].role}"
        return f"{mention.kind}:{fold(mention.name)}"

    # ---------- people ----------

    def _person(self, mention: Mention) -> None:
        words = mention.name.split()
        if len(words) > 1:
            kb = self._known(mention.name, mention)
            self._add("person:" + fold(kb.name if kb else mention.name), mention, kb)
            return
        same = [c for c in self._people() if fold(words[0]) in c.short_names and _roles_agree(mention, c)
                and _countries_agree(mention, c)]
        if len(same) == 1:
            same[0].mentions.append(mention)
            return
        kb = self._by_surname(mention) if not same else None
        key = "person:" + fold(kb.name) if kb else f"person:?{fold(mention.name)}:{len(self.clusters)}"
        if kb and key in self.clusters:
            self.clusters[key].mentions.append(mention)
        else:
            self._add(key, mention, kb)

    def _people(self) -> list[Cluster]:
        return [c for c in self.clusters.values() if c.kind == "person"]

    def _known(self, name: str, mention: Mention) -> KBEntry | None:
        entries = [e for e in self.res.people_named(name, self.day)
                   if mention.country is None or e.country in (None, mention.country.iso3)]
        return entries[0] if entries else None

    def _by_surname(self, mention: Mention) -> KBEntry | None:
        """A surname alone: the one person of that name in office on the article's day (agreeing with
        the title and country), else, with no title, the one person of that name in the knowledge
        base at all, marked former as out of office ("Biden countered" in 2020)."""
        wanted = {r.role for r in mention.roles if r.kind != "rank"}
        known = [e for e in self.res.surnames.get(fold(mention.name), ())
                 if (not wanted or e.role in wanted)
                 and (mention.country is None or e.country == mention.country.iso3)]
        in_office = {e.name: e for e in known if e.holds_on(self.day)}
        if len(in_office) == 1 and (wanted or mention.country or self.day):
            return next(iter(in_office.values()))
        if len({e.name for e in known}) == 1 and not in_office and not wanted and self.day:
            mention.former = True
            return max(known, key=lambda e: e.start)
        return None

    def _surname_match(self, mention: Mention) -> bool:
        """A single word the recogniser did not tag PERSON, but which is a person's surname here."""
        if len(mention.name.split()) != 1:
            return False
        same = [c for c in self._people() if fold(mention.name) in c.short_names]
        if len(same) != 1:
            return False
        mention.kind = "person"
        same[0].mentions.append(mention)
        return True

    # ---------- descriptions ----------

    def _description(self, mention: Mention) -> None:
        wanted = {r.role for r in mention.roles}
        same = [c for c in self._people() if _roles_agree(mention, c) and _countries_agree(mention, c)
                and ({r.role for r in c.roles} | ({c.kb.role} if c.kb else set())) & wanted]
        if len(same) == 1:
            same[0].mentions.append(mention)
            return
        if not same and mention.country is not None:
            holders = {e.name: e for role in wanted
                       for e in self.res.holders(role, mention.country.iso3, self.day)}
            if len(holders) == 1:
                kb = next(iter(holders.values()))
                self._add("person:" + fold(kb.name), mention, kb)
                return
        if mention.country is not None:
            self._add(self._key(mention), mention)
        # else: "the minister" whose minister the article never says: not an actor we can code
