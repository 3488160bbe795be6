"""Events: CAMEO-coded events with source, target, evidence, modality and attribution; quotes."""

from wirecoder.events.coder import EventCoder
from wirecoder.events.lexicon import Lexicon, load_lexicon

__all__ = ["EventCoder", "Lexicon", "load_lexicon"]
