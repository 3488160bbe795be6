"""Who the other party of an event is, and when an event has none.

* each source with each target; "X and Y signed a treaty" with no other party is reciprocal, "X and Y
  condemned the move" is not (unless "each other");
* with no target found, the one actor of another country in the trigger's complements;
* an event with no target at all only when no other actor could be the target: its clause names
  none (places aside, and the adverbial and relative clauses hanging from a main clause), or the
  act is one usually reported alone and its complements name none;
* "the two sides", "both countries": the pair of countries the article's last such event was between;
* the source's own troops or envoys it sends or withdraws are no target ("withdrew its troops from
  Syria"), and a person in the possessive of an arrest or a killing is its target ("his arrest");
* an arrest, a sentence or an act of violence a passive verb reports without naming who did it
  ("was arrested", "were killed") has an unnamed source of the kind the act implies (police, a
  court, authorities, attackers), and only when it names whom it was done to; so has an event
  noun of coercion or violence with its victim and no agent ("the arrest of tycoons").
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from wirecoder.events.lexicon import Pattern
from wirecoder.events.merge import Found
from wirecoder.events.modality import APPEALED
from wirecoder.events.syntax import MEMORIALS, TARGET_PREPS, ActorMap, parties_in
from wirecoder.records import Actor

# Clauses hanging from another whose actors take no part in its events (see clause_of).
OTHER_CLAUSES = frozenset({"advcl", "relcl", "acl", "parataxis"})
PLACE_PREPS = frozenset({"in", "at", "near", "from", "inside", "across", "throughout", "outside"})
# Acts often reported with no counterpart ("demonstrators rallied", "lifted the curfew", "declined
# to resign"): coded without a target when none of the trigger's complements names an actor.
MONADIC = frozenset({"01", "03", "08", "09", "10", "11", "12", "13", "14", "15", "17", "18", "19", "20"})
# Acts that two sources named together do with each other: "X and Y agreed / met / signed / clashed"
RECIPROCAL = frozenset({"03", "04", "05", "06", "08", "19"})
# "the two sides signed", "both countries agreed": the parties of the article's last bilateral event
DYAD_HEADS = frozenset({"side", "country", "nation", "leader", "minister", "government", "delegation",
                        "official", "president", "army", "military", "neighbour", "neighbor", "state"})
# Object heads of verb rows that name people a source sends, deploys or withdraws.
MOVED_PEOPLE = frozenset({
    "troop", "troops", "soldier", "soldiers", "force", "forces", "army", "military", "unit", "units",
    "battalion", "battalions", "brigade", "brigades", "division", "marine", "marines", "contingent", "police",
    "officer", "officers", "policeman", "policemen", "guard", "guards", "envoy", "envoys", "ambassador",
    "ambassadors", "diplomat", "diplomats", "delegation", "delegations", "mission", "peacekeeper",
    "peacekeepers", "inspector", "inspectors", "observer", "observers", "monitor", "monitors", "worker",
    "workers", "volunteer", "volunteers", "staff", "personnel", "fighter", "fighters", "militia", "militias",
    "operator", "operators", "reservist", "reservists"})
# Event nouns whose possessor is the one it is done to ("his arrest", "Khashoggi's murder").
SUFFERED_ROOTS = frozenset({"17", "18"})
SUFFERED_CODES = frozenset({"0841", "063", "116"})  # release of persons, extradition, sentence


# Who does an act that is reported without its agent: the longest code prefix decides.
IMPLIED_AGENTS: dict[str, tuple[str, str | None] | None] = {
    "173": ("unnamed police", "COP"),  # arrest, detain, charge
    "116": ("unnamed court", "JUD"),  # find guilty, fine
    "170": None,  # "was forced off with an injury": coercion of no kind named
    "17": ("unnamed authorities", "GOV"),  # other coercion: deport, ban, seize, repress
    "18": ("unnamed attackers", None),
    "19": ("unnamed attackers", None),
    "20": ("unnamed attackers", None),
}
# Verbs whose unnamed doer is a court, whatever their code: "was sentenced to seven years" (173) is
# no act of the police.
COURT_ACTS = frozenset({"sentence"})
# What kills or destroys with no one doing it: "were killed following a massive earthquake".
NATURAL_CAUSES = frozenset({
    "earthquake", "quake", "tsunami", "flood", "flooding", "storm", "hurricane", "typhoon", "cyclone",
    "tornado", "avalanche", "landslide", "mudslide", "eruption", "fire", "blaze", "wildfire", "heatwave",
    "drought", "crash", "accident", "collision", "derailment", "stampede", "collapse", "explosion",
    "disaster", "outbreak", "epidemic", "pandemic", "disease", "illness", "virus", "lightning"})

# Event nouns of acts with no one they are done to, whose "of" names who acts: "the resignation of
# Mattis", "the visit of the Chinese president to Nepal", "the withdrawal of US troops".
ACTOR_OF_NOUNS = frozenset({"visit", "trip", "tour", "resignation", "retreat", "surrender", "withdrawal",
                            "arrival", "departure", "defection"})
# Sectors: of bodies of states; of a state; of those who fight or oppose one; that speak for one.
INTERNATIONAL = frozenset({"IGO", "NGO"})
STATE = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})
NON_STATE = frozenset({"REB", "INS", "OPP", "SEP", "UAF"})
OFFICIAL = frozenset({"GOV", "IGO"})
# Event nouns that, with no agent, may take an unnamed one: coercion and violence. A sentence (116)
# is also a state: "approaching the end of his sentence".
UNNAMED_NOUN_ROOTS = frozenset({"17", "18", "19", "20"})
# Verbs whose object is an act that has not happened: "sought the arrest of", "feared the killing of".
UNREALISED = APPEALED | frozenset({"threaten", "fear", "face", "risk", "avoid", "evade", "escape",
                                   "resist", "prevent", "stop", "block", "plan", "warrant", "deny", "order",
                                   "authorize", "authorise", "approve", "support", "justify"})
# What an attack is made with, not by whom: "a rocket attack", "a car bomb", "the knife attack on".
INSTRUMENTS = frozenset({"rocket", "mortar", "missile", "bomb", "grenade", "artillery", "drone", "air",
                         "suicide", "car", "truck", "knife", "gun", "acid", "arson", "chemical", "gas",
                         "shell", "tank", "sniper", "terror", "terrorist", "hit", "mob", "mass", "revenge",
                         "roadside", "landmine", "mine", "minefield", "parcel", "letter", "nail", "barrel"})
# What a passive's "by" may name instead of who used it: "killed by an improvised explosive device".
WEAPONS = INSTRUMENTS | frozenset({"device", "explosive", "explosives", "ied", "mine", "mines", "landmine",
                                   "bullet", "bullets", "gunfire", "shells", "rockets", "missiles", "bombs",
                                   "shrapnel", "grenades"})
# What makes an explosion or a fire someone's doing: "a car bomb explosion", "a rocket fire".
BOMBS = frozenset({"bomb", "car", "suicide", "grenade", "rocket", "mortar", "missile", "drone", "terror",
                   "terrorist", "ied", "arson"})


def implied_agent(code: str, lemma: str = "") -> Actor | None:
    """The unnamed source of an act reported without its agent ("was arrested": police), or None
    for acts whose doer cannot be assumed (statements, visits, aid, ...). Its id starts "implied:";
    it has no mention in the text."""
    key = next((k for k in (code[:3], code[:2]) if k in IMPLIED_AGENTS), None)
    found = IMPLIED_AGENTS["116"] if lemma in COURT_ACTS else IMPLIED_AGENTS[key] if key is not None else None
    if found is None:
        return None
    name, sector = found
    return Actor(id=f"implied:{name.split()[-1]}", name=name, kind="group", sector=sector,
                 sectors=(sector,) if sector else ())


def is_implied(actor: Actor) -> bool:
    """One of the unnamed sources of :func:`implied_agent`."""
    return actor.id.startswith("implied:")


def natural_cause(verb: Token) -> bool:
    """The verb says a disaster or an accident did it: "were killed in the earthquake", "died
    ... injured in a crash", "killed following a massive underwater earthquake", "have been killed
    after Typhoon Mitag lashed South Korea"."""
    return any(c.dep_ == "prep" and o.dep_ == "pobj" and _disaster(o)
               and not any(m.lemma_.lower() in BOMBS for m in o.children)  # "a car bomb explosion"
               for c in verb.children for o in c.children) \
        or any(c.dep_ == "advcl" and o.dep_ == "nsubj" and _disaster(o)  # on "killed and ... missing" too
               for v in (verb, *verb.conjuncts) for c in v.children for o in c.children)


