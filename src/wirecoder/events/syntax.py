"""Who does what to whom, from the dependency parse.

Source: the subject, or the ``by`` agent of a passive; carried to coordinated and controlled verbs
("held talks ... and signed", "vowed to attack"); the modified noun of a relative clause.
Target: the object, or the complement of with/to/against/on/...; the subject of a passive; the
complement of at/in only when no other names one ("met Xi at the Kremlin"), and never a place
noun ("on the sidelines of the summit"). "His Iranian counterpart" is the Iranian, not him.
Conjunctions fan out ("met X and Y", "X and Y signed"). Pronouns go to the last person named.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from wirecoder.records import Actor

OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
TARGET_PREPS = frozenset({"with", "to", "against", "on", "at", "for", "into", "from", "over", "toward",
                          "towards", "upon", "of", "in", "about", "between"})
# Words that are prepositions or conjunctions: "after the talks", "after the talks ended".
CLAUSE_PREPS = frozenset({"after", "before", "since", "until", "till"})
REASON_PREPS = frozenset({"over", "about"})
LIGHT_PREPS = frozenset({"with", "to", "against", "on", "between"})
CARRY_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "acomp"})
PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
RELATIVES = frozenset({"mother", "father", "wife", "husband", "son", "daughter", "brother", "sister",
                       "family", "parent", "parents", "child", "children", "widow", "relative", "relatives",
                       "friend", "lawyer", "attorney", "aide", "adviser", "advisor", "fiancée", "fiance",
                       # "his Iranian counterpart" is not him
                       "counterpart", "counterparts", "successor", "predecessor", "rival", "opponent",
                       "host"})
# "visited the tomb of Yasser Arafat" is no visit to him, nor to his country
MEMORIALS = frozenset({"tomb", "grave", "mausoleum", "memorial", "statue", "shrine", "birthplace"})
# Prepositions that mostly place an event ("talks at the Kremlin", "met in Doha"): their complement is
# the target only when the trigger has no other ("invested in Pakistan", "fired at police").
PLACING_PREPS = frozenset({"at", "in"})
# Nouns that name where something happens, not who takes part: "on the sidelines of the summit",
# "at the NATO headquarters", "on the steps of the court".
LOCATIVE_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins", "step", "steps", "headquarters",
                            "premises", "outskirts", "grounds", "residence", "doorstep", "venue", "lawn"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp"})
# Passive forms whose subject takes part in what the "in" phrase names: "were engaged in fighting".
TAKING_PART = frozenset({"engage", "involve", "embroil", "lock", "entangle"})
# Verbs whose subject, not object, does what the infinitive says: "promised Kabul to send troops".
SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "threaten", "offer", "help"})
# Prepositions that place a noun in space or time: "batons outside parliament", "the talks after the
# summit". Not "in", "at": "a team at MIT", "its adversaries in the Houthi movement" belong to them.
WHERE_WHEN_PREPS = frozenset({"outside", "near", "across", "throughout", "around", "beyond", "during",
                              "after", "before", "since", "until"})
SEARCH_DEPS = frozenset({"compound", "poss", "appos", "amod", "nmod", "prep", "pobj", "conj", "cc", "det",
                         "nummod"})
QUANTITIES = frozenset({"number", "series", "raft", "host", "range", "couple", "set", "pair", "dozen",
                        "dozens", "hundreds", "handful", "package", "batch", "string", "slew", "variety",
                        # "will provide 25,000 tons of emergency food aid"
                        "ton", "tons", "tonne", "tonnes", "truckload", "truckloads", "shipment", "shipments",
                        "consignment", "consignments", "planeload", "planeloads", "convoy", "convoys"})


class ActorMap:
    """The actor of each token of a doc, and pronouns resolved to the last person named."""

    def __init__(self, doc: Doc, actors: list[Actor]) -> None:
        self.doc = doc
        self.by_token: dict[int, Actor] = {}
        for actor in actors:
            for mention in actor.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    for token in span:
                        self.by_token.setdefault(token.i, actor)
        self.people = sorted((i, a) for i, a in self.by_token.items() if a.kind == "person")

    def at(self, token: Token) -> Actor | None:
        actor = self.by_token.get(token.i)
        if actor is None and token.lower_ in PERSONAL:
            actor = self._cataphor(token) or self.last_person(token.i)
        return actor

    def _cataphor(self, pronoun: Token) -> Actor | None:
        """"In his meetings with X, Gen Wei said": a pronoun in a phrase fronted before the main
        clause refers to the person who is that clause's subject."""
        root = pronoun.sent.root
        if pronoun.i >= root.i or not any(t.dep_ == "prep" and t.head == root for t in pronoun.ancestors):
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i > pronoun.i), None)
        actor = self.by_token.get(subject.i) if subject is not None else None
        return actor if actor is not None and actor.kind == "person" else None

    def last_person(self, before: int) -> Actor | None:
        """The person named last before token ``before``; in the pronoun's own sentence only a
        subject ("Speaking to Martin Smith of PBS, he said": he is not Smith)."""
        sentence = self.doc[before].sent
        found = None
        for i, actor in self.people:
            if i >= before:
                break
            if i >= sentence.start and not _in_subject(self.doc[i]):
                continue
            found = actor
        return found

    def of_phrase(self, token: Token | None) -> list[Actor]:
        """The actors a noun phrase stands for: its head's, each conjunct's ("Pakistan and China")."""
        if token is None:
            return []
        found: list[Actor] = []
        for head in [token, *conjuncts(token)]:
            actor = self.at(head) or self._nearest(head)
            if actor is not None and actor not in found:
                found.append(actor)
        return found

    def _nearest(self, head: Token) -> Actor | None:
        """The closest actor inside the phrase, not crossing into clauses ("the leaders of Pakistan");
        a name in apposition first ("Dunn's mother, Charlotte Charles"), and not the possessor of a
        relative ("Dunn's mother" is not Dunn, "China's stand" is China's)."""
        relative = head.lemma_.lower() in RELATIVES
        memorial = head.lemma_.lower() in MEMORIALS
        children = sorted((c for c in head.children if _inside_phrase(c)), key=lambda c: c.dep_ != "appos")
        frontier = [c for c in children if not (c.dep_ == "poss" and (relative or memorial))
                    and not (c.lower_ == "of" and memorial)]
        for _depth in range(3):
            following: list[Token] = []
            for token in frontier:
                if (actor := self.at(token)) is not None:
                    return actor
                following.extend(c for c in token.children if _inside_phrase(c))
            frontier = following
        return None

    def in_subtree(self, token: Token) -> Iterator[Actor]:
        for t in token.subtree:
            if (actor := self.by_token.get(t.i)) is not None:
                yield actor

    def in_phrase(self, token: Token) -> Iterator[Actor]:
        """The actors of a phrase, not of the clauses inside it ("the vandalism of a synagogue
        destroyed by the Nazis" names no party of whoever condemns it)."""
        if (actor := self.by_token.get(token.i)) is not None:
            yield actor
        for child in token.children:
            if child.dep_ not in CLAUSE_DEPS:
                yield from self.in_phrase(child)


