"""Reported speech, direct quotes and who a report relies on.

* "A said (that) ..." — A is the speaker of the content clause; events in it keep their own source
  and are attributed to A; if it holds none, A's own statement is the event.
* A direct quote followed by "he said" or preceded by "X said:" gets that speaker (pronouns go to
  the last person named); "the ministry quoted Wei as saying" and "Alvi was quoted as saying by
  the PLA Daily" give the speaker and an intermediary, which becomes the events' ``attribution``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from wirecoder.events.lexicon import Lexicon, Reporting
from wirecoder.events.syntax import ActorMap, bare_participle, subject
from wirecoder.records import Actor, Quote

_QUOTED = re.compile(r'"(?P<a>[^"]{8,}?)"|“(?P<b>[^”]{8,}?)”')
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
NAMING = Reporting("call", "say", "010")
# Dependencies of what tells about a party of a report, not the report itself (see asserted).
MODIFYING = frozenset({"relcl", "acl", "appos"})
NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


@dataclass(frozen=True, slots=True)
class Speech:
    """A reporting verb, its speaker, the intermediary and the tokens of what was said."""

    verb: Token
    kind: Reporting
    speaker: Actor | None
    via: Actor | None
    content: frozenset[int]
    addressee: Actor | None


def reporting_in(sentence: Span, amap: ActorMap, lexicon: Lexicon) -> list[Speech]:
    """Reporting verbs that report something: a clause below them, or a quote in the sentence
    ("rejected the proposal" and "called off the strike" are acts, coded by the lexicon)."""
    quoted = '"' in sentence.text or "“" in sentence.text or "”" in sentence.text
    found = []
    for verb in sentence:
        entry = lexicon.reporting.get(verb.lemma_.lower())
        if entry is None or verb.pos_ not in ("VERB", "AUX"):
            continue
        if (entry := _call_sense(verb, entry)) is None:
            continue
        speech = _speech(verb, entry, amap)
        if speech.content or quoted or entry.kind == "quote":
            found.append(speech)
    return found


def _call_sense(verb: Token, entry: Reporting) -> Reporting | None:
    """"call" names as well as appeals: "calling it an aggression on Iraq" is a statement, "a
    programme called 'Learning Together'" no speech at all; "called on X to", "called for" appeal."""
    if verb.lemma_.lower() != "call":
        return entry
    deps = [c.dep_ for c in verb.children]
    naming = "oprd" in deps or "attr" in deps or deps.count("dobj") + deps.count("dative") >= 2
    if not naming or any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") for c in verb.children):
        return entry
    if verb.dep_ in ("acl", "advcl") and not {"aux", "auxpass", "nsubj", "dobj"} & set(deps):
        return None
    return NAMING


def _speech(verb: Token, entry: Reporting, amap: ActorMap) -> Speech:
    token, _ = subject(verb)
    stranded = _stranded_speaker(verb)
    if stranded is not None:  # "... a disaster, the Syrian Observatory for Human Rights, or SOHR, said"
        left_out = {t.i for t in verb.subtree} | {t.i for t in stranded.subtree}
        content = frozenset(t.i for t in verb.head.subtree if t.i not in left_out)
        return Speech(verb, entry, next(iter(amap.of_phrase(stranded)), None), None, content, None)
    subjects = amap.of_phrase(token)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [  # "called on/upon X to"
        o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
        for o in c.children if o.dep_ == "pobj"]
    addressee = next((a for c in objects for a in amap.of_phrase(c)), None)
    if entry.kind == "quote":  # "X quoted Y as saying": Y speaks, X relays
        subject_passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject_passive is None:
            return Speech(verb, entry, addressee, subjects[0] if subjects else None, _content(verb), None)
        speaker = next(iter(amap.of_phrase(subject_passive)), None)
        return Speech(verb, entry, speaker, _by_whom(verb, amap), _content(verb), None)
    speaker = subjects[0] if subjects else None
    return Speech(verb, entry, speaker, None, _content(verb), addressee)


def _stranded_speaker(verb: Token) -> Token | None:
    """The speaker the parser hung on the reported clause's last noun as an apposition: in "... may
    lead to a disaster, the Syrian Observatory for Human Rights, or SOHR, said", "said" is a
    conjunct of "lead" with no subject, and the Observatory an apposition to "disaster"."""
    if verb.dep_ not in ("conj", "parataxis", "ccomp") or verb.head.i > verb.i or verb.i < 2 \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    doc = verb.doc
    token = doc[verb.i - 2] if doc[verb.i - 1].text == "," else doc[verb.i - 1]
    while token.dep_ in ("conj", "cc", "pobj", "prep", "compound", "punct") and token.head.i < token.i:
        token = token.head
    if token.dep_ != "appos" or token.right_edge.i < verb.i - 2:
        return None
    return token


def _by_whom(verb: Token, amap: ActorMap) -> Actor | None:
    """The intermediary of a passive "was quoted as saying by the PLA Daily", wherever "by" hangs."""
    for token in verb.subtree:
        if token.lower_ == "by" and token.dep_ in ("agent", "prep"):
            pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
            if pobj is not None and (found := amap.of_phrase(pobj)):
                return found[0]
    return None


