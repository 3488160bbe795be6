"""The CAMEO code table (labels, Goldstein values), quad classes and the CAMEO→PLOVER map."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from wirecoder.tables import data_file, read_table


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    label: str
    goldstein: float | None
    plover: str | None

    @property
    def quad_class(self) -> int:
        """1 verbal cooperation (01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14),
        4 material conflict (15-20), as GDELT assigns them."""
        root = int(self.code[:2])
        return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def _rows(name: str) -> list[list[str | None]]:
    return [cells for _number, cells in read_table(data_file(name), 2)]


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    plover = {row[0]: row[1] for row in _rows("cameo2plover_2021.tsv") if row[0] and row[1]}
    table = {}
    for row in _rows("cameo_codes.tsv"):
        code, label, goldstein = row[0], row[1], row[2]
        assert code and label
        table[code] = CameoCode(code=code, label=label, goldstein=float(goldstein) if goldstein else None,
                                plover=plover.get(code) or plover.get(code[:3]) or plover.get(code[:2]))
    return table


def describe(code: str) -> CameoCode:
    """The table entry of ``code``, falling back to its parent codes for label and Goldstein."""
    table = cameo_table()
    for length in (len(code), 3, 2):
        if code[:length] in table:
            entry = table[code[:length]]
            return CameoCode(code=code, label=entry.label, goldstein=entry.goldstein, plover=entry.plover)
    raise KeyError(f"unknown CAMEO code {code!r}")
