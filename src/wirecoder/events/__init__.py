"""Events: CAMEO-coded events with source, target and evidence; direct quotes."""

from wirecoder.events.coder import code_events
from wirecoder.events.quotes import find_quotes

__all__ = ["code_events", "find_quotes"]
