"""Direct quotes: text between quotation marks, long enough to be speech (four words or more).

Speakers are attributed by the event coder; this first version finds the quotes only.
"""

from __future__ import annotations

import re

from wirecoder.records import Quote

_QUOTED = re.compile(r'"(?P<a>[^"\n]{10,}?)"|“(?P<b>[^”\n]{10,}?)”')


def find_quotes(text: str) -> list[Quote]:
    quotes = []
    for match in _QUOTED.finditer(text):
        group = "a" if match.group("a") is not None else "b"
        body = match.group(group)
        if len(body.split()) >= 4:
            quotes.append(Quote(speaker=None, text=body, start=match.start(group), end=match.end(group)))
    return quotes
