"""Workbooks (.xlsx) of the tables a page shows, built from their ui.tables specs.

Cells are typed: a count, a Rupiah amount, a percentage is a number in Excel, a month a
date. Each kind gets a number format written in Excel's neutral syntax (`#,##0`,
`"Rp "#,##0`, `0.0%`): Excel and LibreOffice show it with the reader's own separators,
so an Indonesian installation reads 1.234.567 and 45,8% while the cell still sums.
Month and date formats carry a language tag ([$-421] Indonesian, [$-409] English), so
month names follow the page's language on any installation. A percentage is stored as
a fraction (45.8% -> 0.458); attainment is cut to the digits shown before it is stored,
as on screen, so a cell never reads 50.0% for a region below a 50% tier. Hidden
(suppressed) cells hold the same word as the screen, never a number.

Above the table: the page, the table, the data's as-of month, the filters in force, the
source line, and a note on hidden cells when there are any."""
from __future__ import annotations

import io
import math
import re

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ui import fmt
from ui.i18n import t
from ui.tables import NUMERIC

LANG_TAG = {"id": "[$-421]", "en": "[$-409]"}
HEADER_FILL = PatternFill("solid", fgColor="1B7F3B")
HIDDEN_FONT = Font(italic=True, color="7A8899")
MAX_SHEET_NAME = 31


def number_format(kind: str, digits: int, lang: str) -> str:
    dec = "." + "0" * digits if digits > 0 else ""
    tag = LANG_TAG[lang]
    return {
        "count": "#,##0", "signed": f"+#,##0{dec};-#,##0{dec};0", "decimal": f"#,##0{dec}",
        "percent": f"0{dec}%", "attainment": f"0{dec}%", "rupiah": '"Rp "#,##0',
        "rupiah_short": '"Rp "#,##0', "month": f"{tag}mmm yyyy", "month_long": f"{tag}mmmm yyyy",
        "date": f"{tag}d mmm yyyy", "datetime": f"{tag}d mmm yyyy hh:mm", "text": "@",
    }[kind]


def cell_value(v, kind: str, digits: int):
    """The typed value a cell holds: numbers as numbers, months as dates, None when missing."""
    if fmt.is_missing(v):
        return None
    if kind == "percent":
        return float(v) / 100
    if kind == "attainment":   # cut, never rounded up to a threshold (ui.fmt.pct_cut)
        return math.floor(float(v) * 10 ** digits + 1e-9) / 10 ** digits / 100
    if kind in NUMERIC:   # the exact value: the number format rounds it for display
        f = float(v)
        return int(f) if f.is_integer() else f
    if kind in ("month", "month_long", "date", "datetime"):
        ts = pd.Timestamp(v)
        return ts.to_pydatetime().replace(tzinfo=None)
    return str(v)


def sheet_names(titles: list[str]) -> list[str]:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    out = []
    for title in titles:
        base = re.sub(r"[\[\]:*?/\\]", "-", title).strip()[:MAX_SHEET_NAME] or "Tabel"
        name, n = base, 2
        while name.lower() in (o.lower() for o in out):
            suffix = f" ({n})"
            name, n = base[:MAX_SHEET_NAME - len(suffix)] + suffix, n + 1
        out.append(name)
    return out


def title_block(ws, sheet) -> int:
    """Write the lines above the table; return the row of the header."""
    ctx, lang = sheet.context, sheet.context.lang
    lines = [(f"{t('app.title', lang)} · {ctx.page}", Font(bold=True, size=14)),
             (sheet.title, Font(bold=True, size=12)),
             (ctx.as_of_text(), Font(bold=True))]
    if ctx.place:
        lines.append((t("export.filter", lang, label=t("table.regency", lang), value=ctx.place), None))
    lines += [(t("export.filter", lang, label=k, value=v), None) for k, v in ctx.filters]
    lines.append((ctx.source(), Font(italic=True)))
    if sheet.spec.hidden_rows(sheet.rows).any():
        lines.append((t("export.hidden_note", lang, hidden=t("table.hidden", lang),
                        k=fmt.number(ctx.suppress_below, lang)), Font(italic=True)))
    for i, (text, font) in enumerate(lines, start=1):
        cell = ws.cell(row=i, column=1, value=text)
        if font is not None:
            cell.font = font
    return len(lines) + 2


def write_sheet(ws, sheet) -> None:
    spec, rows, lang = sheet.spec, sheet.rows, sheet.context.lang
    top = title_block(ws, sheet)
    headers = spec.headers(lang)
    data = spec.frame(rows, lang)
    hidden = spec.hidden_rows(rows)
    shown = spec.display(rows, lang)
    for j, h in enumerate(headers, start=1):
        c = ws.cell(row=top, column=j, value=h)
        c.font, c.fill = Font(bold=True, color="FFFFFF"), HEADER_FILL
        c.alignment = Alignment(wrap_text=True, vertical="top")
    for j, col in enumerate(spec.columns):
        number = number_format(col.kind, col.digits, lang)
        for i, v in enumerate(data.iloc[:, j]):
            cell = ws.cell(row=top + 1 + i, column=j + 1)
            if spec.hides(col, hidden[i], v):
                cell.value, cell.font = t("table.hidden", lang), HIDDEN_FONT
                cell.alignment = Alignment(horizontal="right")
                continue
            cell.value = cell_value(v, col.kind, col.digits)
            if cell.value is None and col.kind == "text":   # what a blank means here
                cell.value = shown[i][j] if shown[i][j] != fmt.MISSING else None
            cell.number_format = number
        width = max([len(str(headers[j]))] + [len(r[j]) for r in shown[:500]])
        ws.column_dimensions[get_column_letter(j + 1)].width = min(max(width + 2, 9), 50)
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    if len(rows):
        ws.auto_filter.ref = f"A{top}:{get_column_letter(len(headers))}{top + len(rows)}"
    ws.sheet_view.showGridLines = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{top}:{top}"


def workbook(sheets: list) -> bytes:
    """One workbook, one sheet per table (exports.Sheet), in the order the page shows them."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, sheet in zip(sheet_names([s.title for s in sheets]), sheets):
        write_sheet(wb.create_sheet(name), sheet)
    if sheets:
        ctx = sheets[0].context
        wb.properties.title = f"{t('app.title', ctx.lang)} · {ctx.page}"
        wb.properties.creator = t("app.title", ctx.lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
