"""Every page on a phone (390 x 844, headless Chromium): the sidebar starts closed, nothing
scrolls sideways, the tables (their plain copy, which wraps) fit the screen, chart titles stay
clear of the chart toolbar, axis labels never overlap, tile labels stay inside their tiles and
metric values are not cut. Screenshots of every page in tests/artifacts/phone_*.png."""
import pytest

from tests.browser.view import PHONE, new_page, open_page
from tests.conftest import ARTIFACTS

PAGES = ["/", "/regencies", "/regencies?regency=53.18", "/sectors", "/tiers?regency=53.18", "/claims",
         "/data_quality", "/changes"]
WIDE_TECHNICAL = {"Berkas", "File"}       # the data officer's load history and sample: scroll inside their box

LAYOUT = """() => {
  const box = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  const meet = (a, b) => a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5;
  const out = {titles: [], ticks: [], tiles: [], tables: [], metrics: []};
  for (const el of document.querySelectorAll('.js-plotly-plot')) {
    const title = el.querySelector('.gtitle'), bar = el.querySelector('.modebar');
    if (title && bar && title.textContent.trim() && meet(box(title), box(bar))) out.titles.push(title.textContent);
    for (const ax of el.querySelectorAll('.xaxislayer-above, .xaxislayer')) {
      const ticks = [...ax.querySelectorAll('.xtick text')].filter(t => t.textContent.trim()).map(box)
        .sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < ticks.length; i++) if (ticks[i][0] < ticks[i - 1][2] - 0.5 && meet(ticks[i], ticks[i - 1]))
        out.ticks.push(el.querySelector('.gtitle')?.textContent || '?');
    }
    const tiles = [...el.querySelectorAll('.shapelayer path')].map(box).filter(b => b[2] - b[0] > 5);
    if (tiles.length >= 22) {
      const w = Math.min(...tiles.map(b => b[2] - b[0]));
      for (const t of el.querySelectorAll('.textpoint text')) {
        const b = box(t); if (b[2] - b[0] > w + 1) out.tiles.push(t.textContent);
      }
    }
  }
  for (const t of document.querySelectorAll('.sp-print')) {
    if (!t.offsetParent) continue;
    out.tables.push([t.querySelector('th')?.textContent, t.scrollWidth, t.clientWidth]);
  }
  for (const m of document.querySelectorAll('[data-testid="stMetricValue"]'))
    if (m.scrollWidth > m.clientWidth + 1) out.metrics.push(m.textContent);
  out.grids = [...document.querySelectorAll('[data-testid="stDataFrame"]')].filter(e => e.offsetParent).length;
  out.pageWidth = document.documentElement.scrollWidth;
  const side = document.querySelector('[data-testid="stSidebar"]');
  out.sidebar = side ? [side.getAttribute('aria-expanded'), box(side)] : null;
  return out;
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_on_a_phone(browser, app_server, lang):
    pg = new_page(browser, PHONE)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for url in PAGES:
        open_page(pg, app_server + url + ("&" if "?" in url else "?") + f"lang={lang}")
        pg.wait_for_timeout(1500)
        got = pg.evaluate(LAYOUT)
        where = f"{url} ({lang})"
        expanded, (left, _, right, _) = got["sidebar"]
        assert expanded == "false" or right <= 0, f"sidebar open on {where}: {got['sidebar']}"
        assert got["pageWidth"] <= PHONE[0], f"page scrolls sideways on {where}: {got['pageWidth']}"
        assert not got["titles"], f"chart toolbar over titles on {where}: {got['titles']}"
        assert not got["ticks"], f"axis labels overlap on {where}: {got['ticks']}"
        assert not got["tiles"], f"tile labels spill out on {where}: {got['tiles']}"
        assert not got["metrics"], f"metric values cut on {where}: {got['metrics']}"
        assert got["grids"] == 0, f"a table grid (which does not wrap) is shown on {where}"
        too_wide = [t for t in got["tables"] if t[1] > t[2] + 1 and t[0] not in WIDE_TECHNICAL]
        assert not too_wide, f"tables wider than the phone on {where}: {too_wide}"
        name = url.strip("/").split("?")[0] or "overview"
        pg.screenshot(path=str(ARTIFACTS / f"phone_{name}{'_regency' if 'regency' in url else ''}_{lang}.png"))
    assert pg.outside == [], pg.outside[:5]
