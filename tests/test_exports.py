"""Downloads built from a Table spec: typed workbook cells with Indonesian number formats, the
title block, hidden cells as on screen, file names; the print copy of a table; the context a
chart carries. No warehouse needed."""
import datetime as dt
import io

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest

from ui import exports, printing
from ui.layout import context_line, with_context
from ui.tables import Col, Table
from ui.workbook import sheet_names, workbook

SPEC = Table("kecamatan", (
    Col("area_name", "reg.col_district", "text"),
    Col("target", "table.target", hideable=False),
    Col("n_active", "table.active"),
    Col("attainment_pct", "table.attainment", "attainment"),
    Col("share_pct", "claims.col_share", "percent"),
    Col("claims_rp", "claims.col_amount", "rupiah"),
    Col("change_3m", "table.change_3m", "signed", digits=0),
    Col("month", "claims.col_month", "month"),
))
ROWS = pd.DataFrame({
    "area_name": ["Kupang Barat", "Semau", "Amarasi"],
    "target": [2935, 1200, 4000],
    "n_active": [1234567, 3, 1999],
    "attainment_pct": [49.996, 0.25, 50.0],
    "share_pct": [45.83, None, 12.5],
    "claims_rp": [99_000_000_000, 0, 1_250_000],
    "change_3m": [-12, 0, 30],
    "month": pd.to_datetime(["2026-10-01", "2026-09-01", "2020-08-01"]),
    "is_suppressed": [False, True, False],
})


def context(lang="id", place="Kabupaten Kupang", **filters):
    return exports.Context(page="Kabupaten/Kota", slug="kabupaten-kota", lang=lang, as_of=dt.date(2026, 10, 1),
                           suppress_below=5, place=place, filters=tuple(filters.items()))


def opened(lang="id", **filters):
    sheet = exports.Sheet(SPEC, ROWS, SPEC.title(lang, "reg_districts"), context(lang, **filters))
    wb = openpyxl.load_workbook(io.BytesIO(workbook([sheet])))
    return wb[wb.sheetnames[0]]


def header_row(ws) -> int:
    return next(r for r in range(1, 20) if ws.cell(r, 2).value == "Target")


def test_title_block_names_page_table_as_of_filters_and_source():
    ws = opened(Periode="Jan 2026 – Okt 2026")
    block = [ws.cell(r, 1).value for r in range(1, header_row(ws))]
    assert block[0] == "Sejuta Peserta · Kabupaten/Kota"
    assert block[1] == "Kecamatan"
    assert "Data per Oktober 2026" in block
    assert "Filter – Kabupaten/Kota: Kabupaten Kupang" in block
    assert "Filter – Periode: Jan 2026 – Okt 2026" in block
    assert "Sumber: BPJS Ketenagakerjaan, diolah Sejuta Peserta" in block
    assert any(b and b.startswith("“disembunyikan”: jumlah di bawah 5") for b in block)


def test_cells_are_typed_with_number_formats():
    ws = opened()
    top = header_row(ws)
    row = [ws.cell(top + 1, c) for c in range(1, 9)]
    assert [c.value for c in row[:3]] == ["Kupang Barat", 2935, 1234567]
    assert isinstance(row[2].value, int) and row[2].number_format == "#,##0"
    assert row[3].value == pytest.approx(0.499) and row[3].number_format == "0.0%"   # cut, never 50,0%
    assert row[4].value == pytest.approx(0.4583) and row[4].number_format == "0.0%"
    assert row[5].value == 99_000_000_000 and row[5].number_format == '"Rp "#,##0'
    assert row[6].value == -12 and row[6].number_format.startswith("+#,##0;-#,##0")
    assert row[7].value == dt.datetime(2026, 10, 1) and row[7].number_format == "[$-421]mmm yyyy"
    assert ws.cell(top + 3, 4).value == pytest.approx(0.5)   # exactly 50% stays 50%


