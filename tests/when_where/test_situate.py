"""Each event's day and place, on real articles and sentences of ../shared/corpora/news and the seed
(record id and publication day in each case)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.ingest import article_from_text
from wirecoder.pipeline import Coder
from wirecoder.records import Document, Event
from wirecoder.settings import Settings

TALKS = ("Chinese Defence Minister Gen Wei Fenghe held talks with Pakistan Army chief Gen Qamar Javed Bajwa in "
         "Islamabad on Monday and signed a memorandum of understanding to deepen defence cooperation between the "
         "all-weather allies.")  # the seed's lede, with Wei's full name from its next paragraph


def code(coder: Coder, text: str, published: str | None) -> Document:
    [document] = coder.code([article_from_text(text, id="t", published=published)])
    assert isinstance(document, Document)
    return document


def record(coder: Coder, news_records: list[dict[str, object]], record_id: str) -> Document:
    [found] = [r for r in news_records if r["id"] == record_id]
    return code(coder, str(found["text"]), str(found["date"]))


def event_at(document: Document, trigger: str, sentence_start: str) -> Event:
    """The event coded from ``trigger`` in the sentence that starts with ``sentence_start``."""
    found = [e for e in document.events if any(ev.trigger == trigger and ev.sentence.lstrip().startswith(sentence_start)
                                               for ev in e.evidence)]
    assert found, [(e.code, [ev.trigger for ev in e.evidence]) for e in document.events]
    return found[0]


# ---------- dates ----------

def test_situate_a_weekday_hanging_from_the_event(coder: Coder, news_records: list[dict[str, object]]) -> None:
    document = record(coder, news_records, "wikinews-2019-127")  # published Friday 2019-10-04
    event = event_at(document, "sentenced", "On Wednesday")
    assert (event.date, event.date_basis, event.date_precision) == ("2019-10-02", "relative", "day")
    assert event.date_span is not None
    assert document.article.text[event.date_span.start:event.date_span.end] == "Wednesday"


def test_situate_a_time_carries_across_coordinated_verbs(coder: Coder) -> None:
    document = code(coder, TALKS, "2020-12-01")  # the seed
    days = {e.code: (e.date, e.date_basis) for e in document.events}
    assert days["046"] == days["057"] == ("2020-11-30", "relative")


def test_situate_the_reporting_verbs_time_reaches_the_reported_event(coder: Coder) -> None:
    document = code(coder, "Gen Wei also met with Pakistan President Arif Alvi and Prime Minister Imran Khan, "
                           "the statement said on Tuesday.", "2020-12-01")  # the seed
    met = [e for e in document.events if e.root == "04"]
    assert met and all((e.date, e.date_basis) == ("2020-12-01", "relative") for e in met)


def test_situate_no_time_from_inside_what_was_said(coder: Coder, news_records: list[dict[str, object]]) -> None:
    document = record(coder, news_records, "wikinews-2019-023")  # 2019-02-02
    said = event_at(document, "said", "He also said this is not likely to happen again next year")
    assert (said.date, said.date_basis) == ("2019-02-02", "publication")


def test_situate_a_paragraphs_time_carries_to_the_next_sentence(coder: Coder,
                                                                 news_records: list[dict[str, object]]) -> None:
    document = record(coder, news_records, "wikinews-2019-000")  # published Friday 2019-01-04
    promised = event_at(document, "promised", "Chelyabinsk's governor")
    assert (promised.date, promised.date_basis) == ("2019-01-02", "relative")
    assert promised.date_span is not None and promised.date_span.text == "Wednesday"


def test_situate_an_event_yet_to_come_is_dated_when_announced(coder: Coder,
                                                              news_records: list[dict[str, object]]) -> None:
    document = record(coder, news_records, "guardian-sdf-628")  # Monday 2018-01-22: "will travel ... on Tuesday"
    travel = event_at(document, "travel", "The Turkish foreign minister")
    assert (travel.date, travel.date_basis) == ("2018-01-22", "publication")


def test_situate_without_a_publication_day_relative_times_give_no_date(
        coder: Coder, news_records: list[dict[str, object]]) -> None:
    [found] = [r for r in news_records if r["id"] == "guardian-sdf-694"]  # "met ... on Sunday"
    document = code(coder, str(found["text"]), None)
    event = event_at(document, "met", "In preparation for the Sochi summit")
    assert event.date is None and event.date_basis is None
    assert event.location is not None and event.location.name == "Antalya"


def test_situate_reports_of_different_days_stay_apart(coder: Coder) -> None:
    # the seed's lede, then the same pair meeting again on another day
    document = code(coder, TALKS + "\n\nGen Wei held talks with Gen Bajwa again on Sunday.", "2020-12-01")
    talks = sorted(e.date or "" for e in document.events if e.code == "046")
    assert talks == ["2020-11-29", "2020-11-30"]


# ---------- places ----------

def test_situate_a_place_after_in(coder: Coder, news_records: list[dict[str, object]]) -> None:
    document = record(coder, news_records, "wikinews-2019-055")
    event = event_at(document, "attended", "In February")
    assert event.location is not None
    assert (event.location.name, event.location.country, event.location.feature, event.location.level) == \
        ("Rome", "ITA", "city", "own")
    assert event.location.geonameid == 3169070 and event.location.lat == pytest.approx(41.89, abs=0.01)
    assert event.location.span is not None and event.location.span.text == "Rome"


def test_situate_a_place_inside_a_phrase_after_in(coder: Coder, news_records: list[dict[str, object]]) -> None:
    document = record(coder, news_records, "guardian-sdf-694")  # "met in the Turkish resort of Antalya"
    event = event_at(document, "met", "In preparation for the Sochi summit")
    assert event.location is not None and (event.location.name, event.location.country) == ("Antalya", "TUR")
    assert event.date == "2017-11-19"


def test_situate_a_destination_is_the_place_of_a_visit_only(coder: Coder) -> None:
    document = code(coder, "Gen Wei, who is also the State Councillor, arrived in Pakistan after completing a "
                           "day-long visit to Nepal on Sunday.", "2020-12-01")  # the seed
    places = {e.target.country if e.target else None: e.location for e in document.events if e.code == "042"}
    assert places["NPL"] is not None and places["NPL"].country == "NPL"
    assert places["PAK"] is not None and places["PAK"].country == "PAK"


def test_situate_the_place_of_a_visit_during_which_it_was_said(coder: Coder,
                                                               news_records: list[dict[str, object]]) -> None:
    document = record(coder, news_records, "guardian-sdf-656")  # "On a visit to Mogadishu, Priti Patel announced"
    event = event_at(document, "announced", "On a visit to Mogadishu")
    assert event.location is not None and (event.location.name, event.location.country) == ("Mogadishu", "SOM")


def test_situate_a_first_level_region(coder: Coder, news_records: list[dict[str, object]]) -> None:
    document = record(coder, news_records, "wikinews-2019-058")  # "in the US state of Alabama"
    event = event_at(document, "outlawing", "On Wednesday")
    assert event.location is not None
    assert (event.location.name, event.location.country, event.location.feature) == ("Alabama", "USA", "region")


def test_situate_a_country_named_as_a_party_is_no_place(coder: Coder) -> None:
    document = code(coder, "Pakistan firmly supports China's stand on issues related to the South China Sea, "
                           "Taiwan, Xinjiang, Tibet and so on.", "2020-12-01")  # the seed
    assert document.events and all(e.location is None for e in document.events)


def test_situate_no_place_from_inside_what_was_said(coder: Coder, news_records: list[dict[str, object]]) -> None:
    document = record(coder, news_records, "guardian-sdf-119")  # "died in Syria ..., the UN has said"
    said = event_at(document, "said", "At least 15 children")
    assert said.location is None


def test_situate_never_the_dateline_unless_asked(coder: Coder, shared: Path) -> None:
    seed = shared / "seed" / "000_0e87aa88177b14ee.txt"
    [default] = coder.code([article_from_text(seed.read_text(encoding="utf-8"), id="seed")])
    assert isinstance(default, Document) and default.article.dateline == "Beijing"
    call = event_at(default, "called", "Chinese Defence Minister")
    assert call.location is None
    [asked] = Coder(Settings(dateline_places=True)).code([article_from_text(seed.read_text(encoding="utf-8"),
                                                                           id="seed")])
    assert isinstance(asked, Document)
    call = event_at(asked, "called", "Chinese Defence Minister")
    assert call.location is not None and (call.location.name, call.location.level) == ("Beijing", "dateline")
    talks = next(e for e in asked.events if e.code == "046")
    assert talks.location is not None and talks.location.name == "Islamabad"  # its own place still wins


def test_situate_a_city_the_recogniser_calls_a_group_is_no_actor(coder: Coder) -> None:
    # ConfliBERT annotations (real news): spaCy tags "Aleppo" NORP
    document = code(coder, "Water supply cuts have left several districts in Aleppo without water, the Syrian "
                           "Observatory for Human Rights said.", "2016-09-01")
    assert "Aleppo" not in {a.name for a in document.actors}
    assert all(e.target is None or e.target.name != "Aleppo" for e in document.events)
