"""The event coder: triggers from the lexicon, roles from the parse, speech, modality, merging.

For every parsed sentence (in a sports story, not the words that name the game: :mod:`.contest`):

1. reporting verbs and what they govern (:mod:`.speech`);
2. each verb or noun trigger of the lexicon (:mod:`.lexicon`) gets a source and a target
   (:mod:`.syntax`, :mod:`.parties`, for acts of violence :mod:`.harm`); inside a quote, "we", "I"
   or the speaker's own country stand for the speaker; inside reported speech the event is
   attributed to the speaker;
3. a reporting verb whose content holds no event is its speaker's own statement event, and one
   whose content says another actor must act is a demand of it;
4. modality turns acts into intentions or threats, or marks them negated or hypothetical.

Then a definite event noun with no parties ("the new MoU") is one more mention of the last event
of that code. The reports go on to the when_where stage; :mod:`.merge` then makes one event of
each real event.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import chain

from spacy.tokens import Doc, Span, Token

from wirecoder.events.contest import CONTEST_SENSES, sports_story
from wirecoder.events.harm import (
    harm_described,
    harmed_in,
    harms,
    instrument_agent,
    named_within,
    noun_victims,
    own_doer,
    sufferers,
)
from wirecoder.events.lexicon import NOT_AN_EVENT, Lexicon, Pattern
from wirecoder.events.merge import Found
from wirecoder.events.modality import Modality, asked_for, judged_or_asked, modal_code, modality
from wirecoder.events.parties import (
    ACTOR_OF_NOUNS,
    UNNAMED_NOUN_ROOTS,
    WEAPONS,
    alone,
    done_by_no_one_named,
    dyad,
    implied_agent,
    is_implied,
    may_stand_alone,
    mutual,
    natural_cause,
    official_protest,
    other_party,
    own_people,
    pairs,
    prefer_foreign,
)
from wirecoder.events.speech import (
    QuoteSpan,
    Speech,
    asserted,
    find_quotes,
    quote_records,
    reporting_in,
    same_side,
    tells_of_unnamed_force,
)
from wirecoder.events.syntax import (
    PLACING_PREPS,
    ActorMap,
    bare_participle,
    named_as,
    object_words,
    parties_in,
    passive_patient,
    subject,
    targets,
)
from wirecoder.nlp import parsed_sentences
from wirecoder.records import Actor, Quote

SELF = frozenset({"we", "i", "us", "our", "my", "ourselves"})
PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "i"})
LIGHT_VERBS = frozenset({"hold", "have", "pay", "make", "conduct", "launch", "stage", "carry", "begin",
                         "start", "complete", "continue", "resume", "open", "host", "attend", "join", "lead",
                         "end", "finish", "wrap", "undertake", "mount", "take"})
# Verbs whose subject does what their object names ("ordered air strikes", "sent aid", "reached a
# deal"); after any other verb the object is someone else's act ("condemned the attack", "welcomed
# the visit", "opposed the sanctions").
DOING_VERBS = LIGHT_VERBS | frozenset({
    "announce", "order", "authorize", "authorise", "approve", "declare", "unveil", "propose", "offer", "plan",
    "wage", "pursue", "organise", "organize", "unleash", "send", "provide", "give", "deliver", "extend",
    "grant", "reach", "strike", "seal", "clinch", "conclude", "issue", "lodge", "file", "step", "intensify",
    "escalate", "expand", "renew", "initiate", "perform", "execute", "commit", "do",
    "sign", "agree", "arrange", "coordinate", "prepare", "call", "convene", "set", "impose", "lift",
    "tighten", "ease", "orchestrate", "spearhead", "mastermind", "direct", "pose", "try"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Reporting verbs whose content is an act that happened ("said B attacked C"): B's act is coded,
# attributed to the speaker. Under the others (urge, hope, deny, warn, ...) the content is no act.
REPORTED_ACTS = frozenset({"say", "report", "quote"})
DEMAND = "100"
THREAT_SPEECH = frozenset({"warn"})  # "warned it would strike": the act, as a threat
VERBAL = frozenset({"01", "02"})
COOPERATIVE = frozenset({"03", "04", "05", "06", "07", "08"})



@dataclass(slots=True)
class _Context:
    amap: ActorMap
    quotes: list[QuoteSpan]
    speeches: list[Speech]
    history: list[Found]  # the article's events so far, for anaphora
    contest: frozenset[str]  # lemmas that name the game in a sports story ("beat", "meet")


class EventCoder:
    """Codes the events of one doc with one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.act_lemmas = frozenset(lexicon.nouns) | frozenset(lexicon.verbs)  # "the kidnap-murder of"
        self.force_verbs = frozenset(lemma for lemma, patterns in lexicon.verbs.items()  # "kill", "arrest"
                                     if all(p.code[:2] in UNNAMED_NOUN_ROOTS for p in patterns))

    def find(self, doc: Doc, actors: list[Actor]) -> tuple[list[Found], list[Quote]]:
        """Every report of an event in the doc (not yet merged) and the doc's quotes."""
        amap = ActorMap(doc, actors)
        quotes = find_quotes(doc, amap, self.lexicon)
        found: list[Found] = []
        contest = CONTEST_SENSES if sports_story(doc) else frozenset()
        for sentence in parsed_sentences(doc):
            context = _Context(amap, quotes, reporting_in(sentence, amap, self.lexicon), found, contest)
            found.extend(self._sentence(sentence, context))
        return _relayed(found, quotes), quote_records(doc, quotes)

    # ---------- one sentence ----------

    def _sentence(self, sentence: Span, context: _Context) -> list[Found]:
        found: list[Found] = []
        used = {s.verb.i for s in context.speeches}  # reporting verbs are coded as statements below
        for speech in context.speeches:
            if speech.kind.kind not in REPORTED_ACTS | THREAT_SPEECH:
                used.update(speech.content)  # what was urged, hoped or denied did not happen
        for token in sentence:
            if token.i in used or token.lemma_.lower() in context.contest:
                continue
            pattern = self._pattern(token)
            if pattern is None:
                continue
            events = self._verb(token, pattern, context, found) if pattern.kind == "verb" \
                else self._noun(token, pattern, context, context.history + found)
            if pattern.objects:  # "signed an agreement", "called for a ceasefire": the object is no event
                used.update(c.i for c in token.children if c.dep_ == "dobj")
                used.update(o.i for c in token.children if c.dep_ == "prep" for o in c.children
                            if o.dep_ == "pobj" and o.lemma_.lower() in pattern.objects)
            found.extend(events)
        for speech in context.speeches:
            reported = any(asserted(f.trigger, speech) and not _about(f) for f in found) \
                and speech.kind.kind in REPORTED_ACTS | THREAT_SPEECH
            obliged = _obliged(speech, context.amap)
            if speech.kind.code and (not reported or obliged is not None):
                found.extend(self._statement(speech, context, obliged))
        # the main clause's events first: "says two journalists who were abducted are alive" is a statement
        return sorted(found, key=lambda f: sum(1 for _ in f.trigger.ancestors))

    def _pattern(self, token: Token) -> Pattern | None:
        lemma = token.lemma_.lower().rstrip(".")  # the tokenizer keeps "MoU." whole at a sentence end
        if token.pos_ == "VERB" and lemma in self.lexicon.verbs \
                and not (token.tag_ == "VBG" and token.dep_ in ("amod", "compound")):  # "beheading videos"
            candidates = self.lexicon.verbs[lemma]
        elif token.pos_ in ("NOUN", "PROPN") and lemma in self.lexicon.nouns and token.dep_ != "compound" \
                and token.ent_type_ not in ("DATE", "TIME"):  # "on 16 March", "beheading videos": no event
            candidates = self.lexicon.nouns[lemma]
        else:
            return None
        preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "prt", "agent", "advmod")}
        if token.pos_ == "VERB":
            objects, prep_objects, modifiers = object_words(token)
        else:  # a noun row's words are the noun's modifiers: "air strike"
            objects = {m.lemma_.lower() for m in token.children if m.dep_ in ("compound", "amod")}
            prep_objects, modifiers = set(), set()
        by_modifier = None
        for pattern in candidates:
            if pattern.prep and pattern.prep not in preps:
                continue
            # "called for a ceasefire": a prepositional object only on rows that name a preposition
            words = objects | prep_objects if pattern.prep else objects
            if pattern.objects and not pattern.objects & words:
                if by_modifier is None and pattern.objects & modifiers:
                    by_modifier = pattern
                continue
            found = by_modifier if by_modifier is not None and not pattern.objects else pattern
            return None if found.code == NOT_AN_EVENT else found  # "gave birth" outranks "gave in"
        return by_modifier

    def _verb(self, verb: Token, pattern: Pattern, context: _Context, found: list[Found]) -> list[Found]:
        amap = context.amap
        if judged_or_asked(verb):
            return []
        token, passive = subject(verb)
        if not passive and bare_participle(verb) and implied_agent(pattern.code) is not None:
            token, passive = None, True  # "refugees evicted from the church are ...": done to them
        if passive and token is not None and token.lemma_.lower() in WEAPONS and not amap.of_phrase(token):
            token = None  # "were killed by an improvised explosive device": by someone unnamed
        if not passive and token is not None and (noun_pattern := self._pattern(token)) is not None \
                and harms(token, noun_pattern) and (own_doer(token, noun_pattern, amap)[0] is not None
                                                     or not named_within(token, amap)):
            return []  # "an Israeli air strike killed two students": the strike's event, done to them
        if not passive and (described := harm_described(verb, self._pattern)) is not None:
            pattern = replace(pattern, code=described.code, source=described.source)  # "in a gunbattle"
        if token is None and passive:
            token, by_noun = instrument_agent(verb, amap, self._pattern)
            if by_noun:
                return []  # "were killed in an Israeli air strike": the strike's event, done to them
        pair = dyad(token, chain(reversed(found), reversed(context.history)))  # latest first
        if pair is not None:
            return self._events(verb, pattern, [pair[0]], [], context, [], target=pair[1])
        sources = self._speaker_for(verb, amap.of_phrase(token), token, context)
        if not sources:
            return self._unnamed_agent(verb, pattern, context) if token is None else []
        direct = {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
        # "called for a ceasefire": the object is the preposition's; "took a swipe at X": X is the target
        skip = pattern.prep if pattern.objects and not pattern.objects & direct else None
        candidates, placing = targets(verb, passive, skip_prep=skip)
        # "clashed with police": the row's object is whom it was done to when it names an actor
        candidates += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == skip
                       and skip not in PLACING_PREPS for o in parties_in(p) if amap.at(o) is not None]
        own = [c for c in candidates if own_people(c, pattern, sources, amap)]
        candidates = [c for c in candidates if c not in own  # "travelled from the UK": not to it
                      and not (pattern.code[:2] == "04" and c.head.lower_ == "from")]
        if verb.dep_ == "conj" and not any(amap.of_phrase(c) for c in candidates + placing):
            more, more_placing = targets(verb.head, False)  # "held talks with X ... and signed an MoU"
            candidates, placing = candidates + more, placing + more_placing
        return self._events(verb, pattern, sources, candidates, context, placing, standalone=bool(own))

    def _unnamed_agent(self, verb: Token, pattern: Pattern, context: _Context) -> list[Found]:
        """"Two soldiers were killed", "Libby was sentenced": an act done to someone named, by someone
        the text does not name (see :func:`.parties.implied_agent`). Not "the offensive was
        launched" (the subject is the act), "was forced to resign" (the act is the resignation),
        "were killed in the earthquake" (no one did it)."""
        done_to = passive_patient(verb)
        agent = implied_agent(pattern.code, verb.lemma_.lower())
        if done_to is None or agent is None or self._pattern(done_to) is not None:
            return []
        names = named_as(done_to)  # "the main opposition, the Cambodia National Rescue Party"
        heads = {t.lemma_.lower() for t in names}
        done_to = next((t for t in names if context.amap.at(t) is not None), done_to)
        named = context.amap.at(done_to) is not None
        if pattern.objects and (not heads & pattern.objects or not named):
            return []  # "sanctions were imposed" (the object), not "the party was dissolved" (the one named)
        if any(c.dep_ == "xcomp" for c in verb.children) or natural_cause(verb):
            return []
        return self._events(verb, pattern, [agent], [done_to], context, [], implied=True)

    def _noun(self, noun: Token, pattern: Pattern, context: _Context, so_far: list[Found]) -> list[Found]:
        amap = context.amap
        source_token, patients = own_doer(noun, pattern, amap)
        if source_token is not None and source_token.pos_ == "PRON" and not amap.of_phrase(source_token) \
                and noun.dep_ == "dobj" and noun.head.lemma_.lower() in DOING_VERBS:
            source_token = None  # "forces completed their withdrawal": theirs is the subject's
        if _coded_elsewhere(noun, pattern, source_token, amap):
            return []
        head = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in {"on", "for"} else noun.head
        # not "condemned the attack", "the attack was confirmed by the ministry"
        doing = noun.dep_ not in ("dobj", "nsubjpass") or head.lemma_.lower() in DOING_VERBS
        if source_token is None and noun.dep_ in ("dobj", "pobj", "nsubjpass") and head.pos_ == "VERB" \
                and doing:
            source_token, _ = subject(head)  # "paid a visit", "arrived on a visit"
        if source_token is None and noun.dep_ == "ROOT":  # a caption or headline: "Trump talks with Ryan"
            source_token = next((c for c in reversed(list(noun.lefts)) if c.dep_ == "compound"), None)
        sources = self._speaker_for(noun, amap.of_phrase(source_token), source_token, context)
        complements = [p for p in noun.children if p.dep_ == "prep" and p.lower_ != "by"]
        candidates = patients + [c for p in complements if p.lower_ not in PLACING_PREPS
                                 for c in parties_in(p) if c != source_token] + sufferers(noun)
        # "an air strike in Gaza": a place, unless no one else
        placing = [c for p in complements if p.lower_ in PLACING_PREPS
                   for c in parties_in(p) if c != source_token]
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
            more, more_placing = targets(noun.head, False)
            candidates, placing = candidates + more, placing + more_placing
        if sources:
            return self._events(noun, pattern, sources, candidates, context, placing)
        if (earlier := _anaphor(noun, pattern, so_far)) or source_token is not None:
            return earlier
        return self._unnamed_doer(noun, pattern, patients, context)

    def _unnamed_doer(self, noun: Token, pattern: Pattern, patients: list[Token],
                      context: _Context) -> list[Found]:
        """"triggered the arrest of tycoons", "his alleged role in the abduction of a dissident": an
        arrest or act of violence done to someone named, by no one named (as :meth:`_unnamed_agent`;
        see :func:`.parties.done_by_no_one_named`)."""
        agent = implied_agent(pattern.code, noun.lemma_.lower())
        victims = patients + noun_victims(noun)
        acts = self.act_lemmas | pattern.objects if pattern.objects else self.act_lemmas
        if agent is None or noun.lemma_.lower() in ACTOR_OF_NOUNS or not victims \
                or not done_by_no_one_named(noun, pattern.code, acts, context.amap):
            return []
        return self._events(noun, pattern, [agent], victims, context, [], implied=True)

    # ---------- parties ----------

    def _speaker_for(self, trigger: Token, sources: list[Actor], token: Token | None,
                     context: _Context) -> list[Actor]:
        """Inside a quote, "we"/"I" and the speaker's own country or body stand for the speaker; in
        what someone said, a pronoun subject is the speaker ("Syria says it is willing to ...")."""
        if token is not None and token.pos_ == "PRON" and token.lower_ in PRONOUNS:
            speech = next((s for s in context.speeches if trigger.i in s.content and s.speaker), None)
            if speech is not None and speech.speaker is not None \
                    and (speech.speaker.kind == "person") == (token.lower_ in PERSONAL_PRONOUNS):
                return [speech.speaker]  # not "the ministry said she refused"
        quote = _quote_at(trigger.idx, context.quotes)
        if quote is None or quote.speaker is None:
            return sources
        speaker = quote.speaker
        if token is not None and token.lower_ in SELF:
            return [speaker]
        if sources and all(s.kind != "person" and same_side(s, speaker) for s in sources):
            return [speaker]
        return sources

    def _events(self, trigger: Token, pattern: Pattern, sources: list[Actor], candidates: list[Token],
                context: _Context, placing: list[Token], target: Actor | None = None,
                standalone: bool = False, implied: bool = False) -> list[Found]:
        """The events of one trigger; ``standalone``: it may have no target; ``implied``: the
        source is an unnamed agent, so it must have a target."""
        amap = context.amap
        found_targets: list[Actor] = [target] if target is not None else []
        for tier in (candidates, placing):  # "talks at the Kremlin": a place, unless no one else
            if found_targets:
                break
            for candidate in tier:
                found_targets.extend(a for a in amap.of_phrase(candidate) if a not in found_targets)
        if not found_targets and not implied:  # an unnamed agent's act is done to its patient
            found_targets = other_party(trigger, sources, amap)
        speech = next((s for s in context.speeches if trigger.i in s.content), None)
        mood = modality(trigger, threat=speech is not None and speech.kind.kind in THREAT_SPEECH)
        code = modal_code(official_protest(pattern.code, sources), mood, self.lexicon)
        to_media = bool(found_targets) and code[:2] in ("01", "04") \
            and all(t.sector == "MED" for t in found_targets)
        if to_media:
            code, found_targets = "010", []  # "spoke to reporters": a public statement, not talks
        quote = _quote_at(trigger.idx, context.quotes)
        via = quote.via if quote else None
        relayed_by = speech.speaker if speech and speech.speaker not in sources else None
        events = []
        if mood.obligation and speech is not None and speech.speaker not in sources:
            return []  # "said Sudan must return it": not an act of Sudan's but a demand (_statement)
        if mood.habitual or (implied and code != pattern.code):
            return []  # what no one named intends or threatens is no one's act
        alone_ok = not implied and (to_media or standalone or may_stand_alone(trigger, code, sources, amap))
        negated = mood.negated or (mood.refused and code == pattern.code)  # "refused to attack"
        for source, target in pairs(sources, found_targets, alone_ok, code, mutual(trigger)):
            events.append(Found(code=code, source=source, target=target, sentence=trigger.sent,
                                trigger=trigger, negated=negated, hypothetical=mood.hypothetical,
                                attribution=via or relayed_by, rule=pattern.source))
        return events

    def _statement(self, speech: Speech, context: _Context, obliged: Actor | None) -> list[Found]:
        """A speaker's own statement, appeal or accusation when what was said holds no event."""
        quote = _quote_at(speech.verb.idx, context.quotes)
        token, _ = subject(speech.verb)
        speaker = speech.speaker
        first_person = token is not None and token.lower_ in SELF
        if quote is not None and quote.speaker is not None and (speaker is None or first_person):
            speaker = quote.speaker  # "We hope ...", inside the quote of Alvi
        if speaker is None or speech.kind.code is None:
            return []
        sources = [speaker]
        target = speech.addressee
        if target is not None and target.sector == "MED" and speech.kind.kind != "appeal":
            target = None  # "told the Daily Mail": the public, not a party; "urged journalists to" is
        if target is None:
            content = [t for t in speech.verb.sent if t.i in speech.content]
            others = [context.amap.at(t) for t in content]
            target = prefer_foreign([a for a in others if a is not None], sources[0])
        if target is None:
            target = next(iter(other_party(speech.verb, sources, context.amap)), None)
        if target is not None and target.id == sources[0].id:
            target = None
        if target is None and not alone(speech.verb, sources, context.amap):
            return []
        if speech.addressee is None and obliged is None and speech.kind.kind in REPORTED_ACTS \
                and tells_of_unnamed_force(speech, self.force_verbs):
            return []
        mood = modality(speech.verb)
        code = modal_code(self._hoped(speech) or speech.kind.code, mood, self.lexicon)  # "refused to say" 011
        if obliged is not None and obliged.id != sources[0].id:
            code, target = DEMAND, obliged  # "Russia said Sudan must return the helicopter"
        found = Found(code=code, source=sources[0], target=target, sentence=speech.verb.sent,
                      trigger=speech.verb, negated=mood.negated, hypothetical=mood.hypothetical,
                      attribution=quote.via if quote else speech.via,
                      rule=f"reporting_verbs.tsv:{speech.kind.lemma}")
        return [found]

    def _hoped(self, speech: Speech) -> str | None:
        """"We hope the two countries will strengthen cooperation": hoping for cooperation is an
        intention to cooperate (03x), not a mere optimistic comment."""
        if speech.kind.kind != "hope":
            return None
        for token in speech.verb.sent:
            pattern = self._pattern(token) if token.i in speech.content else None
            if pattern is not None and pattern.code[:2] in COOPERATIVE:
                return modal_code(pattern.code, Modality(intent=True), self.lexicon)
        return None