def _disaster(noun: Token) -> bool:
    return noun.lemma_.lower() in NATURAL_CAUSES or any(  # "Typhoon Mitag"
        c.dep_ == "compound" and c.lemma_.lower() in NATURAL_CAUSES for c in noun.children)


def done_by_no_one_named(noun: Token, code: str, acts: AbstractSet[str], amap: ActorMap) -> bool:
    """An event noun of coercion or violence whose doer the text names nowhere near it: not a
    title ("Attack of the Clones"), a disaster's work, an act only sought, feared or ordered
    ("called for the arrest of", "order detention of UK citizens"), nor one a modifier names
    the doer of ("the police killing of", "an American airstrike"; ``acts``: the modifiers that
    name another act or the row's own, as "kidnap" in "the kidnap-murder of")."""
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if code[:2] not in UNNAMED_NOUN_ROOTS or noun.pos_ != "NOUN" or natural_cause(noun) \
            or governor.lemma_.lower() in UNREALISED:
        return False
    for child in noun.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "compound" and lemma not in acts and lemma not in INSTRUMENTS:
            return False
        if child.dep_ in ("amod", "nmod") and amap.at(child) is not None:
            return False
        if child.dep_ == "prep" and child.lower_ == "with" \
                and any(amap.of_phrase(o) for o in parties_in(child)):
            return False  # "killed in a clash with Islamic State fighters": they fought
    return True


