"""The command line: ``wirecoder code`` in every format and from every kind of input, ``demo``, help."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import SEED
from wirecoder.cli import main

TALKS = "President Biden met Chancellor Scholz in Berlin on Monday to discuss trade.\n"
ACCUSES = "Russia accused Ukraine on Tuesday of shelling the nuclear plant.\n"
PROTESTS = "Germany criticized France on Wednesday over the budget.\n"


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse exits after --help and on usage errors
        code = exc.code if isinstance(exc.code, int) else 0
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture()
def seed(shared: Path) -> Path:
    return SEED


@pytest.fixture(scope="module")
def seed_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed coded once with ``--format json -o``, for the schema and the scorer."""
    if not SEED.is_file():
        pytest.skip("../shared is not beside the repository")
    out = tmp_path_factory.mktemp("seed") / "seed.json"
    assert main(["code", str(SEED), "--format", "json", "-o", str(out)]) == 0
    return out


def test_cli_code_seed_json_is_one_valid_document(seed_json: Path, schema_validator: Any) -> None:
    document = json.loads(seed_json.read_text(encoding="utf-8"))
    assert isinstance(document, dict), "one input gives one document, not a list"
    errors = [e.message for e in schema_validator.iter_errors(document)]
    assert errors == []
    article = document["article"]
    assert article["id"] == SEED.stem
    assert article["published"].startswith("2020-12-01T23:11")
    assert (article["agency"], article["dateline"]) == ("PTI", "Beijing")


def test_cli_code_seed_scores_full_article_marks(seed_json: Path, shared: Path) -> None:
    command = [sys.executable, str(shared / "score.py"), str(shared / "gold" / "seed.yaml"), str(seed_json),
               "--validate", "--json"]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert finished.returncode == 0, finished.stderr
    summary = json.loads(finished.stdout)["summary"]
    assert summary["article"]["ok"] == summary["article"]["of"] == 7, summary["article"]
    assert summary["schema_errors"] == []
    assert summary["missing_articles"] == []