def _content(verb: Token) -> frozenset[int]:
    """What was said: the clause(s) the verb governs; for "X, he said" the clause it hangs on (not
    for "X declared a siege, a spokeswoman said": a verb with an object is no parenthetical)."""
    tokens: set[int] = set()
    for child in verb.children:
        if child.dep_ in CONTENT_DEPS or (child.dep_ == "advcl" and child.lower_ == "saying"):
            tokens.update(t.i for t in child.subtree)
    parenthetical = not any(c.dep_ in ("dobj", "attr", "oprd") for c in verb.children)
    if not tokens and parenthetical and verb.dep_ in ("parataxis", "ccomp") and verb.head != verb:
        own = {t.i for t in verb.subtree}
        tokens.update(t.i for t in verb.head.subtree if t.i not in own)
    return frozenset(tokens)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int
    end: int
    speaker: Actor | None
    via: Actor | None


def find_quotes(doc: Doc, amap: ActorMap, lexicon: Lexicon) -> list[QuoteSpan]:
    """Direct quotes of four words or more, with the speaker and intermediary named next to them."""
    found = []
    starts = [t.idx for t in doc]
    text = doc.text  # built from every token at each access: once
    for match in _QUOTED.finditer(text):
        group = "a" if match.group("a") is not None else "b"
        start, end = match.start(group), match.end(group)
        if len(text[start:end].split()) < 4:
            continue
        first, last = doc[_token_at(starts, start)], doc[_token_at(starts, min(end, len(text) - 1))]
        speaker, via = _quote_speaker(first, last, start, end, amap, lexicon)
        found.append(QuoteSpan(start, end, speaker, via))
    return found


def _token_at(starts: list[int], char: int) -> int:
    """The index of the token that holds character ``char``."""
    return max(bisect_right(starts, char) - 1, 0)


def _quote_speaker(first: Token, last: Token, start: int, end: int, amap: ActorMap,
                   lexicon: Lexicon) -> tuple[Actor | None, Actor | None]:
    """The speaker named in the sentence that closes the quote, or opens it, or just before it."""
    doc = first.doc
    candidates: list[Span] = [last.sent, first.sent]
    if first.sent.start > 0:
        candidates.append(doc[first.sent.start - 1].sent)  # "X said:" before the quote
    for sentence in candidates:
        for speech in reporting_in(sentence, amap, lexicon):
            inside = start <= speech.verb.idx < end
            if not inside and speech.speaker is not None:
                return speech.speaker, speech.via
    return None, None


def quote_records(doc: Doc, quotes: list[QuoteSpan]) -> list[Quote]:
    text = doc.text
    return [Quote(speaker=q.speaker.id if q.speaker else None, text=text[q.start:q.end], start=q.start,
                  end=q.end) for q in quotes]


def asserted(trigger: Token, speech: Speech) -> bool:
    """Is the act what the speaker reports, not a fact about someone the report is about, told in a
    relative or participle clause ("says two journalists who were abducted in June are alive") or
    inside a noun phrase ("Offers to help refugees evicted from the church are coming")?"""
    if trigger.i not in speech.content:
        return False
    above = [t for t in trigger.ancestors if t.i in speech.content]
    return not (trigger.dep_ in MODIFYING or bare_participle(trigger)
                or any(t.dep_ in MODIFYING or t.dep_ in NOMINAL for t in above))


def tells_of_unnamed_force(speech: Speech, force: Container[str]) -> bool:
    """Does the speaker only tell of force used by no one named ("Four men have been charged with
    murder, authorities said", "Two pedestrians were killed ..., police said")? That is someone's
    act, so not the speaker's statement event, though the parser gives it no source. Not what may or
    should be done ("hostages could be freed"), nor what goes on ("are being held")."""
    content = [speech.verb.doc[i] for i in sorted(speech.content)]
    heads = [t for t in content
             if t.pos_ in ("VERB", "AUX") and (t.head.i not in speech.content or t.head == t)]
    return bool(heads) and all(_forced_by_no_one(head, force) for head in heads)


def _forced_by_no_one(verb: Token, force: Container[str]) -> bool:
    deps = {c.dep_ for c in verb.children}
    done = verb.tag_ == "VBN" and not any(c.tag_ in ("MD", "VBG", "TO") or c.lower_ in ("am", "is", "are")
                                          for c in verb.children if c.dep_ in ("aux", "auxpass"))
    return done and "auxpass" in deps and "agent" not in deps and verb.lemma_.lower() in force


def same_side(actor: Actor, speaker: Actor) -> bool:
    """The speaker's own country, or (neither having one) a body of the speaker's sector: "the
    administration is committed", quoted from a minister. Not any two actors of no country."""
    if actor.country is not None or speaker.country is not None:
        return actor.country == speaker.country
    return actor.sector is not None and actor.sector == speaker.sector