def _inside_phrase(token: Token) -> bool:
    """Part of the noun phrase, not an adverbial hanging from it: "with batons outside parliament"
    names no one, "the leaders of Pakistan" does."""
    return token.dep_ in SEARCH_DEPS and not (token.dep_ == "prep" and token.lower_ in WHERE_WHEN_PREPS)


def _in_subject(token: Token) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in [token, *list(token.ancestors)[:2]])


def conjuncts(token: Token) -> list[Token]:
    return [t for t in token.conjuncts if t.i > token.i]


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The token of the source and whether it came from a passive's ``by`` agent."""
    children = list(verb.children)
    for child in children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, True
    for child in children:
        if child.dep_ in ("nsubj", "csubj"):
            return child, False
        if child.dep_ == "nsubjpass" and verb.lemma_.lower() in TAKING_PART \
                and any(c.dep_ == "prep" and c.lower_ == "in" for c in children):
            return child, False  # "Serb forces were engaged in ethnic cleansing": they did it
    if any(c.dep_ == "nsubjpass" for c in children) or _passive(verb):
        return None, True  # "... and was condemned", "a man who was shot": the subject is the target
    if verb.dep_ == "ROOT" and (stranded := _stranded_subject(verb)) is not None:
        return stranded, False
    if verb.dep_ == "advcl" and (taken := _subject_taken_by_preposition(verb)) is not None:
        return taken, False
    if verb.dep_ in ("relcl", "acl") and verb.head != verb:
        return verb.head, False
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head != verb.head:
        return subject(verb.head.head)  # "arrived ... after completing a visit"
    if verb.dep_ in CARRY_DEPS and verb.head != verb:
        head = verb.head
        raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None) \
            or (patient(head) if _passive(head) else None)
        if verb.dep_ == "xcomp" and raised is not None:
            return raised, False  # "Iran is believed to be supporting", "is expected to meet"
        controller = next((c for c in head.children if c.dep_ == "dobj"), None)
        if verb.dep_ == "xcomp" and controller is not None and head.lemma_.lower() not in SUBJECT_CONTROL:
            return controller, False  # "forced Mubarak to resign": Mubarak resigns
        return subject(head)
    return None, False


