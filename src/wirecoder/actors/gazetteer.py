"""Find the dictionaries' entries in a doc: country forms, organisations, roles and ranks.

Countries and organisations are matched case-sensitively as written ("US" is not "us"); roles
case-insensitively, singular and plural ("minister", "ministers"). Overlaps keep the longest.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from wirecoder.actors.resources import CountryForm, OrgEntry, Resources, RoleEntry, fold

SMALL_WORDS = frozenset({"the", "of", "and", "for", "on", "in", "de", "du", "la", "le", "al"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A dictionary entry found at tokens ``start:end``."""

    start: int
    end: int
    country: CountryForm | None = None
    org: OrgEntry | None = None
    role: RoleEntry | None = None
    plural: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


def _one_case(text: str) -> bool:
    """A name written in one case, small words aside: "the international criminal court", "the
    Times", not "Russia today" (the country, then a date, not Russia Today)."""
    words = [w for w in text.split() if w.lower() not in SMALL_WORDS]
    return all(w.islower() for w in words) or all(not w.islower() for w in words)


def plurals(word: str) -> list[str]:
    """English plural forms of a role's last word ("minister" -> "ministers", "spokesman" -> "spokesmen")."""
    if word.endswith("man"):
        return [word[:-3] + "men"]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith(("s", "x", "ch", "sh")):
        return [word + "es"]
    return [word + "s"]


class Gazetteer:
    """Phrase matchers over the resources, built once per pipeline."""

    def __init__(self, resources: Resources, nlp: Language) -> None:
        self.resources = resources
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.plural_forms: dict[str, RoleEntry] = {}
        make = nlp.make_doc
        self.exact.add("COUNTRY", [make(text) for text in resources.countries])
        self.exact.add("ORG", [make(text) for text in resources.orgs if text[:1].isupper()])
        # Multi-word names also in another case ("the international criminal court", "the Times"),
        # but in one case (see _one_case: "visited Russia today" is no "Russia Today").
        self.lower.add("ORG", [make(text) for text in resources.orgs if text[:1].isupper() and " " in text])
        singular, plural = [], []
        for text, entry in resources.roles.items():
            singular.append(make(text))
            if entry.kind != "rank":
                head, _, last = text.rpartition(" ")
                for form in plurals(last):
                    written = f"{head} {form}".strip()
                    self.plural_forms[written] = entry
                    plural.append(make(written))
        self.lower.add("ROLE", singular)
        self.lower.add("ROLES", plural)

    def hits(self, doc: Doc) -> list[Hit]:
        """All entries found in ``doc``, overlapping ones included (see :func:`longest`)."""
        found: list[Hit] = []
        strings = doc.vocab.strings
        exact = set(self.exact(doc))
        for match_id, start, end in [*exact, *self.lower(doc)]:
            label, text = strings[match_id], doc[start:end].text
            if label == "ORG" and (match_id, start, end) not in exact and not _one_case(text):
                continue
            hit = self._hit(label, text, start, end)
            if hit is not None:
                found.append(hit)
        return sorted(found, key=lambda h: (h.start, -h.length))

    def _hit(self, label: str, text: str, start: int, end: int) -> Hit | None:
        res = self.resources
        if label == "COUNTRY" and text in res.countries:
            return Hit(start, end, country=res.countries[text])
        if label == "ORG":
            org = res.org_named(text)
            return Hit(start, end, org=org) if org else None
        if label == "ROLE":
            role = res.roles.get(fold(text))
            return Hit(start, end, role=role) if role else None
        role = self.plural_forms.get(fold(text))
        return Hit(start, end, role=role, plural=True) if role else None


def longest(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer hit; countries and orgs compete, roles only with roles."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.length, h.start)):
        if any(bool(k.role) == bool(hit.role) and k.start < hit.end and hit.start < k.end for k in kept):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, -h.length))

