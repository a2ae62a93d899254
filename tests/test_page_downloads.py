"""Every table a page shows can be taken away as a workbook, and every page as one workbook
of all its tables: the cells hold the numbers the screen shows (typed, hidden cells as on
screen), the title block names the page, the data's as-of month, the filters and the
source. The regent's brief (PDF) carries the figures of the regency page."""
import io

import openpyxl
import pytest
from pypdf import PdfReader

from tests.helpers import FIXTURES, captured_downloads, downloads, loaded, mini_loaded, open_app, shown, table_with, tiers_loaded
from ui.i18n import CATALOGUE

REGENCY = FIXTURES / "regency"
CLAIMS = FIXTURES / "claims"


@pytest.fixture(scope="module")
def regency_wh(tmp_path_factory):
    with loaded(tmp_path_factory, "dl_regency", [REGENCY / "peserta.csv", REGENCY / "iuran.csv"], "2024-06",
                target_overrides=REGENCY / "targets.csv", boundary_file="") as path:
        yield path


def run(page, folds=(), **query):
    """The page, its folded sections (ui/layout.py folded, widget keys `folds`) opened; a
    folded table is a sheet of the page's workbook while it is closed too."""
    with captured_downloads() as saved:
        at = open_app(page, **query)
        failed = [e.value for e in at.error if e.value.startswith(("Halaman ini tidak", "This page cannot"))]
        assert not at.exception and not failed, failed
        if not folds:
            return at, downloads(at, saved)
        closed = [ws.title for ws in sheets(downloads(at, saved)["xlsx_page"][1])]
        grids = len(at.dataframe)
        for key in folds:
            at.session_state[key] = True
        at.run()
        assert not at.exception
        files = downloads(at, saved)
        assert len(at.dataframe) == grids + len(folds)                       # drawn only once opened
        assert [ws.title for ws in sheets(files["xlsx_page"][1])] == closed  # in the workbook either way
        return at, files


def sheets(data: bytes) -> list:
    return list(openpyxl.load_workbook(io.BytesIO(data)))


def table_rows(ws, n_cols: int):
    """(title block, header, data rows) of a sheet written by ui.workbook."""
    top = next(r for r in range(1, 30) if ws.cell(r, 1).value is None) + 1
    block = [ws.cell(r, 1).value for r in range(1, top - 1)]
    rows = [[ws.cell(r, c).value for c in range(1, n_cols + 1)] for r in range(top + 1, ws.max_row + 1)]
    return block, [ws.cell(top, c).value for c in range(1, n_cols + 1)], rows


def check_page(at, files, as_of_text: str):
    """One button per table plus the page's; the page workbook has a sheet per table whose
    cells equal the screen's typed values (hidden cells read as on screen)."""
    grids = list(at.dataframe)
    table_keys = [k for k in files if k.startswith("xlsx_") and k != "xlsx_page"]
    assert len(table_keys) == len(grids) > 0
    assert all(f"sheet.{k[5:]}" in CATALOGUE for k in table_keys), "every table has a sheet title"
    name, data = files["xlsx_page"]
    assert name.endswith(".xlsx") and name.startswith("sejuta-peserta_")
    book = sheets(data)
    assert len(book) == len(grids)
    for ws, grid in zip(book, grids):
        values, display = grid.value, shown(grid)
        block, header, rows = table_rows(ws, len(values.columns))
        assert as_of_text in block and any(b and b.startswith("Sumber: BPJS Ketenagakerjaan") for b in block)
        assert header == list(values.columns)
        assert len(rows) == len(values)
        for row, (_, typed), (_, text) in zip(rows, values.iterrows(), display.iterrows()):
            for cell, v, s in zip(row, typed, text):
                if s == "disembunyikan":
                    assert cell == "disembunyikan", (ws.title, list(typed.index), list(typed))
                elif isinstance(v, (int, float)) and v == v and not isinstance(v, bool) and "%" not in str(s):
                    assert isinstance(cell, (int, float)) and cell == pytest.approx(float(v)), (ws.title, s)
    return book


def test_regency_page_workbooks(regency_wh):
    at, files = run("pages/regencies.py", regency="53.20")
    book = check_page(at, files, "Data per Juni 2024")
    assert files["xlsx_page"][0] == "sejuta-peserta_kabupaten-kota_kab-sabu-raijua_2024-06.xlsx"
    assert files["xlsx_reg_districts"][0] == "sejuta-peserta_kecamatan_kab-sabu-raijua_2024-06.xlsx"
    district = sheets(files["xlsx_reg_districts"][1])[0]
    block, _, rows = table_rows(district, 7)
    assert "Filter – Kabupaten/Kota: Kabupaten Sabu Raijua" in block
    assert rows and all(isinstance(r[1], int) for r in rows)              # targets are numbers
    hidden_on_screen = sum((shown(d) == "disembunyikan").to_numpy().sum() for d in at.dataframe)
    hidden_in_book = sum(c.value == "disembunyikan" for ws in book for row in ws.iter_rows() for c in row)
    assert hidden_on_screen == hidden_in_book > 0


def test_regent_brief_carries_the_page_figures(regency_wh):
    at, files = run("pages/regencies.py", regency="53.20")
    name, pdf = files["brief_53.20"]
    assert name == "sejuta-peserta_ringkasan_kab-sabu-raijua_2024-06.pdf"
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    active = next(m for m in at.metric if m.label.startswith("Peserta aktif"))
    tier = next(m for m in at.metric if m.label == "Peringkat insentif")
    assert "Kabupaten Sabu Raijua" in text and "Data per Juni 2024" in text
    assert active.value in text and active.delta in text                # "30", "5,0% dari target 600"
    assert tier.value in text
    for district in table_with(at, "Kecamatan", "Capaian").iloc[:, 0]:
        assert district in text
    assert "Sumber: BPJS Ketenagakerjaan, diolah Sejuta Peserta" in text and "Aktif ≠ terdaftar" in text


def test_overview_and_data_quality_workbooks(tmp_path_factory):
    with mini_loaded(tmp_path_factory, "dl_mini"):
        at, files = run(None)
        check_page(at, files, "Data per Juni 2024")
        assert files["xlsx_overview_regencies"][0] == "sejuta-peserta_kabupaten_2024-06.xlsx"
        assert files["brief_province"][0] == "sejuta-peserta_ringkasan-provinsi_2024-06.pdf"
        text = PdfReader(io.BytesIO(files["brief_province"][1])).pages[0].extract_text()
        assert next(m for m in at.metric if m.label.startswith("Peserta aktif")).value in text
        at, files = run("pages/data_quality.py")
        check_page(at, files, "Data per Juni 2024")


def test_tiers_and_sectors_workbooks(tmp_path_factory):
    with tiers_loaded(tmp_path_factory, "dl_tiers", suppress_below=0):
        for page, folds in (("pages/tiers.py", ()), ("pages/sectors.py", ("sec_mapping_open",))):
            at, files = run(page, folds)
            check_page(at, files, "Data per Juni 2024")


def test_claims_workbooks_in_english(tmp_path_factory):
    files = [CLAIMS / f for f in ("peserta.csv", "iuran.csv", "klaim.csv", "bsu.csv")]
    with loaded(tmp_path_factory, "dl_claims", files, "2021-12", suppress_below=2):
        at, got = run("pages/claims.py", ("claims_processing_regency_open", "claims_regency_open"))
        check_page(at, got, "Data per Desember 2021")
        programme = sheets(got["xlsx_claims_programme_table"][1])[0]
        block, _, _ = table_rows(programme, 7)
        assert any(b and b.startswith("Filter – Periode (bulan klaim dibayar): ") for b in block)
