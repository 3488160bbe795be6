"""The dashboard in a real browser: Playwright driving Debian's Chromium (never `playwright install`)
against the app on a real uvicorn server, over a database coded from the seed and news records."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: .ci/run installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.errors = errors
        yield tab
        browser.close()


def test_browser_event_table_and_its_filters(page: Any, server: str) -> None:
    page.goto(server + "/")
    everything = int(page.locator("#total").inner_text())
    assert everything > 10 and page.locator("#events tbody tr").count() == min(everything, 50)
    page.fill("input[name=actor]", "CHN")
    page.fill("input[name=code]", "05")
    page.click("button[type=submit]")
    page.wait_for_url("**/?actor=CHN*")
    rows = page.locator("#events tbody tr")
    assert 0 < rows.count() < everything
    texts = rows.all_inner_texts()
    assert any("Sign formal agreement" in t and "Islamabad" in t for t in texts)
    assert all("CHN" in t for t in texts)


def test_browser_event_page_highlights_evidence_and_shows_provenance(page: Any, server: str) -> None:
    page.goto(server + "/?actor=CHN&code=057")
    page.locator("#events tbody tr a").first.click()
    page.wait_for_selector("#article")
    evidence = page.locator("#article mark.evidence").all_inner_texts()
    assert any("memorandum of understanding" in t for t in evidence)
    assert page.locator("#article mark.date").first.inner_text() == "Monday"
    assert page.locator("#article mark.place").first.inner_text() == "Islamabad"
    provenance = page.locator("#provenance").inner_text()
    assert "cameo_lexicon.tsv" in provenance and "relative" in provenance


def test_browser_dyad_timeline(page: Any, server: str) -> None:
    page.goto(server + "/dyads")
    page.fill("input[name=a]", "CHN")
    page.fill("input[name=b]", "PAK")
    page.click("button[type=submit]")
    page.wait_for_selector("#timeline")
    assert "events over" in page.locator("#summary").inner_text()
    assert page.locator("#timeline rect.coop").count() >= 1


def test_browser_network_and_map(page: Any, server: str) -> None:
    page.goto(server + "/network")
    names = page.locator("#network .node text").all_text_contents()
    assert "Wei Fenghe" in names and page.locator("#network line").count() >= 1
    page.goto(server + "/map")
    assert page.locator("#map path.land").count() > 150  # the offline basemap
    titles = page.locator("#map circle.place title").all_text_contents()
    assert any(t.startswith("Islamabad") for t in titles)


def test_browser_paste_the_seed_and_see_its_events(page: Any, server: str, shared: Path) -> None:
    seed = (shared / "seed" / "000_0e87aa88177b14ee.txt").read_text(encoding="utf-8")
    page.goto(server + "/code")
    page.fill("#text", seed)
    page.click("#code-form button")
    page.wait_for_function("document.querySelectorAll('#coded tbody tr').length > 0", timeout=120_000)
    rows = page.locator("#coded tbody tr").all_inner_texts()
    assert any("057" in r and "Wei Fenghe" in r and "Islamabad" in r for r in rows)
    assert any("2020-11-30" in r for r in rows)
    marks = page.locator("#coded-article mark.evidence").all_inner_texts()
    assert any("signed a memorandum of understanding" in m for m in marks)


def test_browser_markup_in_an_article_never_runs(page: Any, server: str) -> None:
    page.goto(server + "/?actor=RUS&text=Enerhodar")
    page.locator("#events tbody tr a").first.click()
    page.wait_for_selector("#article")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in page.locator("#article").inner_text()
    page.goto(server + "/code")
    page.fill("#text", "<script>window.__pwned = 3</script> Russia accused Ukraine of shelling the plant.")
    page.click("#code-form button")
    page.wait_for_function("document.getElementById('status').textContent.includes('events')", timeout=120_000)
    assert page.evaluate("window.__pwned") is None
    assert not page.errors


def test_browser_pages_load_nothing_from_elsewhere(page: Any, server: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", "/dyads?a=CHN&b=PAK", "/network", "/map", "/code", "/docs"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(server) for url in requested), \
        [u for u in requested if not u.startswith(server)]
    assert "GET /v1/events" in page.locator("main").inner_text()  # the API reference, offline
