"""The actor stage's dictionaries: countries, organisations, roles and the knowledge base.

All are versioned TSV files in ``wirecoder/data`` (see its README); users add knowledge-base
files of the same format with ``--actors FILE``, and an entry of theirs replaces ours of the
same name. Loaded lazily, once per process and set of user files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wirecoder.errors import UsageError
from wirecoder.tables import Source, data_file, read_table

KB_COLUMNS = ("name", "aliases", "country", "sectors", "role", "from", "to")


@dataclass(frozen=True, slots=True)
class CountryEntry:
    iso3: str | None
    cameo: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class OrgEntry:
    name: str
    country: str | None
    sectors: tuple[str, ...]
    cameo: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class RoleEntry:
    role: str
    sectors: tuple[str, ...]
    kind: str  # person | body | rank
    rank: int


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One person in one role for one period (``start``/``end`` ISO dates, ``end`` None = ongoing)."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    sectors: tuple[str, ...]
    role: str
    start: str
    end: str | None

    def holds_on(self, day: str | None) -> bool:
        if day is None:
            return True
        return self.start[: len(day)] <= day and (self.end is None or day[: len(self.end)] <= self.end)


@dataclass(frozen=True, slots=True)
class CountryForm:
    """A way of writing a country: its name or alias, an adjective, a people noun or its capital."""

    country: CountryEntry
    form: str  # name | adjective | people | capital


@dataclass(frozen=True)
class Resources:
    countries: dict[str, CountryForm] = field(default_factory=dict)
    countries_by_code: dict[str, CountryEntry] = field(default_factory=dict)
    orgs: dict[str, OrgEntry] = field(default_factory=dict)
    roles: dict[str, RoleEntry] = field(default_factory=dict)
    people: dict[str, tuple[KBEntry, ...]] = field(default_factory=dict)
    surnames: dict[str, tuple[KBEntry, ...]] = field(default_factory=dict)

    def org_named(self, text: str) -> OrgEntry | None:
        """The organisation a name stands for, case and accents aside; one word in lower case is a
        common noun ("the congress in Sochi", "parliament") and names none."""
        if " " not in text.strip() and text == text.lower():
            return None
        return self.orgs.get(text) or self.orgs.get(fold(text))

    def people_named(self, name: str, day: str | None) -> list[KBEntry]:
        """Knowledge-base entries for a full name or alias, those in office on ``day`` first."""
        entries = self.people.get(fold(name), ())
        return sorted(entries, key=lambda e: not e.holds_on(day))

    def holders(self, role: str, country: str | None, day: str | None) -> list[KBEntry]:
        """Who held ``role`` (in ``country``) on ``day``."""
        return [e for entries in self.people.values() for e in entries
                if e.role == role and e.holds_on(day) and (country is None or e.country == country)]


def fold(text: str) -> str:
    """Case, accents, curly apostrophes and spacing folded: the key every dictionary is looked up by."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().lower()


def _rows(source: Source, columns: int) -> Iterator[list[str | None]]:
    return (cells for _number, cells in read_table(source, columns))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip()) if cell else ()


def _load_countries(res: Resources) -> None:
    order = {"people": 0, "capital": 1, "adjective": 2, "name": 3}
    rows = _rows(data_file("countries.tsv"), 8)
    for iso3, cameo, name, aliases, adjectives, people, capitals, kind in rows:
        assert cameo and name and kind
        entry = CountryEntry(iso3=iso3, cameo=cameo, name=name, kind=kind)
        res.countries_by_code.setdefault(iso3 or cameo, entry)
        groups = (("people", _split(people)), ("capital", _split(capitals)),
                  ("adjective", _split(adjectives)), ("name", (name, *_split(aliases))))
        for form, written in groups:
            for text in written:
                known = res.countries.get(text)
                if known is None or order[form] >= order[known.form]:
                    res.countries[text] = CountryForm(entry, form)


def _load_orgs(res: Resources) -> None:
    for name, aliases, country, sectors, cameo, kind in _rows(data_file("organizations.tsv"), 6):
        assert name
        entry = OrgEntry(name=name, country=country, sectors=_split(sectors), cameo=cameo,
                         kind=kind or "organization")
        for text in (name, *_split(aliases)):
            res.orgs.setdefault(text, entry)
            res.orgs.setdefault(fold(text), entry)


def _load_roles(res: Resources) -> None:
    for role, aliases, sectors, kind, rank in _rows(data_file("roles.tsv"), 5):
        assert role
        entry = RoleEntry(role=role, sectors=_split(sectors), kind=kind or "person", rank=int(rank or 9))
        for text in (role, *_split(aliases)):
            res.roles.setdefault(fold(text), entry)


def _kb_entries(source: Source) -> Iterator[KBEntry]:
    for name, aliases, country, sectors, role, start, end in _rows(source, len(KB_COLUMNS)):
        if not name or not role or not start:
            raise UsageError(f"{source}: every row needs a name, a role and a 'from' date ({name!r})")
        yield KBEntry(name=name, aliases=_split(aliases), country=country, sectors=_split(sectors),
                      role=fold(role), start=start, end=end)


def short_names(name: str) -> set[str]:
    """Single words a person may go by: the last name, or the first (family names come first in
    Chinese and Korean names: "Xi" for Xi Jinping); regnal numbers and "Jr." are not names."""
    words = [fold(w) for w in name.split() if not re.fullmatch(r"[IVX]+\.?|[JS]r\.?", w)]
    return {words[0], words[-1]} if len(words) > 1 else set(words)


def _index_people(res: Resources, entries: Iterable[KBEntry]) -> None:
    people: dict[str, list[KBEntry]] = {}
    surnames: dict[str, list[KBEntry]] = {}
    for entry in entries:
        for key in {fold(text) for text in (entry.name, *entry.aliases)}:
            people.setdefault(key, []).append(entry)
        for key in short_names(entry.name):
            surnames.setdefault(key, []).append(entry)
    res.people.update({k: tuple(v) for k, v in people.items()})
    res.surnames.update({k: tuple(v) for k, v in surnames.items()})


@lru_cache(maxsize=4)
def load_resources(user_files: tuple[str, ...] = ()) -> Resources:
    """Our dictionaries plus the users' knowledge-base files (theirs win, name by name)."""
    res = Resources()
    _load_countries(res)
    _load_orgs(res)
    _load_roles(res)
    ours = [e for f in sorted(data_file("kb").iterdir(), key=lambda p: p.name) if f.name.endswith(".tsv")
            for e in _kb_entries(f)]
    theirs: list[KBEntry] = []
    for name in user_files:
        path = Path(name)
        if not path.is_file():
            raise UsageError(f"--actors {name}: no such file")
        theirs.extend(_kb_entries(path))
    replaced = {fold(e.name) for e in theirs}
    _index_people(res, [e for e in ours if fold(e.name) not in replaced] + theirs)
    return res
