"""Reading wirecoder's data tables: tab-separated, ``#`` comments, a header row, ``-`` for empty."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from wirecoder.errors import UsageError

Source = Traversable | Path


def data_file(name: str) -> Traversable:
    """A file of the package's ``data`` folder."""
    return resources.files("wirecoder") / "data" / name


def read_table(source: Source, columns: int) -> list[tuple[int, list[str | None]]]:
    """``(line number, cells)`` of every row after the header; an empty or ``-`` cell is None.

    Raises :class:`UsageError` naming the file and line when a row has fewer than ``columns`` cells.
    """
    rows, header = [], False
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header:
            header = True
            continue
        cells = [None if c.strip() in ("", "-") else c.strip() for c in line.split("\t")]
        if len(cells) < columns:
            raise UsageError(f"{source}:{number}: expected {columns} tab-separated columns, got {len(cells)}")
        rows.append((number, cells))
    return rows
