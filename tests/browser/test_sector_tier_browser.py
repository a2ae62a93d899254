"""The sector and incentive-tier pages as a person sees them, in headless Chromium, on the
small demo; screenshots in tests/artifacts/sectors.png and tiers.png."""
import duckdb

from tests.conftest import ARTIFACTS
from ui import fmt


def scalar(wh, sql):
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def open_from_sidebar(page, url, link):
    """Start at the main page (the router registers the pages), then follow the sidebar link."""
    page.goto(url)
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
    page.locator('[data-testid="stSidebar"] a', has_text=link).first.click()


def shoot(page, name, height):
    """The main area scrolls inside the page: a tall viewport shows the whole page at once."""
    page.set_viewport_size({"width": 1400, "height": height})
    page.wait_for_timeout(1500)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_sector_page(page, app_server, demo_env):
    open_from_sidebar(page, app_server, "Sektor")
    page.get_by_text("Jangkauan per Sektor").first.wait_for(timeout=60_000)
    page.locator(".js-plotly-plot").nth(3).wait_for(timeout=60_000)     # coverage, heatmap, trend, growth
    page.wait_for_timeout(2500)
    expected = scalar(demo_env[2], "select sum(n_active) from mart_sector_progress where is_agriculture")
    shown = page.locator('[data-testid="stMetricValue"]').first.inner_text().strip()
    assert expected > 0 and shown == fmt.number(expected, "id")
    assert page.locator(".js-plotly-plot .heatmaplayer").count() == 1
    assert page.get_by_text("PERKIRAAN").count() >= 1
    shoot(page, "sectors.png", 5200)
    assert "Traceback" not in page.content()
    assert page.outside == [], f"requests left 127.0.0.1: {page.outside[:5]}"


def test_tier_page(page, app_server, demo_env):
    open_from_sidebar(page, app_server, "Peringkat Insentif")
    page.get_by_text("Tabel peringkat yang berlaku").first.wait_for(timeout=60_000)
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.wait_for_timeout(2500)
    label = scalar(demo_env[2], "select tier_label_id from mart_tier_progress where level = 'province'")
    gap = scalar(demo_env[2], "select n_to_next_tier from mart_tier_progress where level = 'province'")
    values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert values[0].strip() == label and values[1].strip() == fmt.number(gap, "id")
    shoot(page, "tiers.png", 4800)
    assert "Traceback" not in page.content()
    assert page.outside == [], f"requests left 127.0.0.1: {page.outside[:5]}"
