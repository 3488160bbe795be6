"""Actors: who acts. Each actor of a document is one record with all its mentions."""

from wirecoder.actors.entities import find_actors

__all__ = ["find_actors"]
