"""Maps out of the box, in headless Chromium: the shipped regency boundaries with their names,
a click on a region or a tile choosing that regency, and the chosen regency's districts on a
map coloured by attainment with their names; no request leaves 127.0.0.1 (plotly's world
topojson comes from this server, tiles are shapes)."""
from tests.browser.view import LABEL_XY, TILE_XY, new_page, open_page, settle, wait_address
from tests.conftest import ARTIFACTS

GEO_PATHS = "() => document.querySelectorAll('.js-plotly-plot path.choroplethlocation').length"


def district_map(pg):
    """(regions drawn, names written) of the district map."""
    return pg.evaluate("""() => { const el = [...document.querySelectorAll('.js-plotly-plot')].find(e =>
        (e._fullData || []).some(t => t.type === 'choropleth' && (t.locations || []).some(c => c.split('.').length === 3)));
        if (!el) return null;
        return [el.querySelectorAll('path.choroplethlocation').length, [...el.querySelectorAll('text')].map(t => t.textContent)]; }""")


def test_geographic_map_with_names_and_a_click(browser, app_server):
    pg = new_page(browser)
    open_page(pg, app_server + "/regencies?map=geo&lang=en")
    pg.wait_for_function(f"() => ({GEO_PATHS})() >= 22", timeout=60_000)
    assert pg.evaluate(GEO_PATHS) == 22
    assert pg.get_by_text("SEJUTA_BOUNDARY_FILE").count() == 0
    names = pg.evaluate("() => [...document.querySelectorAll('.js-plotly-plot text')].map(t => t.textContent)")
    for name in ("Sumba Timur", "Kota Kupang", "TTS", "Sabu Raijua", "Alor"):
        assert name in names, name
    xy = pg.evaluate(LABEL_XY, "Sumba Timur")
    pg.mouse.move(*xy)
    pg.wait_for_timeout(300)
    pg.mouse.click(*xy)
    wait_address(pg, regency="53.11", map="geo", lang="en")
    pg.get_by_text("Kabupaten Sumba Timur in detail").wait_for(timeout=60_000)
    settle(pg)
    pg.wait_for_function("() => document.querySelectorAll('.js-plotly-plot path.choroplethlocation').length >= 44",
                         timeout=60_000)
    regions, texts = district_map(pg)
    assert regions == 22                                                # Sumba Timur's 22 districts
    assert {"KotaWaingapu", "Haharu", "Lewa"} <= {t.replace(" ", "") for t in texts}   # names on two lines join
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "maps_geo_click.png"), full_page=True)
    assert pg.outside == [], pg.outside[:5]


def test_tile_click_chooses_the_regency(browser, app_server):
    pg = new_page(browser)
    open_page(pg, app_server + "/regencies")
    pg.wait_for_function(f"() => ({TILE_XY})('53.20') !== null", timeout=60_000)
    xy = pg.evaluate(TILE_XY, "53.20")
    pg.mouse.move(*xy)
    pg.wait_for_timeout(300)
    pg.mouse.click(*xy)
    wait_address(pg, regency="53.20")
    pg.get_by_text("Rincian Kabupaten Sabu Raijua").wait_for(timeout=60_000)
    settle(pg)
    pg.wait_for_function("() => document.querySelectorAll('.js-plotly-plot path.choroplethlocation').length >= 6",
                         timeout=60_000)
    regions, texts = district_map(pg)
    assert regions == 6 and {"Raijua", "Sabu Barat"} <= set(texts)
    assert pg.outside == [], pg.outside[:5]
