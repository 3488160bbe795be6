"""Read inputs into raw records: text and HTML files, JSONL/JSON/CSV record files, WARC crawls and
RSS/Atom feeds (:mod:`.crawls`), directories, stdin.

A path that cannot be read, or a record that is broken, becomes a :class:`Failure` in the stream;
the other inputs go on. Record files are read one record at a time.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from io import BufferedReader
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

from wirecoder.errors import InputError, InputTooLarge, UnreadableInput
from wirecoder.ingest.crawls import FEED_SUFFIXES, is_feed, is_warc, read_feed, read_warc
from wirecoder.ingest.decode import decode_bytes, looks_binary
from wirecoder.records import Failure, RawRecord

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
RECORD_SUFFIXES = JSONL_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | FEED_SUFFIXES | {".warc"}

Item = RawRecord | Failure


def read_inputs(paths: Sequence[str], max_bytes: int, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every record of every input, in order. ``-`` is standard input; directories are walked."""
    for name in paths:
        if name == "-":
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, "<stdin>", max_bytes)
            continue
        yield from _read_path(name, max_bytes)


def _read_path(name: str, max_bytes: int) -> Iterator[Item]:
    path = Path(name)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except OSError as exc:  # a name too long, ...
        yield Failure(name, f"cannot read: {exc.strerror or exc}")
        return
    if is_dir:
        yield from _read_directory(path, max_bytes)
    elif exists:
        yield from read_file(path, max_bytes)
    else:
        yield Failure(name, _missing(path))


def _missing(path: Path) -> str:
    """Why an existing-looking path cannot be opened: a broken link, a link loop, or nothing there."""
    if not path.is_symlink():
        return "no such file or directory"
    try:
        return f"broken symbolic link (points to {os.readlink(path)})"
    except OSError as exc:
        return f"cannot follow symbolic link: {exc.strerror or exc}"


def _read_directory(root: Path, max_bytes: int) -> Iterator[Item]:
    try:
        files = sorted(p for p in root.rglob("*")
                       if p.is_file() and (p.suffix.lower() in KNOWN_SUFFIXES or is_warc(p)))
    except OSError as exc:
        yield Failure(str(root), f"cannot list directory: {exc.strerror or exc}")
        return
    if not files:
        yield Failure(str(root), f"directory holds no input files ({', '.join(sorted(KNOWN_SUFFIXES))})")
    for path in files:
        yield from read_file(path, max_bytes)


def read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if is_warc(path):
        yield from read_warc(path, max_bytes)
        return
    if is_feed(path):
        yield from read_feed(path, max_bytes)
        return
    if suffix in JSONL_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES:
        yield from _not_silent(_read_record_file(path, suffix), str(path))
        return
    try:
        data = _read_bytes(path, max_bytes)
    except InputError as exc:
        yield Failure(str(path), exc.problem)
        return
    yield from _decoded(data, str(path), path.stem, html=suffix in HTML_SUFFIXES)


def _read_record_file(path: Path, suffix: str) -> Iterator[Item]:
    """The records of a JSONL, JSON or CSV file (no size limit: each record is checked alone)."""
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path)
        return
    try:
        data = _read_bytes(path, None)
    except InputError as exc:
        yield Failure(str(path), exc.problem)
        return
    if suffix in JSON_SUFFIXES:
        yield from _read_json(data, str(path))
    else:
        yield from _read_csv(data, str(path), "\t" if suffix == ".tsv" else ",")


def _not_silent(items: Iterator[Item], origin: str) -> Iterator[Item]:
    """Pass the items on; a record file that holds none is a failure, not silence."""
    found = False
    for item in items:
        found = True
        yield item
    if not found:
        yield Failure(origin, "no records in the file (it is empty or holds only blank lines or a header)")


def _open(path: Path) -> tuple[BufferedReader, int]:
    """Open a file (or a named pipe) for reading; returns it and its size (0 for a pipe)."""
    try:
        info = path.stat()
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
            raise UnreadableInput(str(path), f"not a file but a {_file_kind(info.st_mode)}")
        return path.open("rb"), info.st_size
    except OSError as exc:
        raise UnreadableInput(str(path), f"cannot read: {exc.strerror or exc}") from exc


def _read_bytes(path: Path, limit: int | None) -> bytes:
    """The bytes of a file, refusing more than ``limit`` without reading them all."""
    stream, size = _open(path)
    with stream:
        if limit is not None and size > limit:
            raise InputTooLarge(str(path), _too_large(f"{size:,} bytes", limit))
        try:
            data = stream.read() if limit is None else stream.read(limit + 1)
        except OSError as exc:
            raise UnreadableInput(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if limit is not None and len(data) > limit:
        raise InputTooLarge(str(path), _too_large(f"more than {limit:,} bytes", limit))
    return data


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISSOCK, "socket"), (stat.S_ISBLK, "block device"), (stat.S_ISDIR, "directory"))
    return next((name for test, name in kinds if test(mode)), "special file")


