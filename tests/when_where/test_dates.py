"""Time expressions to days: the phrases are spaCy DATE entities of ../shared/corpora/news records
(record id and publication day in each case)."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.when_where.dates import resolve, weekday


@pytest.mark.parametrize(("text", "published", "day", "precision"), [
    ("19 December", "2019-01-07", "2018-12-19", "day"),  # guardian-sdf-126: nearest year is the last one
    ("March 18, 1965", "2019-05-12", "1965-03-18", "day"),
    ("Nov. 30", "2020-12-01", "2020-11-30", "day"),
    ("30/11/2020", "2020-12-01", "2020-11-30", "day"),  # day first
    ("11/30/2020", "2020-12-01", "2020-11-30", "day"),  # month first when the day cannot be a month
    ("2019-03-09", "2019-03-12", "2019-03-09", "day"),
    ("1953", "2018-05-09", "1953-01-01", "year"),  # guardian-sdf-318 "in 1953"
    ("July 2019", "2019-09-01", "2019-07-01", "month"),
])
def test_dates_explicit(text: str, published: str, day: str, precision: str) -> None:
    found = resolve(text, date.fromisoformat(published))
    assert found is not None
    assert (found.day.isoformat(), found.precision, found.basis) == (day, precision, "explicit")


@pytest.mark.parametrize(("text", "published", "day", "precision"), [
    ("Monday", "2020-12-01", "2020-11-30", "day"),  # the seed: a Tuesday story's Monday
    ("Tuesday", "2020-12-01", "2020-12-01", "day"),  # the same day, not a week back
    ("Wednesday", "2019-10-04", "2019-10-02", "day"),  # wikinews-2019-127
    ("last Monday", "2020-11-30", "2020-11-23", "day"),  # "last" on a Monday: a week back
    ("next Monday", "2020-11-30", "2020-12-07", "day"),
    ("coming Friday", "2020-12-01", "2020-12-04", "day"),
    ("Monday night", "2019-09-03", "2019-09-02", "day"),
    ("yesterday", "2020-08-08", "2020-08-07", "day"),  # wikinews-2020-080
    ("this morning", "2019-09-10", "2019-09-10", "day"),
    ("tomorrow", "2020-03-16", "2020-03-17", "day"),
    ("three days ago", "2020-12-01", "2020-11-28", "day"),
    ("last week", "2019-03-09", "2019-02-25", "week"),  # guardian-sdf-35 (a Saturday): Monday of last week
    ("this week", "2018-09-07", "2018-09-03", "week"),  # guardian-sdf-214
    ("the weekend", "2020-12-01", "2020-11-28", "weekend"),  # the Saturday before a Tuesday
    ("earlier this month", "2018-12-21", "2018-12-01", "month"),
    ("last month", "2019-01-15", "2018-12-01", "month"),
    ("February", "2019-05-12", "2019-02-01", "month"),  # wikinews-2019-055 "In February"
    ("December", "2019-03-01", "2018-12-01", "month"),  # a later month of a past event: last year's
    ("last year", "2019-02-11", "2018-01-01", "year"),
])
def test_dates_relative_to_the_publication_day(text: str, published: str, day: str, precision: str) -> None:
    found = resolve(text, date.fromisoformat(published))
    assert found is not None
    assert (found.day.isoformat(), found.precision, found.basis) == (day, precision, "relative")


def test_dates_a_weekday_of_an_event_yet_to_come_looks_forward() -> None:
    # guardian-sdf-683 (Tuesday 2017-11-28): "will arrive in Geneva on Wednesday"
    assert weekday(date(2017, 11, 28), 2, None, future=True) == date(2017, 11, 29)
    assert weekday(date(2017, 11, 28), 2, None, future=False) == date(2017, 11, 22)
    assert weekday(date(2017, 11, 28), 1, None, future=True) == date(2017, 11, 28)


@pytest.mark.parametrize("text", [
    "the past 18 months",  # guardian-sdf-776: a span, not a point
    "day-long",  # the seed's "a day-long visit"
    "19-year-old",
    "decades",
    "two years",
    "the coming months",
    "recent years",
])
def test_dates_durations_and_ages_name_no_day(text: str) -> None:
    assert resolve(text, date(2020, 12, 1)) is None


def test_dates_long_ago_gives_a_year_or_nothing_never_an_error() -> None:
    assert resolve("3000 years ago", date(2020, 12, 1)) is None  # before year 1
    found = resolve("2,000 years ago", date(2020, 12, 1))
    assert found is not None and found.day == date(20, 1, 1) and found.precision == "year"


def test_dates_relative_words_need_a_publication_day() -> None:
    assert resolve("Monday", None) is None
    found = resolve("30 November 2020", None)
    assert found is not None and found.day == date(2020, 11, 30)
    assert resolve("30 November", None) is None  # no year and nothing to take it from