def _stranded_subject(verb: Token) -> Token | None:
    """The subject the parser hung on a fronted phrase as a conjunct: in "After the meeting in Ufa,
    Pakistan and India agreed", Pakistan is parsed as a conjunct of Ufa and "agreed" has no subject.
    Taken only from a finite verb whose fronted phrase ends in ", X (and Y)" right before it."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children):
        return None
    for phrase in verb.children:
        if phrase.i > verb.i or phrase.dep_ not in ("prep", "advcl", "npadvmod"):
            continue
        for token in phrase.subtree:
            if token.dep_ != "conj" or token.i == 0 or token.doc[token.i - 1].text != ",":
                continue
            between = token.doc[token.right_edge.i + 1:verb.i]
            if all(t.head == verb and t.dep_ in ("advmod", "aux", "neg") for t in between):
                return token
    return None


def _subject_taken_by_preposition(verb: Token) -> Token | None:
    """The subject of a clause the parser read as a preposition's object: in "... after seven women
    and four men lost their lives", "after" is parsed as a preposition taking "women", and "lost"
    as a clause of its own with no subject. Taken only from a finite verb right after that object."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children):
        return None
    for prep in verb.head.children:
        if prep.dep_ == "prep" and prep.lower_ in CLAUSE_PREPS and prep.i < verb.i:
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.right_edge.i == verb.i - 1:
                    return noun
    return None


def _passive(verb: Token) -> bool:
    """A passive verb form: with a passive auxiliary, or a past participle modifying a noun ("six
    executives indicted in the case") that is not the sentence's root (that is a misparsed main
    verb: "Vincent Cable, for the Liberal Democrats, called on Mr Brown")."""
    participle = verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ != "ROOT"
    fronted = verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i \
        and not any(c.dep_ in ("aux", "nsubj", "mark") for c in verb.children)  # "Kidnapped, the boys"
    return any(c.dep_ == "auxpass" for c in verb.children) or participle or fronted


def bare_participle(verb: Token) -> bool:
    """A past participle with a subject but no auxiliary and no object: the parser's reading of a
    reduced relative ("refugees evicted from the church are ...", "the woman assaulted by a driver
    ... avoided"). Its subject is the patient when it has a ``by`` agent, or when the act is one
    always done to someone (arrest, expel, kill: the coder asks); not otherwise: the tagger also
    gives VBN to active verbs ("a spokesman called on Mr Hockney", "Trump sided with")."""
    if verb.tag_ != "VBN":
        return False
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and not deps & {"aux", "auxpass", "dobj", "dative", "ccomp", "xcomp"}


