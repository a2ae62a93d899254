"""'Where does this number come from?' in headless Chromium: the control opens beside the
headline on the overview and on the regency page, in both languages, and names the files."""
import duckdb
import pytest

from tests.conftest import ARTIFACTS


def top_file(wh, area: str) -> str:
    """The file the mart says accounts for most of the area's active members."""
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute("select l.file_name from mart_figure_sources s join mart_dq_load_history l using (load_id) "
                           "where s.area_code = ? and s.figure = 'active' order by s.n_members desc limit 1",
                           [area]).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("path, area, button, definition", [
    ("/", "53", "Dari mana angka ini?", "Peserta aktif: terdaftar paling lambat"),
    ("/?lang=en", "53", "Where does this number come from?", "Active members: registered by the data's month"),
    ("/regencies?regency=53.02", "53.02", "Dari mana angka ini?", "Peserta aktif: terdaftar paling lambat"),
    ("/regencies?regency=53.02&lang=en", "53.02", "Where does this number come from?", "Active members: registered"),
])
def test_trace_opens_and_names_the_files(page, app_server, demo_env, path, area, button, definition):
    page.goto(app_server + path)
    control = page.get_by_role("button", name=button).first
    control.wait_for(timeout=60_000)
    control.click()
    page.get_by_text(definition).first.wait_for(timeout=30_000)
    popover = page.locator('[data-testid="stPopoverBody"]').filter(has_text=definition).first
    # the file table is a canvas grid: its cells are in the accessible (hidden) table
    popover.get_by_text(top_file(demo_env[2], area)).first.wait_for(state="attached", timeout=30_000)
    chain = popover.locator("code").first
    chain.wait_for(timeout=30_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(1000)                     # the page around it finishes drawing
    page.screenshot(path=str(ARTIFACTS / f"trace{path.replace('/', '_').replace('?', '_')}.png"))
    assert chain.inner_text().startswith("mart_") and "int_member_spells" in chain.inner_text()
    assert page.outside == []