def _obliged(speech: Speech, amap: ActorMap) -> Actor | None:
    """The actor that, in what was said, must or should do something ("Sudan must return ...")."""
    if speech.kind.kind not in REPORTED_ACTS:
        return None
    for token in speech.verb.sent:
        if token.i in speech.content and token.pos_ in ("VERB", "AUX") and modality(token).obligation:
            subject_token, _ = subject(token)
            found = amap.of_phrase(subject_token)
            if found:
                return found[0]
    return None


def _anaphor(noun: Token, pattern: Pattern, so_far: list[Found]) -> list[Found]:
    """A definite event noun with no parties ("the new MoU" after "signed a memorandum"): one more
    mention of the last event of that code. Not for statements: "the statement" is another one."""
    determiners = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss")}
    if not determiners & DEFINITE or pattern.code[:2] in VERBAL:
        return []
    if any(c.dep_ == "prep" for c in noun.children):
        return []
    for earlier in reversed(so_far):
        if earlier.code[:3] == pattern.code[:3]:
            return [replace(earlier, sentence=noun.sent, trigger=noun)]
    return []


def _coded_elsewhere(noun: Token, pattern: Pattern, source_token: Token | None, amap: ActorMap) -> bool:
    """An event noun whose act a verb codes ("the bombing claimed by IS killed five", "killed three
    ethnic Albanians in a gunbattle") or that is only asked for ("called for sanctions")."""
    if source_token is None and harms(noun, pattern) and named_within(noun, amap):
        return True
    return harmed_in(noun, pattern) or asked_for(noun)


def _about(found: Found) -> bool:
    """A noun of no one's act is what a statement is about, not what it reports ("We are aware of
    the detention of a British national"), unless it did something ("a roadside bombing killed one
    U.S. soldier, the military said")."""
    return found.trigger.pos_ == "NOUN" and is_implied(found.source) and found.trigger.dep_ != "nsubj"


def _quote_at(char: int, quotes: list[QuoteSpan]) -> QuoteSpan | None:
    return next((q for q in quotes if q.start <= char < q.end), None)


def _relayed(found: list[Found], quotes: list[QuoteSpan]) -> list[Found]:
    """A speaker whose words the article relays through an intermediary ("the ministry quoted Wei as
    saying") is attributed to it in his other verbal events (statements, appeals, intentions)."""
    via = {q.speaker.id: q.via for q in quotes if q.speaker is not None and q.via is not None}
    return [replace(f, attribution=via[f.source.id]) if f.attribution is None and f.source.id in via
            and f.code[:2] in ("01", "02", "03", "04", "05") and f.trigger.pos_ in ("VERB", "AUX") else f
            for f in found]
