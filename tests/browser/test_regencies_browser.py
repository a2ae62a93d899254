"""The regency page as a regent sees it, in headless Chromium: the tile map (always there) and
the geographic map from the real boundary file, 22 regions drawn each, nothing fetched from
outside 127.0.0.1, screenshots saved to tests/artifacts/.
A link opened straight to the page (as sent by WhatsApp) must not raise Streamlit's
"Page not found" dialog: app.py keeps each url_path equal to its file name for that."""

import duckdb
import pytest

from tests.conftest import ARTIFACTS, ROOT, serve
from ui import fmt

REAL_BOUNDARIES = ROOT.parent / "shared" / "geo" / "ntt_regencies.geojson"
TILE_SHAPES = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(el => (el._fullLayout.shapes || []).filter(s => (s.name || '').startsWith('tile:')).length
               ? el.querySelectorAll('.shapelayer path[d]').length : 0)
    .reduce((a, b) => a + b, 0)"""


def mart_active(wh, code: str) -> int:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute("select n_active from mart_area_progress where area_code = $c", {"c": code}).fetchone()[0]
    finally:
        con.close()


def open_regency_page(page, url: str):
    page.goto(url)
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.wait_for_timeout(2500)   # let every chart draw
    assert page.get_by_text("Page not found").count() == 0


def check_page(page, wh):
    shown = page.locator('[data-testid="stMetric"]').first.locator('[data-testid="stMetricValue"]').inner_text()
    assert shown.strip() == fmt.number(mart_active(wh, "53.02"), "id")
    assert page.get_by_text("Kabupaten Timor Tengah Selatan").count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Traceback" not in page.content()
    assert page.outside == [], f"requests left 127.0.0.1: {page.outside[:5]}"


@pytest.fixture(scope="module")
def geo_server(demo_env):
    """The dashboard on the small demo with SEJUTA_BOUNDARY_FILE set to the real boundary file."""
    if not REAL_BOUNDARIES.exists():
        pytest.skip("real boundary file ../shared/geo/ntt_regencies.geojson is not present on this machine")
    env, _, _ = demo_env
    with serve({**env, "SEJUTA_BOUNDARY_FILE": str(REAL_BOUNDARIES)}) as url:
        yield url


def test_tile_map(page, app_server, demo_env):
    open_regency_page(page, app_server + "/regencies?regency=53.02&map=tile")
    assert page.evaluate(TILE_SHAPES) == 22
    assert "regency=53.02" in page.url and "lang=id" in page.url     # the state is in the link
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "regencies_tile.png"), full_page=True)
    check_page(page, demo_env[2])


def test_geographic_map(page, geo_server, demo_env):
    open_regency_page(page, geo_server + "/regencies?regency=53.02&map=geo&color=tier")
    page.locator(".js-plotly-plot path.choroplethlocation").first.wait_for(timeout=30_000)
    regions = page.locator(".js-plotly-plot").first.locator("path.choroplethlocation")
    assert regions.count() == 22                                         # the district map follows below
    assert page.get_by_text("SEJUTA_BOUNDARY_FILE").count() == 0          # no "not configured" note
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "regencies_geo.png"), full_page=True)
    check_page(page, demo_env[2])
