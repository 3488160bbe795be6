"""When and where: each event's day from the text (or the publication day) and its place,
geocoded offline against GeoNames data."""

from wirecoder.when_where.gazetteer import Place, PlaceGazetteer, is_big_city, load_places
from wirecoder.when_where.situate import Situator

__all__ = ["Place", "PlaceGazetteer", "Situator", "is_big_city", "load_places"]