def pairs(sources: list[Actor], targets: list[Actor], alone: bool, code: str,
          mutual: bool = False) -> list[tuple[Actor, Actor | None]]:
    """Source-target pairs: each source with each target; "X and Y signed a treaty" with no other
    party is reciprocal (X with Y, Y with X) when the act is one done together (RECIPROCAL roots;
    "X and Y condemned the move" is not) or ``mutual`` ("accuse each other"). A source acts with
    no target ("protesters rallied") only if ``alone`` (see :func:`may_stand_alone`): else the
    target is there but not found."""
    if targets:
        return [(s, t) for s in sources for t in targets if t.id != s.id]
    if len(sources) > 1 and (code[:2] in RECIPROCAL or mutual):
        return [(s, t) for s in sources for t in sources if t.id != s.id]
    return [(s, None) for s in sources] if alone else []


def alone(trigger: Token, sources: list[Actor], amap: ActorMap) -> bool:
    """No other actor in the trigger's clause could be the target: those named only as the place of
    something ("in Kabul, capital of Afghanistan") do not count, nor those of another clause (see
    :func:`clause_of`: "As Americans head to the polls, Obama conducts meetings")."""
    ids = {s.id for s in sources}
    for token in clause_of(trigger):
        actor = amap.by_token.get(token.i)
        if actor is None or actor.id in ids or placed(token):
            continue
        return False
    return True


def clause_of(trigger: Token) -> list[Token]:
    """The tokens that may name a trigger's other party: of a main clause, all but the clauses
    hanging from it (adverbial, relative and participle clauses, parentheticals: in "As Americans
    head to the polls, Obama conducts meetings" and "rescued hostages being held by rebels", the
    Americans and the rebels take no part) and an apposition to its subject, which is the subject
    again ("said Takashi Yamanaka, an economist with UFJ Bank"); of any other, the whole sentence,
    since a subordinate clause shares its parties with the clause above ("a supplier to Pakistan,
    providing jets")."""
    head = trigger
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    while head.dep_ == "conj" and head.head != head:  # "met X ... and signed": one clause
        head = head.head
    if head.dep_ != "ROOT":
        return list(trigger.sent)
    tokens: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(c for c in token.children if c.dep_ not in OTHER_CLAUSES
                     and not (c.dep_ == "appos" and token.dep_ in ("nsubj", "nsubjpass")))
    return tokens


def placed(token: Token) -> bool:
    for ancestor in [token, *token.ancestors][:4]:
        if ancestor.dep_ == "pobj" and ancestor.head.lower_ in PLACE_PREPS:
            return True
    return False


def complements(trigger: Token) -> list[Token]:
    """Where a trigger's other party may be named: its objects, prepositional and clausal complements,
    not its adverbials ("during his meeting with X" is not the party of "exchanged views")."""
    return [c for c in trigger.children
            if c.dep_ in ("dobj", "dative", "attr", "xcomp", "ccomp", "pobj")
            or (c.dep_ == "prep" and c.lower_ in TARGET_PREPS)]