def test_hidden_row_reads_as_on_screen_and_holds_no_number():
    ws = opened()
    top = header_row(ws)
    hidden = [ws.cell(top + 2, c).value for c in range(1, 9)]
    assert hidden[0] == "Semau" and hidden[1] == 1200           # not hideable: the target is public
    assert hidden[2] == hidden[3] == hidden[5] == hidden[6] == "disembunyikan"
    assert 3 not in hidden


def test_english_workbook():
    ws = opened("en")
    top = header_row(ws)
    assert ws.cell(top, 3).value == "Active"
    assert ws.cell(top + 2, 3).value == "hidden"
    assert ws.cell(top + 1, 8).number_format == "[$-409]mmm yyyy"
    assert "Data as of October 2026" in [ws.cell(r, 1).value for r in range(1, top)]


def test_header_row_frozen_and_filtered():
    ws = opened()
    top = header_row(ws)
    assert ws.freeze_panes == f"A{top + 1}"
    assert ws.auto_filter.ref == f"A{top}:H{top + 3}"


@pytest.mark.parametrize("place, what, name", [
    ("Kabupaten Kupang", "kecamatan", "sejuta-peserta_kecamatan_kab-kupang_2026-10.xlsx"),
    ("Kota Kupang", "kecamatan", "sejuta-peserta_kecamatan_kota-kupang_2026-10.xlsx"),
    ("Kabupaten Timor Tengah Selatan", "desa", "sejuta-peserta_desa_kab-timor-tengah-selatan_2026-10.xlsx"),
    (None, "ringkasan-provinsi", "sejuta-peserta_ringkasan-provinsi_2026-10.xlsx"),
])
def test_file_names(place, what, name):
    assert context(place=place).file_name(what, "xlsx") == name


def test_sheet_names_fit_excel():
    names = sheet_names(["Desa dengan capaian terendah sekali panjang", "Desa dengan capaian terendah sekali panjang",
                         "a/b:c"])
    assert all(len(n) <= 31 for n in names) and len(set(names)) == 3
    assert names[2] == "a-b-c"


def test_display_is_what_the_screen_shows():
    shown = SPEC.display(ROWS, "id")
    assert shown[0][:7] == ["Kupang Barat", "2.935", "1.234.567", "49,9%", "45,8%", "Rp 99.000.000.000", "-12"]
    assert shown[1][2] == "disembunyikan" and shown[1][1] == "1.200"
    assert shown[2][7] == "Agu 2020"
    assert SPEC.display(ROWS, "en")[0][2] == "1,234,567"


def test_print_copy_has_header_cells_and_hidden_word():
    html = printing.table_html(SPEC, ROWS, "id", "Kecamatan")
    assert "<thead><tr>" in html and html.count("<tr>") == 4
    assert "1.234.567" in html and "disembunyikan" in html and "Rp 99.000.000.000" in html
    assert html.startswith('<div class="sp-print">')


def test_chart_carries_title_as_of_and_source():
    fig = with_context(go.Figure(), "id", context_line(context()), title="Peta capaian")
    assert fig.layout.title.text == "Peta capaian"
    assert fig.layout.title.subtitle.text == "Data per Oktober 2026 · Sumber: BPJS Ketenagakerjaan, diolah Sejuta Peserta"
    own = with_context(go.Figure(layout={"title": {"text": "Klaim per bulan"}}), "en",
                       context_line(context("en")), title="x")
    assert own.layout.title.text == "Klaim per bulan"
    assert "Source: BPJS Ketenagakerjaan" in own.layout.title.subtitle.text


def test_nothing_registered_outside_a_page():
    assert exports.register(SPEC, ROWS, "id", "k") is None
    token = exports.begin(context())
    try:
        exports.filters(place="Kota Kupang", Periode="2026")
        sheet = exports.register(SPEC, ROWS, "id", "reg_districts")
        assert sheet.title == "Kecamatan" and sheet.context.place == "Kota Kupang"
        assert exports.current().sheets == [sheet]
    finally:
        exports.end(token)
    assert exports.current() is None
