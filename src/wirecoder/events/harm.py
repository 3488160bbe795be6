"""Acts of violence and the harm they did: who did them and to whom.

* a modifier names who did an act of protest, coercion or violence ("a Taliban attack", "Israeli
  air strikes", "a police raid"), not a country's name, a place or an event known by its place
  ("the Rwandan genocide");
* whoever died or was hurt in an event noun is whom it was done to ("seven women lost their lives
  in a rocket attack", "two students were killed in an Israeli air strike", "a suicide bombing
  killed 20 people"), and the act is coded once: as the noun's event when it names its own doer
  or no one, else as the verb's with the noun's code ("killed three Albanians in a gunbattle").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from wirecoder.events.lexicon import Pattern
from wirecoder.events.parties import ACTOR_OF_NOUNS, UNNAMED_NOUN_ROOTS, UNREALISED, suffered_by
from wirecoder.events.syntax import PLACING_PREPS, ActorMap, parties_in, subject

MODIFIED_BY_DOER_ROOTS = UNNAMED_NOUN_ROOTS | {"14"}
# Event nouns whose modifier says where, not who: "the Rwandan genocide", "the Syrian war", "the
# British trials" (athletics, or a court's).
NAMED_BY_PLACE = frozenset({"genocide", "war", "conflict", "crisis", "insurgency", "revolution", "uprising",
                            "trial", "trials", "holocaust", "massacre"})
# Verbs whose subject dies in an event noun ("lost their lives in a raid"), and whose passive
# subject is hurt in one ("were wounded in an air strike"; not "police injured five in a raid").
SUFFERING = frozenset({"die", "perish", "lose"})
HARMED = frozenset({"kill", "injure", "wound", "hurt", "maim", "murder", "shoot"})


def noun_victims(noun: Token) -> list[Token]:
    """Whom an event noun names as done to: its "of" complement ("the arrest of tycoons"), or who
    died in it (:func:`sufferers`; who "were killed in" it is the passive verb's, already coded)."""
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in parties_in(p)] \
        + sufferers(noun, harmed=False)


def sufferers(noun: Token, harmed: bool = True) -> list[Token]:
    """Who died or (``harmed``) was hurt in an event noun: "seven women lost their lives in a rocket
    attack", "two students were killed in an Israeli air strike"; whom the event noun killed or
    hurt: "a suicide bombing killed 20 people"."""
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in HARMED:  # "a suicide bombing killed 20 people"
        return [c for c in noun.head.children if c.dep_ == "dobj"]
    verb, lemma = noun.head.head, noun.head.head.lemma_.lower()
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "during", "from"):
        return []
    if lemma in HARMED:
        if not harmed:
            return []
        return [c for c in verb.children if c.dep_ == "nsubjpass"]
    if lemma not in SUFFERING or (lemma == "lose" and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in verb.children)):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return subjects or [t for t in subject(verb)[:1] if t is not None]


def modifier_doer(noun: Token, code: str, amap: ActorMap) -> Token | None:
    """The actor a modifier names as the doer of an event noun of protest, coercion or violence: "a
    Taliban attack", "Israeli air strikes", "a police raid", "student protests". Not a country's
    name ("the Iraq war", "Syria strikes": where or on whom), nor an act only sought or feared, nor
    one no verb reports ("vulnerable to Turkish attack", "insurance from Israeli attack")."""
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if code[:2] not in MODIFIED_BY_DOER_ROOTS or governor.lemma_.lower() in UNREALISED \
            or governor.pos_ not in ("VERB", "AUX") \
            or noun.lemma_.lower() in NAMED_BY_PLACE or amap.at(noun) is not None:  # "Massive Attack"
        return None
    for child in noun.lefts:
        actor = amap.at(child) if child.dep_ in ("compound", "amod", "nmod") else None
        if actor is None or actor.kind == "person" or not (actor.country or actor.sector):
            continue  # "the Salisbury attack": a place the parser took for a name
        if not (actor.kind == "country" and child.pos_ == "PROPN"):
            return child
    return None


