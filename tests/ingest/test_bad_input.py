"""Bad input: each gets a message naming the input and the problem, and the batch goes on.

Tested twice: at the library level (``read_articles`` yields a :class:`Failure` in place) and end
to end through ``wirecoder.cli.main`` (exit code, stderr, the good documents still on stdout).
"""

from __future__ import annotations

import io
import json
import os
import pickle
import random
import socket
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from wirecoder.cli import main
from wirecoder.errors import BadRecord, EmptyInput, InputError, InputTooLarge, UnreadableInput
from wirecoder.ingest import read_articles
from wirecoder.records import Article, Failure

GOOD_TEXT = "President Biden met Chancellor Scholz in Berlin on Monday to discuss trade.\n"
OTHER_TEXT = "Russia accused Ukraine on Tuesday of shelling the nuclear plant.\n"
WESTERN = ("\u201cWe will not yield,\u201d said Jos\u00e9 Mar\u00eda Aznar in Madrid. "
           "Fran\u00e7ois Hollande met Ang\u00e8le M\u00fcller in S\u00e3o Paulo.\n")
TWENTY_MB = 20 * 1024 * 1024
NAV_ONLY = ('<html><head><title>Site</title><script>var tracking = 1;</script></head><body>'
            '<nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>')
SCRIPT_ONLY = ('<html><body><script>document.write("Hello there")</script>'
               '<noscript>Enable JavaScript</noscript></body></html>')
ARTICLE_PAGE = ('<html><head><title>Shelling</title></head><body><nav><a href="/">Home</a></nav>'
                '<article><p>Russia accused Ukraine on Monday of shelling the Zaporizhzhia nuclear '
                'plant, a charge Kyiv denied.</p></article></body></html>')


def read(*paths: Path | str, max_chars: int = 1_000_000) -> list[Article | Failure]:
    return list(read_articles([str(p) for p in paths], max_chars))


def only_failure(results: list[Article | Failure]) -> Failure:
    assert len(results) == 1, results
    assert isinstance(results[0], Failure), results
    return results[0]


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def png_bytes(size: int = 4096) -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(size)


def big_file(path: Path) -> Path:
    line = b"The minister said the talks would go on for another week in the capital.\n"
    with path.open("wb") as stream:
        for _ in range(TWENTY_MB // len(line) + 1):
            stream.write(line)
    return path


def jsonl_mixed(path: Path) -> Path:
    lines = [json.dumps({"id": "good-1", "text": GOOD_TEXT}), "this is {not json",
             json.dumps({"id": "no-text", "title": "A headline only"}), json.dumps({"id": "num", "text": 42}),
             "", json.dumps({"id": "good-2", "text": OTHER_TEXT})]
    return write(path, "\n".join(lines) + "\n")


# ---------- read_articles ----------

def test_bad_input_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    failure = only_failure(read(missing))
    assert failure.origin == str(missing)
    assert failure.reason == "no such file or directory"


def test_bad_input_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    failure = only_failure(read(link))
    assert failure.origin == str(link)
    assert "broken symbolic link" in failure.reason and "gone.txt" in failure.reason


def test_bad_input_socket_is_unreadable(tmp_path: Path) -> None:
    # Permissions do not stop root; a socket cannot be opened as a file by anyone.
    path = tmp_path / "feed.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        failure = only_failure(read(path))
    finally:
        server.close()
    assert failure.origin == str(path)
    assert failure.reason == "not a file but a socket"


def test_bad_input_name_too_long(tmp_path: Path) -> None:
    name = str(tmp_path / ("n" * 5000 + ".txt"))
    failure = only_failure(read(name))
    assert failure.origin == name
    assert failure.reason == "cannot read: File name too long"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_bad_input_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", GOOD_TEXT)
    path.chmod(0)
    failure = only_failure(read(path))
    assert failure.reason == "cannot read: Permission denied"


def test_bad_input_directory_where_file_expected(tmp_path: Path) -> None:
    folder = tmp_path / "article.txt"
    folder.mkdir()
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    failure = only_failure(read(folder))
    assert failure.origin == str(folder)
    assert failure.reason.startswith("directory holds no input files")


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"], ids=["empty", "whitespace"])
def test_bad_input_empty_text(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "blank.txt", content)
    failure = only_failure(read(path))
    assert failure.origin == str(path)
    assert failure.reason == "empty text"


def test_bad_input_only_control_characters(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", json.dumps({"id": "ctl", "text": "\x1b\u200b\x7f\n"}) + "\n")
    failure = only_failure(read(path))
    assert failure.origin == f"{path}:1"
    assert failure.reason == "empty text (only control or invisible characters)"


@pytest.mark.parametrize(("name", "content"), [("feed.jsonl", "\n\n"), ("rows.csv", "id,title,text\n"),
                                               ("list.json", "[]"), ("empty.json", "")])
def test_bad_input_record_file_without_records(tmp_path: Path, name: str, content: str) -> None:
    path = write(tmp_path / name, content)
    failure = only_failure(read(path))
    assert failure.origin == str(path)
    assert failure.reason.startswith("no records in the file")


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".csv", ".json"])
def test_bad_input_binary_file(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path / f"picture{suffix}", png_bytes())
    failure = only_failure(read(path))
    assert failure.origin == str(path)
    assert "binary data" in failure.reason


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_bad_input_legacy_encoding_decoded_with_note(tmp_path: Path, encoding: str) -> None:
    text = WESTERN if encoding == "cp1252" else WESTERN.replace("\u201c", '"').replace("\u201d", '"')
    path = write(tmp_path / "western.txt", text.encode(encoding))
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.text == text.strip()
    assert any("decoded as cp1252" in note for note in article.notes), article.notes