def test_cli_code_seed_json_to_stdout(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["code", str(seed), "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["article"]["id"] == seed.stem


def test_cli_code_json_several_inputs_is_a_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TALKS)
    (tmp_path / "b.txt").write_text(ACCUSES)
    code, out, _ = run_cli(["code", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json"],
                           capsys)
    assert code == 0
    assert [d["article"]["id"] for d in json.loads(out)] == ["a", "b"]


def test_cli_code_jsonl_directory_one_line_per_file(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "nested" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(TALKS)
    (tmp_path / "nested" / "b.md").write_text(ACCUSES)
    (tmp_path / "nested" / "deeper" / "c.txt").write_text(PROTESTS)
    (tmp_path / "nested" / "notes.docx").write_bytes(b"PK\x03\x04 not an input")
    code, out, err = run_cli(["code", str(tmp_path), "--format", "jsonl"], capsys)
    assert code == 0, err
    documents = jsonl(out)
    assert len(out.strip().splitlines()) == 3
    assert sorted(d["article"]["id"] for d in documents) == ["a", "b", "c"]
    assert all(d["schema"] == "wirecoder/document/1" for d in documents)


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)


def test_cli_code_stdin_text_gets_content_hash_id(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    set_stdin(monkeypatch, TALKS.encode())
    code, out, _ = run_cli(["code", "-"], capsys)
    [document] = jsonl(out)
    assert code == 0
    assert re.fullmatch(r"[0-9a-f]{16}", document["article"]["id"])
    assert document["article"]["text"] == TALKS.strip()
    set_stdin(monkeypatch, TALKS.encode())
    _, again, _ = run_cli(["code", "-"], capsys)
    assert jsonl(again)[0]["article"]["id"] == document["article"]["id"], "the id is a content hash"


def test_cli_code_stdin_jsonl_records(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    lines = [json.dumps({"id": "r1", "text": TALKS}),
             json.dumps({"id": "r2", "text": ACCUSES, "published": "2022-08-09"})]
    set_stdin(monkeypatch, "\n".join(lines).encode())
    code, out, _ = run_cli(["code", "-", "--format", "jsonl"], capsys)
    documents = jsonl(out)
    assert code == 0
    assert [d["article"]["id"] for d in documents] == ["r1", "r2"]
    assert documents[1]["article"]["published"].startswith("2022-08-09")


def test_cli_code_stdin_through_the_installed_command() -> None:
    command = Path(sys.executable).with_name("wirecoder")
    if not command.exists():
        pytest.skip("the wirecoder console script is not installed beside this python")
    finished = subprocess.run([str(command), "code", "-", "--format", "table"], input=ACCUSES.encode(),
                              capture_output=True, timeout=120, check=False)
    assert finished.returncode == 0, finished.stderr
    assert b"Traceback" not in finished.stderr
    assert b"Russia" in finished.stdout and b"accused" in finished.stdout


def test_cli_code_table_has_header_rows_and_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TALKS + ACCUSES)
    code, out, _ = run_cli(["code", str(tmp_path / "a.txt"), "--format", "table"], capsys)
    lines = out.rstrip("\n").splitlines()
    assert code == 0
    assert lines[0].split() == ["article", "date", "source", "code", "event", "target", "place", "trigger"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    rows, footer = lines[2:-1], lines[-1]
    assert re.fullmatch(r"\d+ events", footer)
    assert int(footer.split()[0]) == len(rows) >= 1
    assert any("Russia" in row and "112" in row for row in rows), rows
    assert any("Biden" in row and "Berlin DEU" in row for row in rows), rows


def test_cli_code_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TALKS)
    target = tmp_path / "coded.jsonl"
    code, out, _ = run_cli(["code", str(tmp_path / "a.txt"), "-o", str(target)], capsys)
    assert code == 0
    assert out == ""
    [document] = jsonl(target.read_text(encoding="utf-8"))
    assert document["article"]["id"] == "a"


def test_cli_demo_runs_the_sample_into_a_database_and_prints_its_events(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.duckdb"
    code, out, err = run_cli(["demo", "--db", str(db)], capsys)
    lines = out.rstrip("\n").splitlines()
    assert code == 0 and db.exists()
    assert lines[0].split()[:2] == ["article", "date"] and "articles" in lines[0]
    count = int(re.fullmatch(r"(\d+) events", lines[-1]).group(1))  # type: ignore[union-attr]
    assert count == len(lines) - 3 > 0
    assert any(line.startswith("wikinews-") for line in lines[2:-1])
    assert "21 articles coded" in err


def test_cli_run_events_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Published: 1 December 2020\n\n" + TALKS + ACCUSES + PROTESTS)
    db = str(tmp_path / "events.duckdb")
    code, _, err = run_cli(["run", str(tmp_path / "a.txt"), "--db", db, "--no-progress"], capsys)
    assert code == 0 and "1 articles coded" in err
    code, _, err = run_cli(["run", str(tmp_path / "a.txt"), "--db", db, "--no-progress"], capsys)
    assert code == 0 and "0 articles coded" in err and "1 already there" in err
    code, out, _ = run_cli(["events", "--db", db, "--actor", "RUS", "--format", "jsonl"], capsys)
    found = {e["code"]: e for e in jsonl(out)}
    assert set(found) == {"112"}  # accused; the shelling is only alleged (and was not Russia's)
    assert (found["112"]["source_name"], found["112"]["target_name"], found["112"]["date"]) == \
        ("Russia", "Ukraine", "2020-12-01")
    code, out, _ = run_cli(["events", "--db", db, "--code", "04", "--from", "2020-11-30", "--to", "2020-11-30",
                            "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["code"], r["place_name"]) for r in rows] == [("040", "Berlin")]
    parquet = tmp_path / "events.parquet"
    assert run_cli(["events", "--db", db, "--format", "parquet", "-o", str(parquet)], capsys)[0] == 0
    assert parquet.stat().st_size > 0
    code, out, _ = run_cli(["export", "--db", db, "--format", "gdelt"], capsys)
    header, *rows = [line.split("\t") for line in out.splitlines()]
    assert len(header) == 61 and all(len(r) == 61 for r in rows) and len(rows) == 3
    code, out, _ = run_cli(["export", "--db", db, "--format", "plover"], capsys)
    assert {r["cameo"] for r in jsonl(out)} == {"040", "112", "111"}


def test_cli_store_errors_name_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["events", "--db", str(tmp_path / "none.duckdb")], capsys)
    assert code == 2 and "none.duckdb: no such database" in err
    code, _, err = run_cli(["events", "--db", str(tmp_path / "x.duckdb"), "--format", "parquet"], capsys)
    assert code == 2
    code, _, err = run_cli(["run", "x.jsonl", "--scheduler", "tcp://h:8786"], capsys)
    assert code == 2 and "--engine dask" in err


@pytest.mark.parametrize("command", [[], ["code"], ["demo"], ["run"], ["events"], ["export"]],
                         ids=["wirecoder", "code", "demo", "run", "events", "export"])
def test_cli_help_shows_an_example(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli([*command, "--help"], capsys)
    assert code == 0
    assert "example" in out
    assert re.search(r"^\s+wirecoder \w+", out.split("example", 1)[1], re.MULTILINE), out


def test_cli_no_command_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli([], capsys)
    assert code == 2
    assert "usage: wirecoder" in err
