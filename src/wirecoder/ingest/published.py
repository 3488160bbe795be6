"""Publication dates as scrapers and feeds print them, to ISO 8601.

"Published: 01st December 2020 11:11 PM", "Dec 1, 2020", "Tuesday, December 1, 2020",
"2020-12-01T23:11:00+05:30", "1 December 2020 | 11:11 IST", "Tue 1 Dec 2020 23.11 GMT",
"Tue, 01 Dec 2020 17:41:09 +0000", "01.12.2020", "17:05 December 01, 2020". A time and a zone
are kept when given; a bare date stays a date. Numeric day/month dates are read day first.
"""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as dateparser
from dateutil.tz import gettz

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:19|20)\d\d"
_NUMERIC_DATE = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_ZONE = r"(?:[A-Z]{2,5}|GMT[+-]\d{1,2}|UTC[+-]\d{1,2}|[+-]\d{2}:?\d{2})"

# A date, optionally with weekday and time (before or after it), and nothing else.
DATE_ONLY = re.compile(
    rf"^\s*(?:{_TIME}(?:\s*{_ZONE})?\s*,?\s+)?(?:{_WEEKDAY}\s*)?(?:"
    rf"{_NUMERIC_DATE}"
    rf"|{_DAY}\s+{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]{_YEAR}"
    rf")(?:\s*(?:[,|/@-]|at)?\s*{_TIME}(?:\s*{_ZONE})?)?\s*$",
    re.IGNORECASE,
)

# Zones that dateutil does not know by abbreviation, as UTC offsets in seconds.
_ZONES = {"IST": 19800, "PKT": 18000, "CST": -21600, "EST": -18000, "EDT": -14400, "PST": -28800,
          "PDT": -25200, "BST": 3600, "CET": 3600, "CEST": 7200, "GMT": 0, "UTC": 0, "JST": 32400,
          "KST": 32400, "AEST": 36000, "HKT": 28800, "SGT": 28800, "MSK": 10800, "WIB": 25200}


def is_date_line(line: str) -> bool:
    return len(line) <= 80 and DATE_ONLY.match(line) is not None


def parse_published(value: str) -> str | None:
    """Parse a publication date; ISO 8601 out (date only when no time was given), None if not a date."""
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value.strip(), flags=re.IGNORECASE)
    text = re.sub(r"\s*[|@]\s*", " ", text)
    text = re.sub(r"(\d)\.(\d\d)\b(?=\s*[ap]\.?m)", r"\1:\2", text, flags=re.IGNORECASE)
    text = re.sub(rf"({_YEAR}\s*[,/-]?\s*\d{{1,2}})\.(\d\d)\b", r"\1:\2", text)  # "2020 23.11"
    text = re.sub(rf"^(\d{{1,2}})\.(\d{{1,2}})\.({_YEAR})\b", r"\1/\2/\3", text)  # "01.12.2020"
    text = re.sub(r"\b([ap])\.m\.?", r"\1m", text, flags=re.IGNORECASE)
    if not re.search(_YEAR, text):
        return None
    try:
        parsed = dateparser.parse(text, tzinfos=_tzinfos, dayfirst=bool(re.match(r"\d{1,2}/", text)))
    except (ValueError, OverflowError):
        return None
    if not 1900 <= parsed.year <= 2100:
        return None
    has_time = re.search(r"\d[:.]\d\d|T\d\d", text) is not None
    return _iso(parsed, has_time)


def _tzinfos(name: str | None, offset: int | None) -> object:
    if not name:
        return offset
    if name in _ZONES:
        return _ZONES[name]
    return gettz(name)


def _iso(value: datetime, has_time: bool) -> str:
    if not has_time:
        return value.date().isoformat()
    if value.tzinfo is None:
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat(timespec="minutes")
