"""Read inputs into raw records: text and HTML files, JSONL/JSON/CSV record files, directories, stdin.

A path that cannot be read, or a record that is broken, becomes a :class:`Failure` in the stream;
the other inputs go on. Record files are read one record at a time.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from wirecoder.errors import InputError
from wirecoder.ingest.decode import decode_bytes
from wirecoder.records import Failure, RawRecord

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES

Item = RawRecord | Failure


def read_inputs(paths: Sequence[str], max_bytes: int, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every record of every input, in order. ``-`` is standard input; directories are walked."""
    for name in paths:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_blob(stream.read(), "<stdin>", None)
            continue
        path = Path(name)
        if not path.exists():
            yield Failure(name, "no such file or directory")
        elif path.is_dir():
            yield from _read_directory(path, max_bytes)
        else:
            yield from read_file(path, max_bytes)


def _read_directory(root: Path, max_bytes: int) -> Iterator[Item]:
    try:
        files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES)
    except OSError as exc:
        yield Failure(str(root), f"cannot list directory: {exc.strerror or exc}")
        return
    if not files:
        yield Failure(str(root), f"directory holds no input files ({', '.join(sorted(KNOWN_SUFFIXES))})")
    for path in files:
        yield from read_file(path, max_bytes)


def read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path)
        return
    try:
        size = path.stat().st_size
        if suffix not in JSON_SUFFIXES | CSV_SUFFIXES and size > max_bytes:
            yield Failure(str(path), f"file too large: {size:,} bytes (limit {max_bytes:,}; see --max-chars)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if suffix in JSON_SUFFIXES:
        yield from _read_json(data, str(path))
    elif suffix in CSV_SUFFIXES:
        yield from _read_csv(data, str(path), "\t" if suffix == ".tsv" else ",")
    elif suffix in HTML_SUFFIXES:
        yield from _decoded(data, str(path), path.stem, html=True)
    else:
        yield from _decoded(data, str(path), path.stem, html=False)


def _decoded(data: bytes, origin: str, stem: str | None, html: bool) -> Iterator[Item]:
    try:
        text, notes = decode_bytes(data, origin)
    except InputError as exc:
        yield Failure(origin, exc.problem)
        return
    if html:
        yield RawRecord(origin=origin, id=stem, html=text, notes=notes)
    else:
        yield RawRecord(origin=origin, id=stem, text=text, notes=notes)


def _read_blob(data: bytes, origin: str, stem: str | None) -> Iterator[Item]:
    """Standard input: JSON lines, an HTML page or plain text, by its first character."""
    head = data.lstrip()[:1]
    if head == b"{":
        yield from _read_jsonl_lines(io.BytesIO(data), origin)
    elif head == b"<":
        yield from _decoded(data, origin, stem, html=True)
    else:
        yield from _decoded(data, origin, stem, html=False)


def _read_jsonl_file(path: Path) -> Iterator[Item]:
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield Failure(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        yield from _read_jsonl_lines(stream, str(path))


def _read_jsonl_lines(stream: BinaryIO, origin: str) -> Iterator[Item]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            text, _notes = decode_bytes(line, where)
            value = json.loads(text)
        except InputError as exc:
            yield Failure(where, exc.problem)
            continue
        except json.JSONDecodeError as exc:
            yield Failure(where, f"line is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield record_from_mapping(value, where)


def _read_json(data: bytes, origin: str) -> Iterator[Item]:
    try:
        text, _notes = decode_bytes(data, origin)
        value = json.loads(text)
    except InputError as exc:
        yield Failure(origin, exc.problem)
        return
    except json.JSONDecodeError:
        yield from _read_jsonl_lines(io.BytesIO(data), origin)
        return
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items):
        yield record_from_mapping(item, f"{origin}[{index}]" if isinstance(value, list) else origin)


def _read_csv(data: bytes, origin: str, delimiter: str) -> Iterator[Item]:
    try:
        text, _notes = decode_bytes(data, origin)
    except InputError as exc:
        yield Failure(origin, exc.problem)
        return
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=2):
            yield record_from_mapping(row, f"{origin}:{number}")
    except csv.Error as exc:
        yield Failure(origin, f"CSV is malformed: {exc}")


def _field(record: Mapping[str, Any], *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if value is not None and str(value).strip():
            return str(value)
    return None


def record_from_mapping(value: object, origin: str) -> Item:
    """A JSON object or CSV row (``id``, ``url``, ``published``/``date``, ``title``, ``text``/``html``)."""
    if not isinstance(value, Mapping):
        return Failure(origin, f"record is a JSON {type(value).__name__}, not an object")
    text, html = value.get("text"), value.get("html")
    for name, field in (("text", text), ("html", html)):
        if field is not None and not isinstance(field, str):
            return Failure(origin, f"record field '{name}' is a {type(field).__name__}, not a string")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return Failure(origin, "record has no 'text' or 'html'", article_id=_field(value, "id"))
    return RawRecord(origin=origin, id=_field(value, "id"), text=text if text and text.strip() else None,
                     html=None if text and text.strip() else html, url=_field(value, "url"),
                     published=_field(value, "published", "date"), title=_field(value, "title"))