def harms(noun: Token, pattern: Pattern) -> bool:
    """An event noun of violence or coercion that is the subject of an active verb of harm: "an
    Israeli air strike killed two students", "a suicide bombing killed 20 people". Its event,
    done to the verb's object, is the one to code (see :func:`sufferers`), unless only a
    deeper name says who did it ("the bombing claimed by IS killed five": the killing, by IS)."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in HARMED \
        and pattern.code[:2] in UNNAMED_NOUN_ROOTS


def named_within(noun: Token, amap: ActorMap) -> bool:
    """An actor is named in the noun's phrase, not only as where it happened ("a suicide car bombing
    in Egypt's Sinai Peninsula") nor in a clause of its own ("the bombing, claimed by IS,")."""
    outside = {t.i for c in noun.children if c.dep_ in ("acl", "relcl") or (c.dep_ == "prep"
               and c.lower_ in PLACING_PREPS) for t in c.subtree}
    return any(t.i not in outside and amap.at(t) is not None for t in noun.subtree if t.i != noun.i)


def harmed_in(noun: Token, pattern: Pattern) -> bool:
    """An event noun of violence an active verb of harm with a subject says it happened in: "Serb
    forces killed three ethnic Albanians in a gunbattle". The verb codes it (its parties, the
    noun's code)."""
    verb = noun.head.head
    return noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") and verb.lemma_.lower() in HARMED \
        and pattern.code[:2] in UNNAMED_NOUN_ROOTS and any(c.dep_ == "nsubj" for c in verb.children)


def own_doer(noun: Token, pattern: Pattern, amap: ActorMap) -> tuple[Token | None, list[Token]]:
    """Who an event noun itself names as its doer (its possessive, "by" phrase, "of" phrase of
    an act one does oneself, or a modifier: "a Taliban attack"), and whom the possessive names
    as done to instead ("Basilashvili's arrest")."""
    source_token = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source_token is not None and suffered_by(noun, pattern, amap.of_phrase(source_token)):
        return None, [source_token]
    if source_token is None:
        agent = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if agent is None and noun.lemma_.lower() in ACTOR_OF_NOUNS:  # "the resignation of Mattis",
            agent = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"  # not "a tour
                          and any(amap.of_phrase(o) for o in parties_in(c))), None)  # of Madison Avenue"
        source_token = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    return source_token or modifier_doer(noun, pattern.code, amap), []


def harm_described(verb: Token, pattern_of: Callable[[Token], Pattern | None]) -> Pattern | None:
    """The event noun of violence or coercion an active verb of harm says it happened in, or
    that did it: "Serb forces killed three ethnic Albanians in a gunbattle" (190, not 180),
    "US Predator attacks have killed eight al-Qaeda leaders". The verb keeps its parties."""
    if verb.lemma_.lower() not in HARMED:
        return None
    nouns = [c for c in verb.children if c.dep_ == "nsubj"]
    nouns += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "during")
              for o in p.children if o.dep_ == "pobj"]
    for noun in nouns:
        if (pattern := pattern_of(noun)) is not None and pattern.code[:2] in UNNAMED_NOUN_ROOTS:
            return pattern
    return None


def instrument_agent(verb: Token, amap: ActorMap,
                     pattern_of: Callable[[Token], Pattern | None]) -> tuple[Token | None, bool]:
    """Who did what a passive verb with no agent reports, when it says in what event: the
    agent of that event noun ("killed in an air strike by government forces", "in Israel's
    shelling of the town", "in a clash with Islamic State fighters"), and whether the noun
    names that agent as its own doer (not "with"), so that its event, done to the verb's
    subject (:func:`sufferers`), is the one to code."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or (pattern := pattern_of(noun)) is None:
                continue
            harmed = bool(sufferers(noun))
            if (doer := modifier_doer(noun, pattern.code, amap)) is not None:
                return doer, harmed  # "killed in an Israeli air strike"
            for child in noun.children:
                if child.dep_ == "poss":
                    return child, harmed
                if child.dep_ == "prep" and child.lower_ in ("by", "with"):
                    agent = next((c for c in child.children if c.dep_ == "pobj"), None)
                    return agent, harmed and child.lower_ == "by"
    return None, False