def test_bad_input_legacy_encoding_in_jsonl_is_noted(tmp_path: Path) -> None:
    line = json.dumps({"id": "w", "text": WESTERN}, ensure_ascii=False).encode("cp1252")
    path = write(tmp_path / "feed.jsonl", line + b"\n")
    [article] = read(path)
    assert isinstance(article, Article)
    assert "São Paulo" in article.text
    assert any("decoded as" in note for note in article.notes)


def test_bad_input_jsonl_bad_lines_named_good_lines_kept(tmp_path: Path) -> None:
    path = jsonl_mixed(tmp_path / "feed.jsonl")
    results = read(path)
    assert [r.id for r in results if isinstance(r, Article)] == ["good-1", "good-2"]
    failures = {f.origin: f.reason for f in results if isinstance(f, Failure)}
    assert failures == {
        f"{path}:2": "line is not valid JSON (Expecting value at column 1)",
        f"{path}:3": "record has no 'text' or 'html'",
        f"{path}:4": "record field 'text' is a number, not a string",
    }
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Failure", "Failure", "Article"]


@pytest.mark.parametrize("value", [[1, 2], "just a string", None], ids=["array", "string", "null"])
def test_bad_input_jsonl_line_not_an_object(tmp_path: Path, value: object) -> None:
    path = write(tmp_path / "feed.jsonl", json.dumps(value) + "\n")
    failure = only_failure(read(path))
    assert failure.origin == f"{path}:1"
    assert failure.reason.startswith("record is a JSON ") and failure.reason.endswith("not an object")


def test_bad_input_csv_row_without_text(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.csv", f'id,title,text\nc1,Talks,"{GOOD_TEXT.strip()}"\nc2,Empty,\n'
                                        f'c3,Other,"{OTHER_TEXT.strip()}"\n')
    results = read(path)
    assert [r.id for r in results if isinstance(r, Article)] == ["c1", "c3"]
    [failure] = [r for r in results if isinstance(r, Failure)]
    assert failure.origin == f"{path}:3"
    assert failure.reason == "record has no 'text' or 'html'"
    assert failure.article_id == "c2"


@pytest.mark.parametrize("page", [NAV_ONLY, SCRIPT_ONLY, "<html><body></body></html>"],
                         ids=["nav-links", "script", "empty-body"])
def test_bad_input_html_without_main_text(tmp_path: Path, page: str) -> None:
    path = write(tmp_path / "page.html", page)
    failure = only_failure(read(path))
    assert failure.origin == str(path)
    assert failure.reason.startswith("HTML page with no main text")


def test_bad_input_html_with_main_text_is_kept(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "story.html", ARTICLE_PAGE))
    assert isinstance(article, Article)
    assert article.id == "story"
    assert article.text.startswith("Russia accused Ukraine on Monday")