def prefer_foreign(actors: list[Actor], source: Actor) -> Actor | None:
    """Of the actors in what was said, one of another country than the speaker's, else any other."""
    others = [a for a in actors if a.id != source.id]
    foreign = [a for a in others if a.country and a.country != source.country]
    return next(iter(foreign or others), None)


def other_party(trigger: Token, sources: list[Actor], amap: ActorMap) -> list[Actor]:
    """No direct target: the one actor of another country in the trigger's phrase ("called for
    scaling up the ties between China and Pakistan" by a Chinese minister: Pakistan)."""
    countries = {s.country for s in sources}
    seen = [a for c in complements(trigger) if c.lemma_.lower() not in MEMORIALS  # "the tomb of Arafat"
            for a in amap.in_subtree(c) if a not in sources and a.country and a.country not in countries]
    unique = {a.country for a in seen}
    return [seen[0]] if len(unique) == 1 else []


def official_protest(code: str, sources: list[Actor]) -> str:
    """A government's protest is an official complaint (114), not political dissent (140): "Turkey
    summoned the German ambassador to protest", "the foreign ministry protested"."""
    if code == "140" and sources and all(s.kind == "country" or s.sector in OFFICIAL for s in sources):
        return "114"
    return code


def may_stand_alone(trigger: Token, code: str, sources: list[Actor], amap: ActorMap) -> bool:
    """May the event have no target: no one else in the sentence could be it, or the act is one
    usually reported alone and the trigger's complements name no one else."""
    if alone(trigger, sources, amap):
        return True
    return code[:2] in MONADIC and not any(a not in sources for c in complements(trigger)
                                           for a in amap.in_phrase(c))


def dyad(token: Token | None, latest_first: Iterable[Found]) -> tuple[Actor, Actor] | None:
    """"The two sides", "both countries", "the two ministers": the source and target of the
    article's last event between actors of two different countries, if the phrase is one."""
    if token is None or token.lemma_.lower() not in DYAD_HEADS:
        return None
    if not any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "preconj")
               for c in token.children):
        return None
    for earlier in latest_first:
        source, target = earlier.source, earlier.target
        if target is not None and source.country and target.country and source.country != target.country:
            return source, target
    return None


def mutual(trigger: Token) -> bool:
    """The trigger's complement is "each other" or "one another"."""
    near = [t for c in trigger.children for t in (c, *c.children)]
    return any(t.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in t.children)
               for t in near)


def own_people(token: Token, pattern: Pattern, sources: list[Actor], amap: ActorMap) -> bool:
    """The source's own people that a verb row moves ("sent troops to Mali", "withdrew its
    troops from Syria", "recalled its ambassador"): not the target; a foreign one is ("expelled
    Russian diplomats")."""
    lemma = token.lemma_.lower()
    moving = lemma in pattern.objects or pattern.code[:2] == "15"  # "deployed fighters", "troops on alert"
    if token.dep_ != "dobj" or not moving or lemma not in MOVED_PEOPLE:
        return False
    countries = {s.country for s in sources}
    return all((a.country is None and a.sector not in INTERNATIONAL)  # "its troops"; not "the EU envoy"
               or (a.country in countries and not any(_opposed(a, s) for s in sources))
               for a in amap.of_phrase(token))


def _opposed(one: Actor, other: Actor) -> bool:
    """A state's people and an armed group or opposition of the same country are two sides: "the
    Taliban released 20 Afghan soldiers" (not their own)."""
    sectors = {one.sector, other.sector}
    return bool(sectors & STATE) and bool(sectors & NON_STATE)


def suffered_by(noun: Token, pattern: Pattern, possessors: list[Actor]) -> bool:
    """Is a person in the possessive the one the act was done to: "Basilashvili's arrest",
    "Khashoggi's murder", "Assange's extradition" (coercion, violence, release, extradition with no
    "of"/"on"/"against" phrase naming someone else; "Wei's visit" and "the army's arrest of
    activists" are the possessor's acts)."""
    if not possessors or any(a.kind != "person" for a in possessors):
        return False
    if pattern.code[:2] not in SUFFERED_ROOTS and pattern.code not in SUFFERED_CODES:
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("of", "on", "against") for c in noun.children)
