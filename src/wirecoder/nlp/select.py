"""Which sentences the deep pass parses: those that can hold an event between actors.

A sentence qualifies when it names an actor candidate (a person, organisation, country or
nationality) or refers to one with a pronoun or a common role noun ("the minister", "he said").
"""

from __future__ import annotations

from spacy.tokens import Span

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

# Words that refer to an actor without naming it; a sentence with one may hold an event.
ACTOR_WORDS = frozenset({
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "its", "it", "president",
    "minister", "premier", "chancellor", "king", "queen", "prince", "leader", "leaders", "official",
    "officials", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "diplomat",
    "diplomats", "government", "governments", "army", "military", "troops", "soldiers", "police",
    "militants", "rebels", "insurgents", "forces", "ministry", "parliament", "court", "judge",
    "authorities", "protesters", "demonstrators", "party", "opposition", "company", "firm", "union",
    "bank", "council", "committee", "commission",
})


def needs_parse(sentence: Span, cue_words: frozenset[str] = ACTOR_WORDS) -> bool:
    """True if the sentence names an actor candidate or holds one of ``cue_words``."""
    if any(ent.label_ in ACTOR_LABELS for ent in sentence.ents):
        return True
    return any(token.lower_ in cue_words for token in sentence)
