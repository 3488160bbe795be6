"""The two-pass annotation: cheap pass everywhere, parse only where an event can be."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from wirecoder.nlp import Annotator, parsed_sentences
from wirecoder.nlp.select import needs_parse, trigger_forms
from wirecoder.settings import Settings

TEXT = ("Chinese Defence Minister Wei Fenghe held talks with Pakistan Army chief Qamar Javed Bajwa "
        "in Islamabad on Monday. The weather was mild and dry. It rained later in the week. "
        "Pakistan firmly supports China's stand on issues related to the South China Sea.")


def _annotate(parse: str, texts: list[str]) -> list[Doc]:
    annotator = Annotator(Settings(parse=parse))  # type: ignore[arg-type]
    return [doc for doc, _ in annotator.annotate((t, i) for i, t in enumerate(texts))]


@pytest.fixture(scope="module")
def docs() -> dict[str, Doc]:
    selected, full = _annotate("selected", [TEXT])[0], _annotate("all", [TEXT])[0]
    return {"selected": selected, "all": full}


def test_annotate_selected_parses_only_sentences_with_actors(docs: dict[str, Doc]) -> None:
    doc = docs["selected"]
    parsed = [s.text for s in parsed_sentences(doc)]
    assert parsed[0].startswith("Chinese Defence Minister")
    assert parsed[-1].startswith("Pakistan firmly supports")
    assert not any("weather" in s for s in parsed)
    assert len(list(doc.sents)) == 4


def test_annotate_selected_keeps_sentence_boundaries_and_entities(docs: dict[str, Doc]) -> None:
    selected, full = docs["selected"], docs["all"]
    assert [(e.start_char, e.end_char, e.label_) for e in selected.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in full.ents]
    for sentence in selected.sents:
        assert sum(1 for t in sentence if t.dep_ == "ROOT") == 1
        assert all(sentence.start <= t.head.i < sentence.end for t in sentence)


def test_annotate_selected_parse_matches_full_parse(docs: dict[str, Doc]) -> None:
    first = next(parsed_sentences(docs["selected"]))
    reference = next(docs["all"].sents)
    subjects = [t.text for t in first if t.dep_ == "nsubj"]
    assert subjects == [t.text for t in reference if t.dep_ == "nsubj"]
    assert [t.lemma_ for t in first][:8] == [t.lemma_ for t in reference][:8]
    held = next(t for t in first if t.text == "held")
    assert held.dep_ == "ROOT" and held.lemma_ == "hold"


def test_annotate_keeps_order_and_contexts() -> None:
    texts = ["Iran's President Hassan Rouhani met Turkish officials.", "Nothing here at all.",
             "NATO warned Russia."]
    annotator = Annotator(Settings(batch_size=2))
    out = list(annotator.annotate((t, i) for i, t in enumerate(texts)))
    assert [ctx for _, ctx in out] == [0, 1, 2]
    assert [doc.text for doc, _ in out] == texts
    assert list(parsed_sentences(out[1][0])) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Wei met Bajwa in Islamabad.", True),
    ("He said the talks went well.", True),
    ("The minister arrived late.", True),
    ("Prices rose by two percent in the quarter.", False),
])
def test_needs_parse_picks_sentences_with_actor_cues(sentence: str, expected: bool) -> None:
    doc = _annotate("all", [sentence])[0]
    assert needs_parse(next(doc.sents)) is expected


def test_trigger_forms_inflect_the_lemmas() -> None:
    forms = trigger_forms(["sign", "stop", "carry", "meet", "arrive"], ["talk", "ceremony"], {"met": ["meet"]})
    assert {"signs", "signed", "signing", "stopped", "stopping", "carries", "carried", "arriving", "met",
            "talks", "ceremonies"} <= forms
    assert "held" not in forms  # only the irregular forms given


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Wei met Bajwa in Islamabad.", True),  # an actor and a trigger
    ('Alvi: "We hope for more."', True),  # a quotation mark
    ("Wei Fenghe is 66 years old.", False),  # an actor, nothing that can trigger an event
])
def test_needs_parse_wants_a_trigger_when_given_the_forms(sentence: str, expected: bool) -> None:
    doc = _annotate("all", [sentence])[0]
    triggers = trigger_forms(["meet"], [], {"met": ["meet"]})
    assert needs_parse(next(doc.sents), triggers=triggers) is expected