@pytest.fixture(scope="module")
def twenty_mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return big_file(tmp_path_factory.mktemp("big") / "huge.txt")


def test_bad_input_twenty_mb_refused_fast_and_small(twenty_mb: Path) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        failure = only_failure(read(twenty_mb))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 2
    assert peak < 1_000_000, f"reading a refused file allocated {peak:,} bytes"
    assert failure.origin == str(twenty_mb)
    assert "too large" in failure.reason and "--max-chars" in failure.reason


def test_bad_input_twenty_mb_between_good_files(tmp_path: Path, twenty_mb: Path) -> None:
    first, last = write(tmp_path / "a.txt", GOOD_TEXT), write(tmp_path / "c.txt", OTHER_TEXT)
    results = read(first, twenty_mb, last)
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert [results[0].id, results[2].id] == ["a", "c"]  # type: ignore[union-attr]


def test_bad_input_too_many_characters(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", "word " * 100)  # under the byte limit, over the character one
    failure = only_failure(read(path, max_chars=300))
    assert failure.origin == str(path)
    assert failure.reason.startswith("text too long: 500 characters (limit 300")
    assert "--max-chars" in failure.reason


def test_bad_input_twenty_mb_on_stdin_refused() -> None:
    stream = io.BytesIO(b"word " * (TWENTY_MB // 5))
    failure = only_failure(list(read_articles(["-"], 1_000_000, stdin=stream)))
    assert failure.origin == "<stdin>"
    assert "too large" in failure.reason and "--max-chars" in failure.reason


def test_bad_input_twenty_mb_jsonl_record_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "ok", "text": GOOD_TEXT}) + "\n")
        stream.write(json.dumps({"id": "huge", "text": "word " * (TWENTY_MB // 5)}) + "\n")
    results = read(path)
    assert isinstance(results[0], Article)
    assert isinstance(results[1], Failure)
    assert results[1].origin == f"{path}:2" and results[1].article_id == "huge"
    assert "--max-chars" in results[1].reason


def test_bad_input_stdin_jsonl_streamed_with_line_numbers() -> None:
    data = b"\n" + json.dumps({"id": "s1", "text": GOOD_TEXT}).encode() + b"\nnot json\n"
    results = list(read_articles(["-"], 1_000_000, stdin=io.BytesIO(data)))
    assert isinstance(results[0], Article) and results[0].id == "s1"
    assert isinstance(results[1], Failure) and results[1].origin == "<stdin>:3"


def test_bad_input_stdin_binary() -> None:
    failure = only_failure(list(read_articles(["-"], 1_000_000, stdin=io.BytesIO(png_bytes()))))
    assert failure.origin == "<stdin>"
    assert "binary data" in failure.reason


def test_bad_input_named_pipe_is_read(tmp_path: Path) -> None:
    # What ``wirecoder code <(zcat story.txt.gz)`` passes: a FIFO with no size.
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as stream:
            stream.write(GOOD_TEXT.encode())

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    [article] = read(fifo)
    writer.join(timeout=5)
    assert isinstance(article, Article)
    assert article.text == GOOD_TEXT.strip()


@pytest.mark.parametrize("error", [BadRecord, EmptyInput, InputTooLarge, UnreadableInput])
def test_bad_input_error_crosses_processes(error: type[InputError]) -> None:
    # --workers sends exceptions between processes by pickling them.
    copy = pickle.loads(pickle.dumps(error("feed.jsonl:3", "record has no 'text' or 'html'")))
    assert type(copy) is error
    assert (copy.origin, copy.problem) == ("feed.jsonl:3", "record has no 'text' or 'html'")
    assert str(copy) == "feed.jsonl:3: record has no 'text' or 'html'"


# ---------- end to end through the CLI ----------

def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse exits on usage errors
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def jsonl_ids(out: str) -> list[str]:
    return [json.loads(line)["article"]["id"] for line in out.splitlines() if line.strip()]


@pytest.fixture()
def bad_batch(tmp_path: Path, twenty_mb: Path) -> Iterator[tuple[list[str], dict[str, str]]]:
    """A batch of good and bad inputs; the bad ones mapped to what stderr must say about them."""
    socket_path = tmp_path / "sock.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(socket_path))
    inputs = {
        "good": write(tmp_path / "good.txt", GOOD_TEXT),
        "missing": tmp_path / "missing.txt",
        "socket": socket_path,
        "empty": write(tmp_path / "empty.txt", ""),
        "binary": write(tmp_path / "image.txt", png_bytes()),
        "western": write(tmp_path / "western.txt", WESTERN.encode("cp1252")),
        "jsonl": jsonl_mixed(tmp_path / "feed.jsonl"),
        "nav": write(tmp_path / "nav.html", NAV_ONLY),
        "big": twenty_mb,
    }
    expected = {
        f"{inputs['missing']}: no such file or directory": "missing",
        f"{socket_path}: not a file but a socket": "socket",
        f"{inputs['empty']}: empty text": "empty",
        f"{inputs['binary']}: binary data": "binary",
        f"{inputs['jsonl']}:2: line is not valid JSON": "jsonl line 2",
        f"{inputs['jsonl']}:3: record has no 'text'": "jsonl line 3",
        f"{inputs['jsonl']}:4: record field 'text' is a number": "jsonl line 4",
        f"{inputs['nav']}: HTML page with no main text": "nav",
        f"{twenty_mb}: too large": "big",
    }
    try:
        yield [str(p) for p in inputs.values()], expected
    finally:
        server.close()


def test_cli_bad_batch_exit_1_names_each_failure(bad_batch: tuple[list[str], dict[str, str]],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    paths, expected = bad_batch
    code, out, err = run_cli(["code", *paths, "--format", "jsonl"], capsys)
    assert code == 1
    for message in expected:
        assert f"wirecoder: error: {message}" in err, f"stderr does not say {message!r}:\n{err}"
    assert "--max-chars" in err
    assert "decoded as cp1252" in err
    assert f"wirecoder: {len(expected)} input(s) failed" in err
    assert jsonl_ids(out) == ["good", "western", "good-1", "good-2"]


def test_cli_big_file_between_good_files(tmp_path: Path, twenty_mb: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    first, last = write(tmp_path / "a.txt", GOOD_TEXT), write(tmp_path / "c.txt", OTHER_TEXT)
    code, out, err = run_cli(["code", str(first), str(twenty_mb), str(last)], capsys)
    assert code == 1
    assert jsonl_ids(out) == ["a", "c"]
    assert f"wirecoder: error: {twenty_mb}: too large" in err and "--max-chars" in err


def test_cli_all_good_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = write(tmp_path / "a.txt", GOOD_TEXT), write(tmp_path / "b.txt", OTHER_TEXT)
    code, out, err = run_cli(["code", str(first), str(second), "--format", "jsonl"], capsys)
    assert code == 0
    assert jsonl_ids(out) == ["a", "b"]
    assert "error" not in err


def test_cli_all_bad_exit_1_and_empty_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["code", str(tmp_path / "missing.txt"), "--format", "json"], capsys)
    assert code == 1
    assert json.loads(out) == []
    assert f"wirecoder: error: {tmp_path / 'missing.txt'}: no such file or directory" in err


@pytest.mark.parametrize(("options", "message"), [
    (["--format", "xml"], "argument --format: invalid choice: 'xml'"),
    (["--workers", "0"], "argument --workers: must be at least 1, got 0"),
    (["--workers", "two"], "argument --workers: must be a whole number, got 'two'"),
    (["--max-chars", "-5"], "argument --max-chars: must be at least 1"),
    (["--model", "no_such_model_xyz"], "spaCy model 'no_such_model_xyz' cannot be loaded"),
], ids=["format", "workers-0", "workers-word", "max-chars", "model"])
def test_cli_usage_error_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str],
                                message: str) -> None:
    path = write(tmp_path / "a.txt", GOOD_TEXT)
    code, out, err = run_cli(["code", str(path), *options], capsys)
    assert code == 2
    assert message in err
    assert out == ""


def test_cli_usage_error_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "a.txt", GOOD_TEXT)
    target = tmp_path / "no" / "such" / "dir" / "out.jsonl"
    code, _, err = run_cli(["code", str(path), "-o", str(target)], capsys)
    assert code == 2
    assert f"wirecoder: error: cannot write {target}" in err
