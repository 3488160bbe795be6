"""Time expressions to days: "on 30 November", "Nov. 30, 2020", "30/11/2020", "in 2019", "on
Monday", "yesterday", "last week", "earlier this month", "three days ago".

:func:`resolve` reads one expression (the text of a spaCy DATE/TIME entity) against the
publication day and returns the first day of the period it names with its precision (day, week,
month, year) and basis: ``explicit`` when the text names the date itself, ``relative`` when it
only makes sense from the publication day. Durations ("18 months", "a day-long visit") and ages
name no point in time and give None.

Weekdays: "on Monday" is the latest Monday on or before the publication day (a Tuesday story's
"Monday" is the day before; a Monday story's "Monday" is that day), "last Monday" the latest one
before it, "next"/"coming" Monday the first one after it, and a plain weekday of an event told in
the future ("will meet on Friday") the first one on or after it. A date without a year takes the
year that puts it nearest the publication day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from wirecoder.records import DatePrecision as Precision

Basis = Literal["explicit", "relative"]

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
WEEKDAYS = {name: number for number, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")), start=0) for name in names}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_NUMERIC = re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)?\d\d)\b")
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:years?|months?|weeks?|days?))(?:,?\s+{_YEAR})?")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b")
_MONTH_ONLY = re.compile(rf"\b(?:(?P<mod>last|next)\s+)?{_MONTH}\b")
_YEAR_ONLY = re.compile(rf"(?<![\d-]){_YEAR}(?![\d-]|s\b|'s)")
_WEEKDAY_RE = re.compile(rf"\b(?P<mod>last|next|coming|this|past)?\s*{_WEEKDAY}\b")
_WEEKEND = re.compile(r"\b(?P<mod>last|next|coming|this|past|the)\s+weekend\b")
_AGO = re.compile(r"(?<![\d,.])(?P<n>\d{1,3}(?:,\d{3})+|\d+|\ba|\ban|\bone|\btwo|\bthree|\bfour|\bfive|\bsix|"
                  r"\bseven|\beight|\bnine|\bten)\s+"
                  r"(?P<unit>day|week|month|year)s?\s+ago\b")
_RELATIVE_WORDS: tuple[tuple[str, int, Precision], ...] = (
    (r"\bday before yesterday\b", -2, "day"),
    (r"\byesterday\b|\blast night\b", -1, "day"),
    (r"\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b|\bearlier today\b", 0, "day"),
    (r"\bday after tomorrow\b", 2, "day"),
    (r"\btomorrow\b", 1, "day"),
)
_PERIOD_WORDS: tuple[tuple[str, int, Precision], ...] = (
    (r"\b(?:last|past|previous) week\b", -1, "week"),
    (r"\b(?:this|earlier this|later this) week\b", 0, "week"),
    (r"\bnext week\b", 1, "week"),
    (r"\b(?:last|past|previous) month\b", -1, "month"),
    (r"\b(?:this|earlier this|later this) month\b", 0, "month"),
    (r"\bnext month\b", 1, "month"),
    (r"\b(?:last|past|previous) year\b", -1, "year"),
    (r"\b(?:this|earlier this|later this) year\b", 0, "year"),
    (r"\bnext year\b", 1, "year"),
)
_RELATIVE = tuple((re.compile(pattern), shift, precision) for pattern, shift, precision in _RELATIVE_WORDS)
_PERIODS = tuple((re.compile(pattern), shift, precision) for pattern, shift, precision in _PERIOD_WORDS)
# Words that make an expression a duration, an age or a span, not a point in time.
_DURATION = re.compile(r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|"
                       r"some|the past|the last|the next|recent|coming)\s+(?:\w+\s+)?"
                       r"(?:days?|weeks?|months?|years?|decades?|hours?|centuries?)\b(?!\s+ago)"
                       r"|\b\w+-(?:day|week|month|year|hour)s?-?(?:long|old)\b|\bdecades?\b|\bcentury\b")


@dataclass(frozen=True, slots=True)
class Resolved:
    """A time expression as a day: the first day of the period named, its precision and basis."""

    day: date
    precision: Precision
    basis: Basis


def iso_day(value: str | None) -> date | None:
    """The day of an ISO 8601 date or date-time ("2020-12-01T23:11+05:30" -> 2020-12-01), if any."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve(text: str, published: date | None, *, future: bool = False) -> Resolved | None:
    """The day an expression names; None if it names no point in time or needs a publication day
    that is unknown."""
    low = " ".join(text.lower().replace("’", "'").split())
    try:
        explicit = _explicit(low, published)
        if explicit is not None:
            return explicit
        if published is None or _DURATION.search(low):
            return None
        return _relative(low, published, future)
    except (ValueError, OverflowError):  # a day before year 1 or after 9999: "3,000 years ago"
        return None


# ---------- explicit ----------

