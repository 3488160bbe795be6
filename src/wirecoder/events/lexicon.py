"""The CAMEO lexicon: verb and noun patterns, intent/threat codes, reporting verbs.

Versioned data files in ``wirecoder/data`` (see its README): ``cameo_lexicon.tsv``,
``cameo_intent.tsv`` and ``reporting_verbs.tsv``. Users add patterns in the lexicon's format with
``--lexicon FILE``; a row of theirs replaces ours with the same kind, lemma, preposition and object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wirecoder.errors import UsageError
from wirecoder.events.cameo import cameo_table
from wirecoder.tables import Source, data_file, read_table

NOT_AN_EVENT = "none"  # the code of a row whose phrase is no event ("gave birth", "met its targets")


@dataclass(frozen=True, slots=True)
class Pattern:
    """A trigger: ``lemma`` (a verb or an event noun) with an optional particle/preposition among
    its dependents and an optional set of lemmas: of the direct object's head for a verb, of a
    modifier for a noun ("air strike")."""

    kind: str  # verb | noun
    lemma: str
    prep: str | None
    objects: frozenset[str]
    code: str
    source: str  # file:line, for provenance

    @property
    def specificity(self) -> int:
        return (self.prep is not None) + 2 * bool(self.objects)


@dataclass(frozen=True, slots=True)
class Reporting:
    lemma: str
    kind: str  # say | appeal | accuse | deny | warn | praise | criticize | quote | report | hope
    code: str | None


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)
    nouns: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)
    intent: dict[str, str] = field(default_factory=dict)
    threat: dict[str, str] = field(default_factory=dict)
    refusal: dict[str, str] = field(default_factory=dict)
    reporting: dict[str, Reporting] = field(default_factory=dict)

    @property
    def codes(self) -> set[str]:
        codes = {p.code for table in (self.verbs, self.nouns) for ps in table.values() for p in ps}
        return codes - {NOT_AN_EVENT}


def _patterns(source: Source) -> list[Pattern]:
    known = cameo_table()
    found = []
    for number, (kind, lemma, prep, objects, code, *_rest) in read_table(source, 5):
        if kind not in ("verb", "noun") or not lemma or not code:
            raise UsageError(f"{source}:{number}: needs kind verb|noun, a lemma and a code")
        if code not in known and code != NOT_AN_EVENT:
            raise UsageError(f"{source}:{number}: {code!r} is not a CAMEO code (nor {NOT_AN_EVENT!r})")
        wanted = frozenset(o.strip().lower() for o in (objects or "").split("|") if o.strip())
        found.append(Pattern(kind=kind, lemma=lemma.lower(), prep=prep.lower() if prep else None,
                             objects=wanted, code=code, source=f"{getattr(source, 'name', source)}:{number}"))
    return found


def _index(patterns: list[Pattern], kind: str) -> dict[str, tuple[Pattern, ...]]:
    table: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        if pattern.kind == kind:
            table.setdefault(pattern.lemma, []).append(pattern)
    return {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in table.items()}


@lru_cache(maxsize=4)
def load_lexicon(user_files: tuple[str, ...] = ()) -> Lexicon:
    """Our lexicon plus the users' pattern files (theirs replace ours for the same pattern)."""
    merged: dict[tuple[str, str, str | None, frozenset[str]], Pattern] = {}
    sources: list[Source] = [data_file("cameo_lexicon.tsv")]
    for name in user_files:
        if not Path(name).is_file():
            raise UsageError(f"--lexicon {name}: no such file")
        sources.append(Path(name))
    for source in sources:
        for pattern in _patterns(source):
            merged[(pattern.kind, pattern.lemma, pattern.prep, pattern.objects)] = pattern
    patterns = list(merged.values())
    intent, threat = {}, {}
    for _number, (root, intent_code, threat_code, *_rest) in read_table(data_file("cameo_intent.tsv"), 3):
        if root and intent_code:
            intent[root] = intent_code
        if root and threat_code:
            threat[root] = threat_code
    refusal = {prefix: code for _n, (prefix, code, *_r) in read_table(data_file("cameo_refusal.tsv"), 2)
               if prefix and code}
    reporting = {lemma: Reporting(lemma, kind, code) for _n, (lemma, kind, code, *_r)
                 in read_table(data_file("reporting_verbs.tsv"), 3) if lemma and kind}
    return Lexicon(verbs=_index(patterns, "verb"), nouns=_index(patterns, "noun"), intent=intent,
                   threat=threat, refusal=refusal, reporting=reporting)
