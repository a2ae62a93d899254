"""Shared steps of the browser tests of the view (address, maps, phones, languages): pages
of a given size that record every request leaving 127.0.0.1, waiting until a run is over,
and reading positions from plotly's own layout."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

DESK, PHONE = (1440, 900), (390, 844)
IDLE = "() => document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state') === 'notRunning'"
TILE_XY = """(code) => { for (const el of document.querySelectorAll('.js-plotly-plot')) {
    const tr = (el._fullData || []).find(t => t.name === 'tiles'); if (!tr) continue;
    const i = tr.customdata.findIndex(c => c[0] === code); if (i < 0) continue;
    const fl = el._fullLayout, r = el.getBoundingClientRect();
    return [r.left + fl.xaxis._offset + fl.xaxis.l2p(tr.x[i]), r.top + fl.yaxis._offset + fl.yaxis.l2p(tr.y[i])]; }
    return null; }"""
LABEL_XY = """(name) => { for (const el of document.querySelectorAll('.js-plotly-plot')) {
    if (!(el._fullData || []).some(t => t.type === 'choropleth')) continue;
    const t = [...el.querySelectorAll('text')].find(x => x.textContent === name); if (!t) continue;
    const b = t.getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2]; } return null; }"""


def new_page(browser, size=DESK, lang="id-ID"):
    mobile = size[0] < 600
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale=lang, is_mobile=mobile,
                              has_touch=mobile)
    pg = ctx.new_page()
    pg.outside = []
    pg.on("request", lambda r: urlparse(r.url).hostname not in ("127.0.0.1", "localhost", None)
          and r.url.startswith("http") and pg.outside.append(r.url))
    return pg


FRESH = "() => !document.querySelector('[data-stale=\"true\"]')"
# no element of the page still fading in (opacity strictly between 0 and 1 on an element with text;
# 0 is an element meant unseen)
FADED_IN = """() => ![...document.querySelectorAll('[data-testid="stMain"] [data-testid]')].some(e => {
    const o = parseFloat(getComputedStyle(e).opacity); return e.textContent.trim() && o > 0 && o < 1; })"""


def settle(pg, timeout=60_000) -> None:
    """Wait until the app's run is over, the charts have drawn and no element is left dimmed
    as stale from an earlier run (Streamlit fades those: their colours are not the page's)."""
    pg.locator("h1").first.wait_for(timeout=timeout)
    pg.wait_for_function(IDLE, timeout=timeout)
    pg.wait_for_timeout(1200)
    pg.wait_for_function(IDLE, timeout=timeout)
    pg.wait_for_function(FRESH, timeout=timeout)
    pg.wait_for_function(FADED_IN, timeout=timeout)


def open_page(pg, url: str) -> None:
    pg.goto(url)
    settle(pg)


def address(pg) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(pg.url).query).items()}


def path(pg) -> str:
    return urlparse(pg.url).path


def wait_address(pg, **want) -> None:
    """Wait until the address holds these parameters (the app writes it at the end of a run)."""
    pg.wait_for_function("(want) => { const q = new URLSearchParams(location.search);"
                         " return Object.entries(want).every(([k, v]) => v === null ? !q.has(k) : q.get(k) === v); }",
                         arg=want, timeout=60_000)


def sidebar_link(pg, text: str):
    return pg.locator('[data-testid="stSidebar"] a', has_text=text).first


def metric_value(pg, label_start: str) -> str:
    m = pg.locator('[data-testid="stMetric"]', has=pg.locator('[data-testid="stMetricLabel"]', has_text=label_start))
    return m.first.locator('[data-testid="stMetricValue"]').inner_text().strip()


def select_value(pg, key: str) -> str:
    """What a selectbox (widget key) shows."""
    return pg.locator(f".st-key-{key} input").first.input_value()


def active_choice(pg, key: str) -> str:
    """The chosen button of a segmented control (widget key)."""
    return pg.locator(f'.st-key-{key} button[aria-checked="true"]').first.inner_text().strip()
