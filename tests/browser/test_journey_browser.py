"""The regent's journey in headless Chromium: a deep link with Sumba Barat Daya's BPS code in
English, then the tier page, then claims, then Back twice; the address and what the page says
are checked at every step, and the language switch is undone by Back. Nothing leaves 127.0.0.1."""
import duckdb

from tests.browser.view import (active_choice, address, metric_value, new_page, open_page, path, select_value,
                                settle, sidebar_link, wait_address)
from ui import fmt

SBD = "Kabupaten Sumba Barat Daya"


def scalar(wh, sql, **params):
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(sql, params).fetchone()[0]
    finally:
        con.close()


def on_regency_page(pg, wh, lang):
    wait_address(pg, lang=lang, regency="53.18")
    assert path(pg) == "/regencies"
    detail = f"{SBD} in detail" if lang == "en" else f"Rincian {SBD}"
    pg.get_by_text(detail).first.wait_for(timeout=30_000)
    active = scalar(wh, "select n_active from mart_area_progress where area_code = '53.18'")
    assert metric_value(pg, "Active members" if lang == "en" else "Peserta aktif") == fmt.number(active, lang)


def test_regent_journey(browser, app_server, demo_env):
    wh = demo_env[2]
    pg = new_page(browser)
    open_page(pg, app_server + "/regencies?regency=5317&lang=en")           # BPS 5317 = Kemendagri 53.18
    on_regency_page(pg, wh, "en")
    assert pg.locator("h1").first.inner_text() == "Regency progress"
    for link in ("Province overview", "Sectors", "Incentive tiers", "Claims & subsidies", "Data quality"):
        href = sidebar_link(pg, link).get_attribute("href")
        assert "lang=en" in href and "regency=53.18" in href, (link, href)

    sidebar_link(pg, "Incentive tiers").click()
    pg.get_by_text(f"What if more members join in {SBD}?").wait_for(timeout=60_000)
    settle(pg)
    assert path(pg) == "/tiers" and address(pg) == {"lang": "en", "regency": "53.18"}
    tier = scalar(wh, "select tier_label_en from mart_tier_progress where area_code = '53.18'")
    assert metric_value(pg, f"Tier of {SBD}") == tier

    sidebar_link(pg, "Claims & subsidies").click()
    pg.get_by_text("Claims paid,").first.wait_for(timeout=60_000)
    settle(pg)
    assert path(pg) == "/claims" and address(pg) == {"lang": "en", "regency": "53.18"}
    assert select_value(pg, "claims_regency") == SBD
    ytd = scalar(wh, "select coalesce(sum(claims_rp), 0) from mart_claims_monthly where regency_code = '53.18' "
                     "and month between '2026-01-01' and '2026-10-01'")
    assert metric_value(pg, "Claims paid, Jan 2026 – Oct 2026") == fmt.rupiah_short(ytd, "en")

    pg.go_back()
    pg.get_by_text(f"What if more members join in {SBD}?").wait_for(timeout=60_000)
    settle(pg)
    assert path(pg) == "/tiers" and address(pg) == {"lang": "en", "regency": "53.18"}
    pg.go_back()
    settle(pg)
    on_regency_page(pg, wh, "en")
    assert pg.outside == [], pg.outside[:5]


def test_language_follows_and_back_restores_it(browser, app_server):
    pg = new_page(browser)
    open_page(pg, app_server + "/?lang=en")
    assert pg.locator("h1").first.inner_text() == "Toward One Million Protected Workers"
    sidebar_link(pg, "Regencies").click()
    pg.get_by_text("Where the 22 regencies stand").wait_for(timeout=60_000)
    settle(pg)
    assert path(pg) == "/regencies" and address(pg)["lang"] == "en"
    pg.locator('[data-testid="stSidebar"] button', has_text="Bahasa Indonesia").click()
    wait_address(pg, lang="id")
    pg.get_by_text("Posisi 22 kabupaten/kota").wait_for(timeout=60_000)
    pg.go_back()
    wait_address(pg, lang="en")
    pg.get_by_text("Where the 22 regencies stand").wait_for(timeout=60_000)
    settle(pg)
    assert pg.locator("h1").first.inner_text() == "Regency progress"
    assert active_choice(pg, "lang_switch") == "English"               # the switch shows what the page speaks


def test_unknown_regency_says_so(browser, app_server):
    pg = new_page(browser)
    open_page(pg, app_server + "/claims?regency=99.99")
    assert pg.get_by_text("Kabupaten/kota “99.99” tidak dikenal").count() == 1
    wait_address(pg, lang="id", regency=None)
    assert select_value(pg, "claims_regency") == "Seluruh NTT"
    open_page(pg, app_server + "/regencies?regency=Sumba%20Barat%20Daya")
    wait_address(pg, regency="53.18")
    assert pg.get_by_text(f"Rincian {SBD}").count() == 1
