"""The names the cleaner recognises in meta lines and datelines: news agencies and countries."""

from __future__ import annotations

import re
from functools import lru_cache

from wirecoder.tables import data_file, read_table


@lru_cache(maxsize=1)
def agency_aliases() -> dict[str, str]:
    """Alias -> canonical agency name, from ``data/agencies.tsv``."""
    table: dict[str, str] = {}
    source = data_file("agencies.tsv")
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, aliases, _country = line.split("\t")
        for alias in aliases.split("|"):
            table[alias] = canonical
    return table


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The names and aliases of ``data/countries.tsv``: "Raipur, India - " is a dateline."""
    names: set[str] = set()
    for _number, cells in read_table(data_file("countries.tsv"), 4):
        names.update(n.strip() for cell in cells[2:4] if cell for n in cell.split("|"))
    return frozenset(names)


def find_agency(text: str) -> str | None:
    """The canonical agency if ``text`` is an agency name, possibly with "Staff"/"/File"/"photo"."""
    stripped = re.sub(r"(?i)\s*(?:staff|/\s*file|photo|news service)$", "", text.strip(" ().-—–"))
    return agency_aliases().get(stripped)
