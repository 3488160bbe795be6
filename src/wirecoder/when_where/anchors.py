"""Which time or place an event takes: the one that hangs from its trigger in the parse, else the
sentence's, else the paragraph's.

An *anchor* is a resolved time expression or place mention with the token it hangs from: walking
up the parse from the expression, the first verb or event trigger ("held talks with Bajwa in
Islamabad on Monday": both hang from "talks", the event noun). For an event, :meth:`Anchors.find`
tries, in order:

1. ``own``: anchors hanging from the trigger; for an event noun, also from its light verb ("held
   talks on Monday"); for a coordinated verb, also from the first verb ("held talks on Monday and
   signed an MoU");
2. ``sentence``: an anchor hanging from a verb above the trigger ("met X, the statement said on
   Tuesday"), else from a clause below it, but never from inside what someone said ("said that
   clashes continued on Monday in Syria" says nothing of when or where it was said), nor from
   inside a direct quote for an event outside it, or the reverse;
3. ``paragraph``: the anchor hanging from the main verb of the sentence before, in the same
   paragraph of at most :data:`MAX_PARAGRAPH` sentences (some outlets print a whole story as one
   paragraph). On bench/when_where.py carrying costs about one date and two places in 131 events
   (against not carrying at all); it is kept this narrow for that reason.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from spacy.tokens import Doc, Span, Token

T = TypeVar("T")
Level = Literal["own", "sentence", "paragraph"]
VERBAL = frozenset({"VERB", "AUX"})
BACK = 1  # sentences a paragraph's time or place reaches back
MAX_PARAGRAPH = 5  # sentences; longer "paragraphs" are unparagraphed text
QUOTED = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"")
CONTENT = frozenset({"ccomp", "xcomp", "relcl", "acl", "parataxis", "csubj"})


@dataclass(frozen=True, slots=True)
class Anchor(Generic[T]):
    """A time or place found in the text: its span, the token it hangs from and what it means."""

    start: int  # character offsets into the doc text
    end: int
    sentence: int  # token index of its sentence's start
    governor: int | None  # token index of the verb or trigger it hangs from; None if unparsed
    value: T


def governor(token: Token, triggers: set[int]) -> Token:
    """The first verb or event trigger above ``token`` (itself excluded)."""
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.pos_ in VERBAL or current.i in triggers:
            return current
    return current


def paragraphs(doc: Doc) -> dict[int, int]:
    """Sentence start -> paragraph number (paragraphs are separated by line breaks)."""
    numbers, paragraph, last_end = {}, 0, 0
    text = doc.text  # built from every token at each access: once
    for sentence in doc.sents:
        if "\n" in text[last_end:sentence.start_char]:
            paragraph += 1
        numbers[sentence.start] = paragraph
        last_end = sentence.start_char + len(sentence.text.rstrip())  # a sentence keeps its "\n\n"
    return numbers


class Anchors(Generic[T]):
    """The anchors of one doc, looked up by event trigger."""

    def __init__(self, doc: Doc, anchors: list[Anchor[T]],
                 carry_ok: Callable[[Anchor[T]], bool] | None = None) -> None:
        """``carry_ok`` says which anchors may pass to other events of the sentence or paragraph."""
        self.doc = doc
        self.quotes = [(m.start(), m.end()) for m in QUOTED.finditer(doc.text)]
        self.sentences = list(doc.sents)
        self.position = {s.start: i for i, s in enumerate(self.sentences)}
        self.paragraph_of = paragraphs(doc)
        self.paragraph_size = Counter(self.paragraph_of.values())
        self.by_sentence: dict[int, list[Anchor[T]]] = {}
        self.carried: dict[int, list[Anchor[T]]] = {}
        for anchor in sorted(anchors, key=lambda a: a.start):
            self.by_sentence.setdefault(anchor.sentence, []).append(anchor)
            if carry_ok is None or carry_ok(anchor):
                self.carried.setdefault(anchor.sentence, []).append(anchor)

    def find(self, trigger: Token, own_ok: Callable[[Anchor[T], Token], bool] | None = None
             ) -> tuple[Anchor[T], Level] | None:
        """The anchor of the event at ``trigger`` and the level it was found at; ``own_ok`` may
        refuse an anchor hanging from the trigger."""
        sentence = trigger.sent
        here = self.by_sentence.get(sentence.start, [])
        for head in _heads(trigger):
            own = [a for a in here if a.governor == head.i and (own_ok is None or own_ok(a, trigger))]
            if own:
                return own[0], "own"
        found = self._carried(sentence, trigger)
        if found is not None:
            return found, "sentence"
        paragraph = self.paragraph_of[sentence.start]
        if self.paragraph_size[paragraph] > MAX_PARAGRAPH:
            return None  # a whole story printed as one paragraph: no paragraphs to go by
        here_at = self.position[sentence.start]
        for earlier in reversed(self.sentences[max(0, here_at - BACK):here_at]):
            if self.paragraph_of.get(earlier.start) != paragraph:
                break
            found = next((a for a in self.carried.get(earlier.start, [])
                          if a.governor == earlier.root.i and not self._quoted(a.start)), None)
            if found is not None:
                return found, "paragraph"
        return None

    def _carried(self, sentence: Span, trigger: Token) -> Anchor[T] | None:
        """The anchor of ``sentence`` that ``trigger`` may take: one hanging from a verb above it
        (nearest first), else from the clauses below it but not from what was said or thought
        ("said that clashes continued in Syria": Syria is not where it was said)."""
        inside = self._quoted(trigger.idx)
        here = [a for a in self.carried.get(sentence.start, []) if self._quoted(a.start) == inside]
        if not here:
            return None
        by_governor = {a.governor: a for a in reversed(here)}
        for above in (trigger, *trigger.ancestors):
            if above.i in by_governor:
                return by_governor[above.i]
        for anchor in here:
            if anchor.governor is None or _below(self.doc[anchor.governor], trigger):
                return anchor
        return None


    def _quoted(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.quotes)


def _below(token: Token, trigger: Token) -> bool:
    """Is ``token`` under ``trigger`` with no clause of speech or thought in between."""
    current = token
    while current.i != trigger.i:
        if current.dep_ in CONTENT or current.head.i == current.i:
            return False
        current = current.head
    return True


def _heads(trigger: Token) -> list[Token]:
    """The tokens an event's own anchors may hang from (see the module doc)."""
    heads = [trigger]
    if trigger.pos_ not in VERBAL and trigger.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
        current = trigger.head
        while current.pos_ not in VERBAL and current.head.i != current.i:
            current = current.head  # "arrived on a visit": the noun's preposition's verb
        if current.pos_ in VERBAL:
            heads.append(current)
    if heads[-1].dep_ == "conj" and heads[-1].head.pos_ in VERBAL:
        heads.append(heads[-1].head)
    return heads

