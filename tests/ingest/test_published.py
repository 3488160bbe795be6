"""parse_published and is_date_line over the date shapes scrapers and feeds print."""

from __future__ import annotations

import pytest

from wirecoder.ingest.published import is_date_line, parse_published

DATE_LINES = [
    ("01st December 2020 11:11 PM", "2020-12-01T23:11"),
    ("Dec 1, 2020", "2020-12-01"),
    ("Dec. 1, 2020", "2020-12-01"),
    ("Tuesday, December 1, 2020", "2020-12-01"),
    ("Tuesday 1 Dec 2020", "2020-12-01"),
    ("1 December 2020 | 11:11 IST", "2020-12-01T11:11+05:30"),
    ("December 01, 2020 23:11 IST", "2020-12-01T23:11+05:30"),
    ("Dec 2, 2020, 11:02 AM", "2020-12-02T11:02"),
    ("Dec 1, 2020 at 5:00 PM", "2020-12-01T17:00"),
    ("DECEMBER 1, 2020 / 4:52 PM", "2020-12-01T16:52"),
    ("Tue 1 Dec 2020 23.11 GMT", "2020-12-01T23:11+00:00"),
    ("17:05 December 01, 2020", "2020-12-01T17:05"),
    ("11:11 PM, Dec 1, 2020", "2020-12-01T23:11"),
    ("01/12/2020 - 14:05", "2020-12-01T14:05"),
    ("01.12.2020", "2020-12-01"),
    ("2020-12-01", "2020-12-01"),
    ("2020-12-01 23:11:05", "2020-12-01T23:11"),
    ("2020-12-01T23:11:00+05:30", "2020-12-01T23:11+05:30"),
    ("2020-12-01T17:41:09Z", "2020-12-01T17:41+00:00"),
    ("Tue, 01 Dec 2020 17:41:09 +0000", "2020-12-01T17:41+00:00"),
]


@pytest.mark.parametrize(("line", "iso"), DATE_LINES)
def test_published_parses_date_line(line: str, iso: str) -> None:
    assert parse_published(line) == iso


@pytest.mark.parametrize(("line", "iso"), DATE_LINES)
def test_published_recognises_date_line(line: str, iso: str) -> None:
    assert is_date_line(line)


NOT_DATE_LINES = [
    "The summit, held on Dec 1, 2020, ended without a joint statement.",
    "On December 1, 2020 the ministry said talks would resume.",
    "Dec 1, 2020 was the day the ceasefire collapsed, officials said.",
    "Talks resumed on Tuesday",
    "2020 people were displaced by the fighting",
    "Dec 1",
    "3.5 million refugees",
    "",
]


@pytest.mark.parametrize("line", NOT_DATE_LINES)
def test_published_rejects_sentence_with_date(line: str) -> None:
    assert not is_date_line(line)


@pytest.mark.parametrize("value", ["Talks resumed on Tuesday", "about 4 hours ago", "", "Dec 1",
                                   "3.5 million"])
def test_published_returns_none_without_a_date(value: str) -> None:
    assert parse_published(value) is None


def test_published_rejects_out_of_range_year() -> None:
    assert parse_published("1 December 1850") is None