def _explicit(low: str, published: date | None) -> Resolved | None:
    for finder in (_iso, _numeric, _day_month):
        found = finder(low, published)
        if found is not None:
            return found
    if (match := _MONTH_YEAR.search(low)) is not None:
        return _safe(int(match["year"]), MONTHS[match["month"]], 1, "month")
    if (match := _YEAR_ONLY.search(low)) is not None and not _MONTH_ONLY.search(low) \
            and not _DURATION.search(low):
        return _safe(int(match["year"]), 1, 1, "year")
    return None


def _iso(low: str, published: date | None) -> Resolved | None:
    match = _ISO.search(low)
    return _safe(int(match["year"]), int(match["month"]), int(match["day"]), "day") if match else None


def _numeric(low: str, published: date | None) -> Resolved | None:
    """"30/11/2020" day first; "11/30/2020" when the first number cannot be a month."""
    match = _NUMERIC.search(low)
    if match is None:
        return None
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    year = year + 2000 if year < 100 else year
    day, month = (b, a) if b > 12 >= a else (a, b)
    return _safe(year, month, day, "day")


def _day_month(low: str, published: date | None) -> Resolved | None:
    match = _DAY_MONTH.search(low) or _MONTH_DAY.search(low)
    if match is None:
        return None
    month, day = MONTHS[match["month"]], int(match["day"])
    if match["year"]:
        return _safe(int(match["year"]), month, day, "day")
    if published is None:
        return None
    candidates = [_day_or_none(year, month, day) for year in (published.year - 1, published.year,
                                                                published.year + 1)]
    found = min((c for c in candidates if c is not None), key=lambda d: abs((d - published).days),
                default=None)
    return Resolved(found, "day", "explicit") if found else None


def _safe(year: int, month: int, day: int, precision: Precision) -> Resolved | None:
    found = _day_or_none(year, month, day)
    return Resolved(found, precision, "explicit") if found else None


def _day_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ---------- relative ----------

def _relative(low: str, published: date, future: bool) -> Resolved | None:
    for pattern, shift, precision in _RELATIVE:
        if pattern.search(low):
            return Resolved(published + timedelta(days=shift), precision, "relative")
    if (match := _WEEKDAY_RE.search(low)) is not None:
        day = weekday(published, WEEKDAYS[match["weekday"]], match["mod"], future)
        return Resolved(day, "day", "relative")
    if (match := _WEEKEND.search(low)) is not None:
        ahead = future or (match["mod"] == "this" and published.weekday() < 5)  # "this weekend", told midweek
        return Resolved(weekday(published, 5, match["mod"], ahead), "weekend", "relative")
    if (match := _AGO.search(low)) is not None:
        return _ago(published, match["n"], match["unit"])
    if (match := _MONTH_ONLY.search(low)) is not None:
        return _month(published, MONTHS[match["month"]], match["mod"], future, low)
    for pattern, shift, precision in _PERIODS:
        if pattern.search(low):
            return Resolved(_period(published, shift, precision), precision, "relative")
    return None


def weekday(published: date, wanted: int, modifier: str | None, future: bool) -> date:
    """The day of that weekday the expression means, from the publication day (see module doc)."""
    back = (published.weekday() - wanted) % 7  # days back to the latest one on or before
    ahead = (wanted - published.weekday()) % 7  # days on to the first one on or after
    if modifier in ("next", "coming"):
        return published + timedelta(days=ahead or 7)
    if modifier in ("last", "past"):
        return published - timedelta(days=back or 7)
    if future:
        return published + timedelta(days=ahead)
    return published - timedelta(days=back)


def _ago(published: date, count: str, unit: str) -> Resolved | None:
    n = int(count.replace(",", "")) if count[:1].isdigit() else NUMBERS.get(count)
    if n is None:
        return None
    if unit == "day":
        return Resolved(published - timedelta(days=n), "day", "relative")
    if unit == "week":
        return Resolved(published - timedelta(weeks=n), "week", "relative")
    if unit == "month":
        month = published.month - 1 - n
        return Resolved(date(published.year + month // 12, month % 12 + 1, 1), "month", "relative")
    return Resolved(date(published.year - n, 1, 1), "year", "relative")


def _period(published: date, shift: int, precision: Precision) -> date:
    """The first day of this (0), the last (-1) or the next (1) week, month or year."""
    if precision == "week":
        monday = published - timedelta(days=published.weekday())
        return monday + timedelta(weeks=shift)
    if precision == "month":
        month = published.month - 1 + shift
        return date(published.year + month // 12, month % 12 + 1, 1)
    return date(published.year + shift, 1, 1)


def _month(published: date, month: int, modifier: str | None, future: bool, low: str) -> Resolved:
    """A month without a year: this year's, unless that is after the publication month for a past
    event ("in December", told in March) or "last"/"next"/"this year" says otherwise."""
    year = published.year
    for words, shift in (("last year", -1), ("this year", 0), ("next year", 1)):
        if words in low:
            return Resolved(date(year + shift, month, 1), "month", "relative")
    if modifier == "last" or (modifier != "next" and not future and month > published.month):
        year -= 1
    elif modifier == "next" or (future and month < published.month):
        year += 1
    return Resolved(date(year, month, 1), "month", "relative")
