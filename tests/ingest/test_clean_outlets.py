"""clean_text over wire copy in the shapes of different outlets (fixtures/outlets/, expected.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from wirecoder.ingest.clean import Cleaned, clean_text

OUTLETS = Path(__file__).parent / "fixtures" / "outlets"
SEED = Path(__file__).parents[2] / ".." / "shared" / "seed" / "000_0e87aa88177b14ee.txt"
FIELDS = ("title", "published", "agency", "byline", "dateline")

SEED_EXPECTED: dict[str, Any] = {
    "published": "2020-12-01T23:11",
    "agency": "PTI",
    "dateline": "Beijing",
    "paragraphs": 16,
    "starts": "Chinese Defence Minister Gen Wei Fenghe on Tuesday called",
    "absent": ["Published:", "representational", "Photo |", "By PTI", "BEIJING"],
    "once": ["signed a memorandum of understanding", "The Chinese statement was also silent"],
}


def _expectations() -> dict[str, dict[str, Any]]:
    with (OUTLETS / "expected.yaml").open(encoding="utf-8") as handle:
        table: dict[str, dict[str, Any]] = yaml.safe_load(handle)
    return table


CASES = sorted(_expectations().items())
ALL_CASES = [pytest.param(name, exp, id=name.removesuffix(".txt")) for name, exp in CASES]
ALL_CASES.append(pytest.param("seed", SEED_EXPECTED, id="seed-pti"))


@cache
def _clean(name: str, detect_title: bool) -> Cleaned:
    if name == "seed":
        if not SEED.is_file():
            pytest.skip(f"seed article not found at {SEED}")
        return clean_text(SEED.read_text(encoding="utf-8"), detect_title=detect_title)
    return clean_text((OUTLETS / name).read_text(encoding="utf-8"), detect_title=detect_title)


def _cleaned(name: str, expected: dict[str, Any]) -> Cleaned:
    return _clean(name, "title" in expected)


def _paragraphs(cleaned: Cleaned) -> list[str]:
    return cleaned.text.split("\n\n")


def test_clean_outlet_fixtures_all_have_expectations() -> None:
    fixtures = {path.name for path in OUTLETS.glob("*.txt")}
    assert fixtures == set(_expectations())
    assert len(fixtures) >= 16


@pytest.mark.parametrize(("name", "expected"), ALL_CASES)
@pytest.mark.parametrize("field", FIELDS)
def test_clean_extracts_metadata(name: str, expected: dict[str, Any], field: str) -> None:
    assert getattr(_cleaned(name, expected), field) == expected.get(field)


@pytest.mark.parametrize(("name", "expected"), ALL_CASES)
def test_clean_keeps_every_body_paragraph(name: str, expected: dict[str, Any]) -> None:
    assert len(_paragraphs(_cleaned(name, expected))) == expected["paragraphs"]


@pytest.mark.parametrize(("name", "expected"), ALL_CASES)
def test_clean_body_starts_after_dateline(name: str, expected: dict[str, Any]) -> None:
    assert _cleaned(name, expected).text.startswith(expected["starts"])


@pytest.mark.parametrize(("name", "expected"), ALL_CASES)
def test_clean_removes_furniture(name: str, expected: dict[str, Any]) -> None:
    text = _cleaned(name, expected).text
    assert [s for s in expected.get("absent", []) if s in text] == []


@pytest.mark.parametrize(("name", "expected"), ALL_CASES)
def test_clean_keeps_one_copy(name: str, expected: dict[str, Any]) -> None:
    text = _cleaned(name, expected).text
    assert {s: text.count(s) for s in expected.get("once", [])} == dict.fromkeys(expected.get("once", []), 1)


@pytest.mark.parametrize(("name", "expected"), ALL_CASES)
def test_clean_paragraphs_are_single_lines(name: str, expected: dict[str, Any]) -> None:
    assert all(p.strip() == p and "\n" not in p and p for p in _paragraphs(_cleaned(name, expected)))


# ---------- things that look like furniture but are body ----------

BODY_LOOKALIKES = [
    pytest.param("NATO said on Tuesday it would keep troops in Afghanistan until conditions allowed.",
                 id="nato"),
    pytest.param("UPDATE: The ministry later said the talks would resume on Friday.", id="update-prefix"),
    pytest.param("A photo published by state media showed Kim inspecting the launch site.",
                 id="photo-sentence"),
    pytest.param("File photos of the site showed damage to the reactor building, the agency said.",
                 id="file-photos-sentence"),
    pytest.param("The summit, held on Dec 1, 2020, ended without a joint statement.", id="date-in-sentence"),
    pytest.param("Follow-up talks are planned for January, officials said.", id="follow-up"),
    pytest.param("Published reports in Cairo said the dam talks had stalled.", id="published-reports"),
    pytest.param("Beijing: a city of 21 million, has been under partial lockdown since Monday.",
                 id="mixed-case-place-colon"),
    pytest.param("EU officials said the sanctions would take effect on Monday — or sooner.",
                 id="trailing-dash"),
    pytest.param("Reuters reported on Tuesday that the talks had stalled.", id="agency-subject"),
    pytest.param("Support for the deal stood at 41 percent (Reuters/Ipsos)", id="poll-credit"),
    pytest.param("The ministry said 40 soldiers were killed (AFP)", id="agency-in-brackets"),
    pytest.param("Kim Soo-yeon, a ministry official, declined to comment | officials said.",
                 id="pipe-in-text"),
]


@pytest.mark.parametrize("paragraph", BODY_LOOKALIKES)
def test_clean_keeps_body_lookalike(paragraph: str) -> None:
    lede = "The United States and its allies met on Tuesday to discuss the crisis."
    tail = "The talks will continue next week."
    cleaned = clean_text(f"WASHINGTON (Reuters) - {lede}\n\n{paragraph}\n\n{tail}")
    assert cleaned.text.split("\n\n") == [lede, paragraph, tail]
    assert cleaned.dateline == "Washington"
    assert cleaned.published is None


@pytest.mark.parametrize("credit", ["Chip Somodevilla/Getty Images", "John Smith/AFP via Getty Images",
                                    "Photo: Reuters", "EPA-EFE/Str"])
def test_clean_drops_photo_credit_run_into_a_paragraph(credit: str) -> None:
    said = 'The action comes "in response to warnings," John Bolton said in a statement'
    cleaned = clean_text(f"{said} | {credit}\n\nThe talks will continue next week.")
    assert cleaned.text.split("\n\n") == [said, "The talks will continue next week."]


FIRST_PARAGRAPH_LOOKALIKES = [
    "NATO said on Tuesday it would keep troops in Afghanistan.",
    "UPDATE: The ministry later said the talks would resume.",
    "UN Secretary-General Antonio Guterres said: \"We need a ceasefire.\"",
    "Beijing: a city of 21 million, has been under partial lockdown since Monday.",
    "BREAKING - Iran says it has arrested suspects in the killing of its top nuclear scientist.",
    "Smith, Jones - and two other ministers resigned on Tuesday.",  # no country after the comma
]


@pytest.mark.parametrize("paragraph", FIRST_PARAGRAPH_LOOKALIKES)
def test_clean_first_paragraph_caps_word_is_not_a_dateline(paragraph: str) -> None:
    cleaned = clean_text(f"{paragraph}\n\nThe talks will continue next week.")
    assert cleaned.dateline is None
    assert cleaned.text.split("\n\n")[0] == paragraph


@pytest.mark.parametrize(("paragraph", "place", "body"), [
    # conflibert-108 and conflibert-065 (Al Jazeera): a title-case place and its country before a dash
    ("Bulawayo, Zimbabwe - On November 24, Emmerson Mnangagwa arrived in Harare's main sports stadium.",
     "Bulawayo", "On November 24, Emmerson Mnangagwa arrived in Harare's main sports stadium."),
    ("Raipur, India - Rights activists in the Indian state of Chhattisgarh have called for action.", "Raipur",
     "Rights activists in the Indian state of Chhattisgarh have called for action."),
])
def test_clean_title_case_dateline_with_country(paragraph: str, place: str, body: str) -> None:
    cleaned = clean_text(f"{paragraph}\n\nThe talks will continue next week.")
    assert (cleaned.dateline, cleaned.text.split("\n\n")[0]) == (place, body)


def test_clean_meta_lines_joined_to_lede_are_peeled() -> None:
    cleaned = clean_text("Published: 01st December 2020 11:11 PM\nBy PTI\nBEIJING: China said on Tuesday it "
                         "would send an envoy.\n\nThe envoy will arrive on Friday.")
    assert (cleaned.published, cleaned.agency, cleaned.dateline) == ("2020-12-01T23:11", "PTI", "Beijing")
    assert cleaned.text == "China said on Tuesday it would send an envoy.\n\nThe envoy will arrive on Friday."


def test_clean_agency_sign_off_on_last_paragraph_is_body() -> None:
    cleaned = clean_text("ISLAMABAD: Pakistan and Afghanistan agreed on Tuesday to reopen the border.\n\n"
                         "Officials said trade would resume within a week. — Reuters\n\n"
                         "Published in Dawn, December 2nd, 2020")
    assert cleaned.text.split("\n\n") == ["Pakistan and Afghanistan agreed on Tuesday to reopen the border.",
                                          "Officials said trade would resume within a week."]
    assert (cleaned.agency, cleaned.dateline) == ("Reuters", "Islamabad")


def test_clean_wrapped_lede_is_not_a_title() -> None:
    raw = ("Chinese Defence Minister Gen Wei Fenghe on Tuesday called\n"
           "for closer military ties with Pakistan.\n\nWei held talks with army chief Gen Qamar Javed Bajwa.")
    cleaned = clean_text(raw, detect_title=True)
    assert cleaned.title is None
    assert cleaned.text.split("\n\n")[0] == ("Chinese Defence Minister Gen Wei Fenghe on Tuesday called "
                                             "for closer military ties with Pakistan.")


def test_clean_title_stacked_on_meta_lines() -> None:
    cleaned = clean_text("Talks resume in Doha\nBy Jane Smith\nDec 1, 2020\n\nThe talks resumed on Tuesday.",
                         detect_title=True)
    assert (cleaned.title, cleaned.byline) == ("Talks resume in Doha", "Jane Smith")
    assert cleaned.published == "2020-12-01"
    assert cleaned.text == "The talks resumed on Tuesday."
