"""Numbers people take away, in headless Chromium on the small demo: tables sort by value when
a header is clicked, every page prints to clean A4 pages in both languages, and a page's
workbook downloads with typed cells."""
from pathlib import Path
import io

import duckdb
import openpyxl
import pytest
from pypdf import PdfReader

from tests.conftest import ARTIFACTS
from ui import fmt

GRID_VALUES = r"""([headers, scroll]) => {
  for (const t of document.querySelectorAll('table[role="grid"]')) {
    const names = Array.from(t.querySelectorAll('th')).map(th => th.innerText.replace(/^[↑↓]\s*/, '').trim());
    if (headers.every(h => names.includes(h))) {   // (a sorted header's arrow is dropped)
      const frame = t.closest('[data-testid="stDataFrame"]');
      if (scroll) { frame.scrollIntoView({block: 'center'}); }
      const rect = frame.getBoundingClientRect();
      const rows = Array.from(t.querySelectorAll('tbody tr')).map(
        tr => Array.from(tr.querySelectorAll('td')).map(td => td.innerText.trim()));
      return {names, rows, left: rect.left, right: rect.right, top: rect.top};
    }
  }
  return null;
}"""


def one(wh, sql, **params):
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(sql, params).fetchone()
    finally:
        con.close()


def grid(page, headers, scroll=False):
    """The grid with these headers (waiting while it redraws)."""
    for _ in range(30):
        found = page.evaluate(GRID_VALUES, [headers, scroll])
        if found:
            return found
        page.wait_for_timeout(100)
    return None


def numbers(values):
    """The numbers of a column; hidden and missing cells (sorted as missing) left out."""
    out = []
    for v in values:
        try:
            f = float(v)
        except ValueError:
            continue
        if f == f:
            out.append(f)
    return out


def sort_by(page, headers, column):
    """Click along the grid's header row until `column` is sorted (either way) and the row order
    changed: the grid draws its header on a canvas, and its hidden accessible table holds the
    raw values in display order. Returns the column's values as shown after the click."""
    g = grid(page, headers, scroll=True)
    page.wait_for_timeout(300)
    j = g["names"].index(column)
    before = g["rows"]
    for x in range(int(g["left"]) + 8, int(g["right"]) - 5, 14):
        page.mouse.click(x, grid(page, headers)["top"] + 17)
        page.wait_for_timeout(200)
        rows = grid(page, headers)["rows"]
        values = numbers(r[j] for r in rows)
        if rows != before and len(values) > 2 and values in (sorted(values), sorted(values, reverse=True)):
            return values
    pytest.fail(f"could not sort {column!r} by clicking its header")


@pytest.mark.parametrize("path, headers, column, text_differs", [
    ("/regencies?regency=53.01", ["Kecamatan", "Capaian"], "Capaian", False),
    ("/", ["Kabupaten/Kota", "Aktif", "Perubahan 3 bulan"], "Aktif", True),
    ("/claims?from=2020-01&to=2026-10", ["Program", "Nilai klaim"], "Nilai klaim", False),
])
def test_header_click_sorts_by_value(page, app_server, path, headers, column, text_differs):
    page.goto(app_server + path)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
    page.wait_for_timeout(2500)
    assert grid(page, headers), f"no table with {headers}"
    values = sort_by(page, headers, column)
    assert values in (sorted(values), sorted(values, reverse=True))
    if text_differs:   # the same numbers sorted as text would be in another order
        as_text = sorted(values, key=lambda v: str(int(v)))
        assert as_text not in (values, values[::-1])


PAGES = ["/", "/regencies?regency=53.01", "/sectors", "/tiers", "/claims", "/data_quality"]


def print_pdf(page, url: str) -> list[str]:
    page.goto(url)
    page.locator('[data-testid="stMetric"], [data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
    page.wait_for_timeout(3000)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")   # as Ctrl+P does
    page.emulate_media(media="print")
    page.wait_for_timeout(500)
    data = page.pdf(format="A4", print_background=True)
    page.emulate_media(media="screen")
    name = url.split("/", 3)[-1].replace("?", "_").replace("=", "-").replace("&", "_") or "overview"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"print_{name or 'overview'}.pdf").write_bytes(data)
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_print_is_clean_a4(page, app_server, demo_env, path, lang):
    url = app_server + path + ("&" if "?" in path else "?") + f"lang={lang}"
    texts = print_pdf(page, url)
    assert 1 <= len(texts) <= 14, len(texts)
    assert all(t.strip() for t in texts), "a blank page"
    everything = "\n".join(texts)
    assert "Traceback" not in everything
    wh = demo_env[2]
    if path == "/":
        active = one(wh, "select n_active from mart_province_monthly order by month desc limit 1")[0]
        assert fmt.number(active, lang) in everything
        assert ("Kabupaten Timor Tengah Selatan") in everything            # the regency table, whole
    if path.startswith("/regencies"):
        name, pct = one(wh, "select regency_name, attainment_pct from mart_regency_progress where regency_code = '53.01'")
        assert name in everything and fmt.pct_cut(pct, 1, lang) in everything
    assert page.outside == []


def test_page_workbook_downloads_typed(page, app_server, demo_env):
    page.goto(app_server + "/")
    button = page.get_by_text("Unduh semua tabel halaman ini")
    button.wait_for(timeout=60_000)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "sejuta-peserta_ringkasan-provinsi_2026-10.xlsx"
    wb = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))   # the path has no .xlsx
    ws = next(w for w in wb.worksheets if any(r[0].value == "Kabupaten Timor Tengah Selatan" for r in w.iter_rows()))
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    assert "Data per Oktober 2026" in cells
    tts = next(r for r in ws.iter_rows() if r[0].value == "Kabupaten Timor Tengah Selatan")
    active = one(demo_env[2], "select n_active from mart_regency_progress where regency_code = '53.02'")[0]   # TTS is Kemendagri 53.02
    assert tts[2].value == active and tts[2].number_format == "#,##0"
