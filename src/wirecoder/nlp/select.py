"""Which sentences the deep pass parses: those that can hold an event between actors.

A sentence qualifies when it names an actor candidate (a person, organisation, country or
nationality) or refers to one with a pronoun or a common role noun ("the minister", "he said"),
and holds a word that can trigger an event (any inflection of a lexicon verb or noun or of a
reporting verb: :func:`trigger_forms`) or a quotation mark.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

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
    "sides", "countries", "nations", "states", "delegations", "neighbours", "neighbors",  # "the two sides"
})


QUOTES = frozenset('"“”')


def needs_parse(sentence: Span, cue_words: frozenset[str] = ACTOR_WORDS,
                triggers: frozenset[str] | None = None) -> bool:
    """True if the sentence names an actor candidate or holds one of ``cue_words``, and (when
    ``triggers`` is given) holds one of those word forms or a quotation mark."""
    words = [token.lower_ for token in sentence]
    if triggers is not None and not any(w in triggers or w in QUOTES for w in words):
        return False
    if any(ent.label_ in ACTOR_LABELS for ent in sentence.ents):
        return True
    return any(w in cue_words for w in words)


def trigger_forms(verbs: Iterable[str], nouns: Iterable[str],
                  irregular: Mapping[str, Iterable[str]]) -> frozenset[str]:
    """Every written form of the lemmas: regular inflections ("signs", "signed", "signing",
    "stopped", "carries", "talks") and the irregular forms of ``irregular`` (form -> lemmas, as the
    model's lemmatizer tables give them: "met" -> meet, "held" -> hold)."""
    forms: set[str] = set()
    verbs, nouns = set(verbs), set(nouns)
    for lemma in verbs:
        forms.update({lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing",
                      lemma + lemma[-1:] + "ed", lemma + lemma[-1:] + "ing"})
        if lemma.endswith("e"):
            forms.add(lemma[:-1] + "ing")
        if lemma.endswith("y"):
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    for lemma in nouns:
        forms.update({lemma, lemma + "s", lemma + "es"})
        if lemma.endswith("y"):
            forms.add(lemma[:-1] + "ies")
    lemmas = verbs | nouns
    forms.update(form for form, found in irregular.items() if lemmas & set(found))
    return frozenset(forms)