def _too_large(size: str, limit: int) -> str:
    return f"too large: {size} (limit {limit:,} bytes; raise it with --max-chars)"


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


def read_stream(stream: BinaryIO, origin: str, max_bytes: int) -> Iterator[Item]:
    """A stream (standard input): JSON lines, read one at a time, or one HTML page or text.

    The kind is told by the first character that is not blank: ``{`` JSON lines, ``<`` HTML.
    """
    lead = []
    while (line := stream.readline(max_bytes + 1)) and not line.strip():
        lead.append(line)
    if line.lstrip().startswith(b"{"):
        whole = line if line.endswith(b"\n") else line + stream.readline()
        yield from _read_jsonl_lines(chain(lead, [whole], stream), origin)
        return
    data = b"".join(lead) + line + stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Failure(origin, _too_large(f"more than {max_bytes:,} bytes", max_bytes))
        return
    yield from _decoded(data, origin, None, html=line.lstrip().startswith(b"<"))


def _read_jsonl_file(path: Path) -> Iterator[Item]:
    try:
        stream, _size = _open(path)
    except InputError as exc:
        yield Failure(str(path), exc.problem)
        return
    with stream:
        if looks_binary(stream.peek(8192)[:8192]):
            yield Failure(str(path), "binary data, not JSON lines (NUL or control bytes)")
            return
        yield from _read_jsonl_lines(stream, str(path))


def _read_jsonl_lines(lines: Iterable[bytes], origin: str) -> Iterator[Item]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _jsonl_record(line, f"{origin}:{number}")


def _jsonl_record(line: bytes, where: str) -> Item:
    try:
        text, notes = decode_bytes(line, where)
        value = json.loads(text)
    except InputError as exc:
        return Failure(where, exc.problem)
    except json.JSONDecodeError as exc:
        return Failure(where, f"line is not valid JSON ({exc.msg} at column {exc.colno})")
    return record_from_mapping(value, where, notes)


def _read_json(data: bytes, origin: str) -> Iterator[Item]:
    try:
        text, notes = decode_bytes(data, origin)
        value = json.loads(text)
    except InputError as exc:
        yield Failure(origin, exc.problem)
        return
    except json.JSONDecodeError:
        yield from _read_jsonl_lines(io.BytesIO(data), origin)
        return
    if not isinstance(value, list):
        yield record_from_mapping(value, origin, notes)
        return
    for index, item in enumerate(value):
        yield record_from_mapping(item, f"{origin}[{index}]", notes)


def _read_csv(data: bytes, origin: str, delimiter: str) -> Iterator[Item]:
    try:
        text, notes = decode_bytes(data, origin)
    except InputError as exc:
        yield Failure(origin, exc.problem)
        return
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=2):
            yield record_from_mapping(row, f"{origin}:{number}", notes)
    except csv.Error as exc:
        yield Failure(origin, f"CSV is malformed: {exc}")


def _field(record: Mapping[str, Any], *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if value is not None and str(value).strip():
            return str(value)
    return None


def record_from_mapping(value: object, origin: str, notes: tuple[str, ...] = ()) -> Item:
    """A JSON object or CSV row (``id``, ``url``, ``published``/``date``, ``title``, ``text``/``html``,
    ``outlet``/``source``/``publisher``/``site``)."""
    if not isinstance(value, Mapping):
        return Failure(origin, f"record is a JSON {_json_kind(value)}, not an object")
    text, html = value.get("text"), value.get("html")
    for name, field in (("text", text), ("html", html)):
        if field is not None and not isinstance(field, str):
            return Failure(origin, f"record field '{name}' is a {_json_kind(field)}, not a string")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return Failure(origin, "record has no 'text' or 'html'", article_id=_field(value, "id"))
    return RawRecord(origin=origin, id=_field(value, "id"), text=text if text and text.strip() else None,
                     html=None if text and text.strip() else html, url=_field(value, "url"),
                     published=_field(value, "published", "date"), title=_field(value, "title"),
                     outlet=_field(value, "outlet", "source", "publisher", "site"), notes=notes)


def _json_kind(value: object) -> str:
    kinds = ((bool, "boolean"), ((int, float), "number"), (list, "array"), (Mapping, "object"),
             (str, "string"))
    return next((name for kind, name in kinds if isinstance(value, kind)), type(value).__name__)
