"""The claims and subsidies page as a person sees it, in headless Chromium, on the small demo."""
import duckdb

from tests.conftest import ARTIFACTS
from ui import fmt


def claims_total(wh, start: str, end: str) -> int:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute("select sum(claims_rp) from mart_claims_monthly where month between $a::date and $b::date",
                           {"a": start, "b": end}).fetchone()[0]
    finally:
        con.close()


def open_claims(page, app_url, query=""):
    """Land on the app, follow the sidebar link as a person would (the page's URL path is the
    router's business), then add the query string when one is given."""
    page.goto(app_url + "/")
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
    page.get_by_role("link", name="Klaim & Subsidi").click()
    page.get_by_text("Klaim dibayar,").first.wait_for(timeout=60_000)
    if query:
        page.goto(page.url.split("?")[0] + query)
        page.get_by_text("Klaim dibayar,").first.wait_for(timeout=60_000)
    page.wait_for_timeout(2500)                       # let the charts draw before looking


def headline(page) -> str:
    return page.locator('[data-testid="stMetric"]').first.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_claims_year_to_date_and_screenshots(page, app_server, demo_env):
    open_claims(page, app_server)
    expected = claims_total(demo_env[2], "2026-01-01", "2026-10-01")   # demo as of Oct 2026
    assert expected > 0
    assert headline(page) == fmt.rupiah_short(expected, "id")
    page.locator(".js-plotly-plot").nth(1).wait_for(timeout=30_000)   # charts draw after the headline
    assert page.locator(".js-plotly-plot").count() >= 2
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "claims.png"))
    page.get_by_role("tab", name="Subsidi dan iuran dibayar anggaran").click()
    page.get_by_text("Bantuan Subsidi Upah (BSU)").wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "claims_subsidies.png"))
    page.wait_for_url(lambda url: "tab=subsidies" in url, timeout=30_000)   # the open tab is in the address
    assert page.get_by_text("Klaim dibayar,").count() == 0      # the closed tab was not built
    page.get_by_role("tab", name="Klaim dan iuran").click()
    page.get_by_text("Klaim dibayar,").first.wait_for(timeout=30_000)
    page.wait_for_url(lambda url: "tab=" not in url, timeout=30_000)        # the default tab: not written
    assert headline(page) == fmt.rupiah_short(expected, "id")
    assert "Traceback" not in page.content()
    assert page.outside == [], f"requests left 127.0.0.1: {page.outside[:5]}"


def test_article_period_link(page, app_server, demo_env):
    open_claims(page, app_server, "?from=2020-01&to=2020-08")
    assert page.get_by_text("Klaim dibayar, Jan 2020 – Agu 2020").count() == 1
    assert headline(page) == fmt.rupiah_short(claims_total(demo_env[2], "2020-01-01", "2020-08-01"), "id")
    assert page.outside == []
