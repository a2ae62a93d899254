"""A real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.
Every request the page makes is recorded: one that leaves 127.0.0.1 fails the test."""
import shutil
from urllib.parse import urlparse

import pytest

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    exe = shutil.which("chromium")
    assert exe, "Debian's chromium is required (tests/run.sh installs it)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 2200}, locale="id-ID")
    pg = ctx.new_page()
    pg.outside = []
    pg.on("request", lambda r: urlparse(r.url).hostname not in ("127.0.0.1", "localhost", None)
          and r.url.startswith("http") and pg.outside.append(r.url))
    yield pg
    ctx.close()
