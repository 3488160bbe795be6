"""Offline geocoding: names as the news corpus writes them, GeoNames data from installed packages."""

from __future__ import annotations

import pytest

from wirecoder.when_where import PlaceGazetteer, load_places


@pytest.fixture(scope="module")
def places() -> PlaceGazetteer:
    return load_places()


@pytest.mark.parametrize(("name", "country", "feature", "geonameid"), [
    ("Islamabad", "PAK", "city", 1176615),  # own name beats Chattogram's old alternate "Islamabad"
    ("Nepal", "NPL", "country", 1282988),
    ("the United States", "USA", "country", 6252001),
    ("Britain", "GBR", "country", 2635167),  # our countries.tsv aliases
    ("Baghdad", "IRQ", "city", 98182),
    ("Bombay", "IND", "city", 1275339),  # a Latin-script alternate name: Mumbai
    ("New York", "USA", "city", 5128581),  # the big city beats the state
    ("Wyoming", "USA", "region", 5843591),  # the state beats Wyoming, Michigan
    ("West Bank", "PSE", "region", None),  # a CAMEO sub-national code of countries.tsv
])
def test_places_geocode(places: PlaceGazetteer, name: str, country: str, feature: str,
                        geonameid: int | None) -> None:
    place = places.geocode(name)
    assert place is not None
    assert (place.country, place.feature, place.geonameid) == (country, feature, geonameid)


def test_places_cities_and_countries_have_coordinates(places: PlaceGazetteer) -> None:
    city, country = places.geocode("Islamabad"), places.geocode("Pakistan")
    assert city is not None and city.lat == pytest.approx(33.72, abs=0.01) and city.lon == pytest.approx(73.04, abs=0.01)
    assert country is not None and country.lat is not None and country.lon is not None


@pytest.mark.parametrize(("name", "context", "country", "feature"), [
    ("Punjab", {"PAK": 3}, "PAK", "region"),  # first-level regions by the article's countries
    ("Punjab", {"IND": 1}, "IND", "region"),
    ("Georgia", {"USA": 4}, "USA", "region"),  # the state in an American story
    ("Georgia", {"RUS": 2}, "GEO", "country"),
    ("Rome", {"USA": 5}, "ITA", "city"),  # context does not outweigh 60 times the people
    ("Birmingham", {"USA": 1}, "USA", "city"),
    ("Birmingham", {"GBR": 1}, "GBR", "city"),
])
def test_places_disambiguate_by_the_articles_countries(places: PlaceGazetteer, name: str,
                                                       context: dict[str, int], country: str,
                                                       feature: str) -> None:
    place = places.geocode(name, context)
    assert place is not None and (place.country, place.feature) == (country, feature)


def test_places_unknown_names_give_none(places: PlaceGazetteer) -> None:
    assert places.geocode("Kurram Agency") is None
    assert places.geocode("Rayburn House Office Building") is None
