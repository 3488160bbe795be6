"""What the words around a name say about it: premodifiers and appositions.

"Chinese Defence Minister Gen Wei Fenghe", "Pakistan Army chief Gen Qamar Javed Bajwa",
"Iran's President Hassan Rouhani", "the foreign minister, Wang Yi,", "Wang Yi, China's foreign
minister," all give a person a country, roles (with their sectors) and perhaps an organisation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from wirecoder.actors.gazetteer import Hit
from wirecoder.actors.resources import CountryEntry, OrgEntry, RoleEntry

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ARTICLES = frozenset({"the", "a", "an"})
FORMER = frozenset({"former", "ex", "then", "outgoing", "ousted", "late"})


@dataclass(slots=True)
class Descriptor:
    """Country, roles and organisation found around a name, and the tokens they span."""

    start: int
    end: int
    country: CountryEntry | None = None
    roles: list[RoleEntry] = field(default_factory=list)
    org: OrgEntry | None = None
    former: bool = False

    def merge(self, other: Descriptor) -> None:
        self.country = self.country or other.country
        self.org = self.org or other.org
        self.roles.extend(r for r in other.roles if r not in self.roles)
        self.former = self.former or other.former

    @property
    def person_roles(self) -> list[RoleEntry]:
        return [r for r in self.roles if r.kind != "rank"]


class HitIndex:
    """Hits by their first and last token, for walking outwards from a name."""

    def __init__(self, hits: list[Hit]) -> None:
        self.by_end: dict[int, list[Hit]] = {}
        self.by_start: dict[int, list[Hit]] = {}
        for hit in sorted(hits, key=lambda h: -h.length):
            self.by_end.setdefault(hit.end, []).append(hit)
            self.by_start.setdefault(hit.start, []).append(hit)

    def ending(self, end: int) -> Hit | None:
        return next(iter(self.by_end.get(end, [])), None)

    def starting(self, start: int) -> Hit | None:
        return next(iter(self.by_start.get(start, [])), None)


def _take(desc: Descriptor, hit: Hit) -> bool:
    """Fold a hit into the descriptor; False if it cannot be part of one (a plural, a second country)."""
    if hit.plural:
        return False
    if hit.country:
        if desc.country is not None or hit.country.form == "people":
            return False
        desc.country = hit.country.country
    elif hit.org:
        desc.org = desc.org or hit.org
    elif hit.role:
        desc.roles.append(hit.role)
    return True


def scan_left(doc: Doc, index: HitIndex, boundary: int, floor: int = 0) -> Descriptor:
    """Premodifiers ending at token ``boundary``: "Chinese Defence Minister Gen" before a name."""
    desc = Descriptor(start=boundary, end=boundary)
    i = boundary
    while i > floor:
        token = doc[i - 1]
        if token.text in POSSESSIVE and i - 1 > floor and (hit := index.ending(i - 1)) and hit.country:
            i -= 1
            continue
        if token.lower_ in FORMER:
            desc.former, i = True, i - 1
            continue
        hit = index.ending(i)
        if hit is None or not _take(desc, hit):
            break
        i = hit.start
    desc.start = i
    return desc


def scan_right(doc: Doc, index: HitIndex, start: int, limit: int) -> Descriptor:
    """Modifiers from ``start`` on: "China's foreign minister" in "Wang Yi, China's foreign minister,"."""
    desc = Descriptor(start=start, end=start)
    i = start
    while i < limit and doc[i].lower_ in ARTICLES | FORMER:
        desc.former = desc.former or doc[i].lower_ in FORMER
        i += 1
    while i < limit:
        if doc[i].text in POSSESSIVE:
            i += 1
            continue
        hit = index.starting(i)
        if hit is None or not _take(desc, hit):
            break
        i = hit.end
    after = index.starting(i + 1) if i < limit - 1 and doc[i].lower_ in {"of", "for"} else None
    if after is not None and not after.role and _take(desc, after):
        i = after.end
    desc.end = i
    return desc


def apposition(doc: Doc, index: HitIndex, start: int, end: int) -> Descriptor | None:
    """A role in commas beside a name: "the foreign minister, Wang Yi," / "Wang Yi, the foreign minister,"."""
    sentence = doc[start].sent
    if end < sentence.end - 1 and doc[end].text == ",":
        desc = scan_right(doc, index, end + 1, sentence.end)
        closes = desc.end >= sentence.end or doc[desc.end].text in {",", ".", ")", ";", "said", "says"}
        if desc.person_roles and closes:
            return desc
    if start > sentence.start + 1 and doc[start - 1].text == ",":
        desc = scan_left(doc, index, start - 1, sentence.start)
        opens = desc.start == sentence.start or doc[desc.start - 1].lower_ in ARTICLES | {",", "("}
        if desc.person_roles and opens:
            return desc
    return None
