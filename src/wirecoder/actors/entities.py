"""First version of the actor stage: named entities grouped into actors.

PERSON, ORG, GPE and NORP entities become actors; mentions with the same name, and a surname
alone after the full name ("Bajwa" after "Qamar Javed Bajwa"), are one actor. Countries,
sectors and roles are left empty here: the knowledge-base stage fills them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from wirecoder.records import Actor, ActorKind, Span

KINDS: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


def canonical_name(ent: SpacySpan) -> str:
    name = re.sub(r"^(?:the)\s+", "", ent.text, flags=re.IGNORECASE)
    return re.sub(r"(?:'s|’s|')$", "", name).strip()


def find_actors(doc: Doc) -> list[Actor]:
    """The actors named in ``doc``, in order of first mention, with ids ``A1``, ``A2``, ..."""
    order: list[str] = []
    names: dict[str, str] = {}
    kinds: dict[str, ActorKind] = {}
    mentions: dict[str, list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ not in KINDS:
            continue
        name = canonical_name(ent)
        if not name:
            continue
        key = _key_for(name, ent.label_, names, kinds)
        if key not in names:
            order.append(key)
            names[key], kinds[key], mentions[key] = name, KINDS[ent.label_], []
        mentions[key].append(Span(ent.start_char, ent.end_char, ent.text))
    return [Actor(id=f"A{i}", name=names[k], kind=kinds[k], mentions=tuple(mentions[k]))
            for i, k in enumerate(order, start=1)]


def _key_for(name: str, label: str, names: dict[str, str], kinds: dict[str, ActorKind]) -> str:
    key = name.lower()
    if label == "PERSON" and " " not in name:
        for other, full in names.items():
            if kinds[other] == "person" and full.split()[-1].lower() == key:
                return other
    return key
