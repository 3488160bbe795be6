"""Modality of a trigger: negated, hypothetical, or an intention or threat rather than an act.

"did not sign" is negated; "if", "whether", "could", "might", a question are hypothetical;
"will sign", "plans to", "is willing to", "vowed to" make it an intention (CAMEO 03x),
"threatened to" a threat (13x), mapped by ``cameo_intent.tsv``; "refused to", "declined to" a
rejection (12x, ``cameo_refusal.tsv``); "failed to" negates; "rarely", "usually" a rule of
conduct, which is no event. What is asked for ("called for sanctions", "a request to interrogate")
or judged ("accused Israel of attacking") is not coded as done.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from wirecoder.events.lexicon import Lexicon

INTENT_HEADS = frozenset({"plan", "intend", "want", "willing", "ready", "prepared", "vow", "pledge",
                          "promise", "offer", "seek", "aim", "expect", "hope", "determined", "committed",
                          "agree", "decide", "resolve", "propose", "eager", "keen", "wish"})
THREAT_HEADS = frozenset({"threaten", "warn"})
REFUSAL_HEADS = frozenset({"refuse", "decline"})  # "refused to release": a rejection (12x), cameo_refusal.tsv
FAILURE_HEADS = frozenset({"fail"})  # "failed to reach agreement": it did not happen
FUTURE = frozenset({"will", "shall", "'ll", "wo"})
POSSIBLE = frozenset({"could", "might", "may", "would", "should", "can"})
CONDITIONS = frozenset({"if", "unless", "whether", "lest"})
DEONTIC = frozenset({"must", "should", "ought"})
# Verbs of asking: what they ask for has not happened ("called for sanctions", "sought talks").
APPEALED = frozenset({"call", "urge", "demand", "seek", "request", "press", "push", "ask", "plead", "lobby",
                      "campaign", "want"})
# Verbs that judge someone for an act: the act is what the judgement is about, alleged or not
# ("accused Israel of attacking", "criticised the US for sending warships"), not coded apart.
JUDGING = frozenset({"accuse", "blame", "criticise", "criticize", "condemn", "denounce", "praise", "thank",
                     "commend", "congratulate", "applaud", "hail", "fault", "rebuke", "slam", "charge",
                     "sue"})
APPEAL_NOUNS = frozenset({"request", "appeal", "plea", "call", "demand", "ultimatum", "pressure"})
# "Both countries rarely disclose ...", "the army usually consults ...": what is (not) done as a rule,
# no event. Repeated acts that did happen ("soldiers routinely beat detainees") are coded.
HABITUAL = frozenset({"rarely", "seldom", "usually", "typically", "traditionally", "generally", "normally"})


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    intent: bool = False
    threat: bool = False
    refused: bool = False  # "refused to meet", "declined to resign"
    obligation: bool = False  # "must", "should", "has to": what someone is told to do
    habitual: bool = False  # "rarely", "usually": what someone does as a rule, no one event


# Nouns that govern an infinitive as their verbs do: "the Russian refusal to make concessions",
# "Iran's threat to close the strait", "the decision to withdraw troops".
NOUN_GOVERNORS = {"refusal": "refuse", "threat": "threaten", "warning": "warn", "plan": "plan",
                  "pledge": "pledge", "promise": "promise", "vow": "vow", "offer": "offer",
                  "decision": "decide", "agreement": "agree", "willingness": "willing", "readiness": "ready",
                  "intention": "intend", "commitment": "committed", "failure": "fail", "bid": "seek"}


def _governor(token: Token) -> Token | None:
    """The word an infinitive depends on: "vowed" in "vowed to attack", "willing" in "is willing to",
    "refusal" in "the refusal to negotiate"; a coordinated verb shares its first conjunct's
    ("willing to strengthen X and strengthen Y")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    if token.dep_ == "xcomp" and token.head != token:
        return token.head
    if token.dep_ == "acl" and token.head.lemma_.lower() in NOUN_GOVERNORS \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return token.head
    return None


def modality(trigger: Token, threat: bool = False) -> Modality:
    """The trigger's modality; ``threat`` when it is what someone warned they would do."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    chain = [verb]
    while (head := _governor(chain[-1])) is not None and len(chain) < 4:
        chain.append(head)
    governors = {NOUN_GOVERNORS.get(t.lemma_.lower(), t.lemma_.lower()) for t in chain[1:]}
    negated = any(c.dep_ == "neg" for t in chain for c in t.children) or bool(governors & FAILURE_HEADS)
    refused = bool(governors & REFUSAL_HEADS)
    sentence = trigger.sent
    conditional = any(c.dep_ == "mark" and c.lower_ in CONDITIONS for t in chain for c in t.children)
    question = sentence.text.rstrip().endswith("?")
    reported = chain[-1].dep_ == "ccomp"  # "said it would allow inspectors": future in the past
    future = bool(auxes & FUTURE) or (reported and "would" in auxes)
    possible = auxes & POSSIBLE - {"can"} - ({"would"} if reported else set())
    hypothetical = conditional or question or bool(possible)
    threat = threat or bool(governors & THREAT_HEADS)
    intent = not threat and not refused and (future or bool(governors & INTENT_HEADS))
    obligation = bool(auxes & DEONTIC) or bool(governors & {"have", "need"})
    habitual = any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in verb.children)
    return Modality(negated=negated, hypothetical=(hypothetical or obligation) and not intent, intent=intent,
                    threat=threat, refused=refused, obligation=obligation, habitual=habitual)


def modal_code(code: str, mood: Modality, lexicon: Lexicon) -> str:
    """The code of an intended, threatened or refused act: "will meet" 036, "threatened to attack" 138,
    "refused to meet" 125. A refused act with no refusal code keeps its code (and is negated)."""
    table = lexicon.refusal if mood.refused else lexicon.threat if mood.threat \
        else lexicon.intent if mood.intent else {}
    for length in (4, 3, 2):  # the most specific row: "0871" before "087" before "08"
        if code[:length] in table:
            return table[code[:length]]
    return code


def judged_or_asked(verb: Token) -> bool:
    """An act someone is judged for ("accused Israel of attacking its ships") or that is only asked
    for ("North Korea's demand to sever the alliance"): what the accusation or the demand is about."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("for", "of"):
        return verb.head.head.lemma_.lower() in JUDGING
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in APPEALED | APPEAL_NOUNS


def asked_for(noun: Token) -> bool:
    """An event noun only asked for: "called for sanctions against Nigeria", "sought talks"; not
    "called the investigation a witch hunt" (naming it)."""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ == "pobj":
        return noun.head.lower_ == "for" and head.lemma_.lower() in APPEALED
    return noun.dep_ == "dobj" and head.lemma_.lower() in APPEALED - {"call"}
