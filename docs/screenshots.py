"""Screenshots of every dashboard page, for the README.

    python docs/screenshots.py [--db DB]

Codes the seed article and a slice of the news corpus into DB (default: a temporary file) unless
it exists, serves it on a loopback port and saves docs/<page>.png with Debian's Chromium.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from wirecoder.api import ServeSettings, create_app
from wirecoder.batch import run
from wirecoder.settings import Settings

DOCS = Path(__file__).resolve().parent
SHARED = DOCS.parents[1] / "shared"


def build(db: Path) -> None:
    corpus = db.with_suffix(".jsonl")
    seed = (SHARED / "seed" / "000_0e87aa88177b14ee.txt").read_text(encoding="utf-8")
    lines = (SHARED / "corpora" / "news" / "news_articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    dated = [r for r in records if r.get("date")][::6]
    corpus.write_text(
        "\n".join(json.dumps(r) for r in [{"id": "seed", "text": seed}, *dated]) + "\n", encoding="utf-8"
    )
    run([str(corpus)], db, Settings(workers=2), progress=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "wirecoder-screens.duckdb")
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(ServeSettings(db=str(args.db))), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    seed = (SHARED / "seed" / "000_0e87aa88177b14ee.txt").read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--headless", "--no-sandbox"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(base + "/?actor=CHN")
        page.screenshot(path=str(DOCS / "events.png"))
        page.goto(base + "/?actor=CHN&code=057")
        page.locator("#events tbody tr a").first.click()
        page.wait_for_selector("#article")
        page.screenshot(path=str(DOCS / "event.png"), full_page=True)
        page.goto(base + "/dyads?a=USA&b=SYR")
        page.screenshot(path=str(DOCS / "dyads.png"))
        page.goto(base + "/network")
        page.screenshot(path=str(DOCS / "network.png"))
        page.goto(base + "/map")
        page.screenshot(path=str(DOCS / "map.png"))
        page.goto(base + "/code")
        page.fill("#text", seed)
        page.click("#code-form button")
        page.wait_for_function("document.querySelectorAll('#coded tbody tr').length > 0", timeout=120_000)
        page.screenshot(path=str(DOCS / "code.png"), full_page=True)
        browser.close()
    server.should_exit = True
    print("wrote", ", ".join(sorted(p.name for p in DOCS.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
