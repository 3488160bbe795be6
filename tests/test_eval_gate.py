"""Accuracy is a gate: the coder scored on the gold files, against floors in eval_baseline.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.cli import main
from wirecoder.evaluate import evaluate, gold_inputs, load_gold, name_matches
from wirecoder.output import document_json
from wirecoder.pipeline import Coder, code_inputs
from wirecoder.records import Document

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())


@pytest.fixture(scope="module")
def seed_scores(shared: Path, coder: Coder) -> dict[str, object]:
    golds = load_gold(shared / "gold" / "seed.yaml")
    documents = [document_json(d) for d in code_inputs(gold_inputs(golds), coder.settings)
                 if isinstance(d, Document)]
    return evaluate(golds, documents)


@pytest.mark.parametrize("metric", sorted(BASELINE["seed"]))
def test_eval_gate_seed_meets_its_floor(seed_scores: dict[str, dict[str, float]], metric: str) -> None:
    floor = BASELINE["seed"][metric]
    if metric.endswith("_f1"):
        value = seed_scores[metric.removesuffix("_f1")]["f1"]
    else:
        value = seed_scores[metric]["rate"]
    assert value is not None and value >= floor, f"{metric} = {value}, floor {floor}"


def test_eval_cli_scores_a_prediction_file(shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seed.json"
    assert main(["code", str(shared / "seed" / "000_0e87aa88177b14ee.txt"), "--format", "json",
                 "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["eval", str(shared / "gold" / "seed.yaml"), str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["article"]["ok"] == summary["article"]["of"] == 7
    assert main(["eval", str(shared / "gold" / "seed.yaml"), str(out), "--min-f1", "1.01"]) == 1


def test_eval_an_empty_prediction_scores_zero(shared: Path) -> None:
    golds = load_gold(shared / "gold" / "seed.yaml")
    summary = evaluate(golds, [{"article": {}, "actors": [], "events": [], "quotes": []}])
    assert summary["dyad"]["tp"] == 0 and summary["dyad"]["fn"] > 0


def test_eval_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path / "missing.yaml"), "x.json"]) == 2
    assert "no such gold" in capsys.readouterr().err


@pytest.mark.parametrize(("gold", "predicted", "ok"), [
    ("Qamar Javed Bajwa", "Bajwa", True), ("Ministry of Defence", "Chinese Ministry of Defence", True),
    ("United Nations Educational, Scientific and Cultural Organization", "UNESCO", True),
    ("People's Protection Units (YPG)", "YPG", True), ("Arif Alvi", "Imran Khan", False),
])
def test_eval_name_matching_rules(gold: str, predicted: str, ok: bool) -> None:
    assert name_matches(gold, predicted) is ok


def _bench_module(name: str = "root_accuracy") -> object:
    """A bench script as a module: root_accuracy.py holds the gold readers and the PLOVER type →
    root map, when_where.py the scorer of the labelled dates and places."""
    import importlib.util
    import sys

    path = Path(__file__).resolve().parents[1] / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(BASELINE["root_accuracy"]))
def test_eval_gate_root_accuracy_meets_its_floor(name: str, shared: Path, coder: Coder) -> None:
    bench = _bench_module()
    items = getattr(bench, f"load_{name}")(shared / "corpora")
    predictions = bench.predict(items, coder)  # type: ignore[attr-defined]
    correct = sum(1 for item, p in zip(items, predictions, strict=True) if p.root in item.roots)
    floor = BASELINE["root_accuracy"][name]
    assert correct / len(items) >= floor, f"{name}: {correct}/{len(items)}, floor {floor}"


@pytest.fixture(scope="module")
def when_where_outcomes(shared: Path, coder: Coder) -> list[object]:
    bench = _bench_module("when_where")
    lines = bench.GOLD.read_text(encoding="utf-8").splitlines()  # type: ignore[attr-defined]
    return bench.score([json.loads(line) for line in lines if line.strip()], coder)  # type: ignore[attr-defined, no-any-return]


@pytest.mark.parametrize("field", sorted(BASELINE["when_where"]))
def test_eval_gate_when_where_meets_its_floor(when_where_outcomes: list[object], field: str) -> None:
    right = sum(getattr(o, f"{field}_ok") for o in when_where_outcomes)
    floor = BASELINE["when_where"][field]
    assert len(when_where_outcomes) >= 100
    assert right / len(when_where_outcomes) >= floor, f"{field}: {right}/{len(when_where_outcomes)}, floor {floor}"
