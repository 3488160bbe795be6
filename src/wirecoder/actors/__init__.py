"""Actors: who acts. Each actor of a document is one record with a canonical name, kind,
country, CAMEO sectors and code, the roles the text gives it, and every mention."""

from wirecoder.actors.finder import ActorFinder
from wirecoder.actors.resources import Resources, load_resources

__all__ = ["ActorFinder", "Resources", "load_resources"]