def _own_subject(verb: Token) -> Token | None:
    """The verb's passive subject, or the subject of a bare participle (see :func:`bare_participle`)."""
    deps = ("nsubjpass", "nsubj") if bare_participle(verb) else ("nsubjpass",)
    return next((c for c in verb.children if c.dep_ in deps), None)


def patient(verb: Token) -> Token | None:
    """Who a passive verb with no subject of its own is done to: the subject of the verb it is
    coordinated with ("Turkey is under sanctions and was condemned"), the noun it modifies ("a
    man who was shot", "civilians killed in the strike"), the subject of the clause a fronted
    participle hangs on ("Kidnapped in 2014, the boys ...")."""
    if verb.dep_ in ("relcl", "acl") and verb.head != verb:
        return verb.head
    if verb.dep_ == "advcl" and _passive(verb):  # "Kidnapped in 2014, the boys spent years ..."
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.dep_ == "conj" and verb.head != verb:
        head = verb.head
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None) or patient(head)
    return None


def passive_patient(verb: Token) -> Token | None:
    """Whom a passive verb form is done to: its passive subject ("Libby was sentenced"), or, with
    none, the subject or noun it shares (see :func:`patient`); None for an active verb."""
    subject_passive = _own_subject(verb)
    if subject_passive is not None and subject_passive.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head  # "journalists who were abducted"
    if subject_passive is not None or not _passive(verb):
        return subject_passive
    return patient(verb)


def targets(verb: Token, passive: bool, skip_prep: str | None = None) -> tuple[list[Token], list[Token]]:
    """Tokens that may name the target, most direct first; and, apart, the complements of placing
    and reason prepositions, which name the target only when the others name none ("imposed
    sanctions on six officials over the poisoning of Navalny": the officials)."""
    found = []
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS or (passive and child == _own_subject(verb)):
            found.append(child)
    if passive and not found and _passive(verb) and (done_to := patient(verb)) is not None:
        found.append(done_to)
    objects = list(found)
    placing: list[Token] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == skip_prep:  # "engaged in fighting with X"
            objects.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in PLACING_PREPS:
            if child.i > verb.i:  # "In Cyprus, the party hailed the pipeline": a place only
                placing.extend(parties_in(child))
        elif child.dep_ == "prep" and child.lower_ in REASON_PREPS:
            placing.extend(parties_in(child))
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            found.extend(parties_in(child))
    for obj in objects:  # "held talks with X", "paid a visit to Y"
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in LIGHT_PREPS:
                found.extend(parties_in(prep))
    return found, placing


def parties_in(prep: Token) -> list[Token]:
    """The complements of a preposition that may name a party, not a place ("on the sidelines of")."""
    return [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() not in LOCATIVE_NOUNS]


def object_words(verb: Token) -> tuple[set[str], set[str], set[str]]:
    """Lemmas of a verb's direct objects, of its prepositional objects, and of the compounds that
    name an object when its head does not ("resumed the dialogue process")."""
    def spread(heads: list[Token]) -> list[Token]:
        # "called for aid and calm"; "the opposition, the Cambodia National Rescue Party"
        nouns = [o for c in heads for n in named_as(c) for o in (n, *n.conjuncts)]
        return nouns + [o for n in nouns if n.lemma_.lower() in QUANTITIES  # "a number of agreements"
                        for p in n.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    direct = spread([c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")])
    preps = [c for c in verb.children if c.dep_ == "prep"]
    preps += [p for c in verb.children if c.dep_ in ("prt", "prep") for p in c.children
              if p.dep_ == "prep"]  # "pulled out of the talks"
    prepositional = spread([o for c in preps for o in c.children if o.dep_ == "pobj"])
    modifiers = {m.lemma_.lower() for o in direct + prepositional for m in o.children if m.dep_ == "compound"}
    return {o.lemma_.lower() for o in direct}, {o.lemma_.lower() for o in prepositional}, modifiers


def named_as(noun: Token) -> list[Token]:
    """A noun and its appositions: "the main opposition, the Cambodia National Rescue Party"."""
    return [noun, *(c for c in noun.children if c.dep_ == "appos")]
