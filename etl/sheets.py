"""Extract from XLSX (every sheet with a header row in its first 30 rows; title
rows above it; sheets may spell and order their headers differently; a NIK
cell Excel stored as a number is flagged: Excel keeps 15 significant digits,
so its digits cannot be trusted) and from Parquet (typed columns read as text).

XLSX cells are read by calamine (python-calamine, Rust), which gives each cell's
type (text, number, date, bool) as a Python value, and turned into Arrow column by
column, a batch of rows at a time: no decoded copy is written anywhere. Calamine
leaves out the empty rows at a sheet's end; the sheet's declared size (its
`<dimension>`, as openpyxl read it) counts them as blank rows."""
from __future__ import annotations

import datetime as dt
import itertools
import re
import zipfile
from pathlib import Path, PurePosixPath

import duckdb
import pyarrow as pa

from etl import headers as hdr
from etl.extract import (HEADER_SCAN_ROWS, Extracted, ambiguity_notes, column_of, create_raw, extracted, finish,
                         new_rows_db, titles_of, to_raw_in)
from etl.parts import bucket_sql
from etl.privacy import mask_text
from etl.sqlid import ident
from etl.warehouse import LoadError

BATCH_ROWS = 100_000


def cell_text(v) -> str | None:
    if v is None or v == "":
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e17 else repr(v)
    return str(v)


def is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def text_column(values: list) -> list:
    """Cells as text; a column of text cells (the common case) takes the fast way."""
    if all(type(v) is str for v in values):
        return [v or None for v in values]
    return [cell_text(v) for v in values]


def extract_xlsx(con, path: Path, kind, mapping):
    from python_calamine import CalamineWorkbook, SheetTypeEnum
    try:
        wb = CalamineWorkbook.from_path(str(path))
        sheets = [m.name for m in wb.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        declared = declared_rows(path)
    except OSError:
        raise
    except Exception as e:  # calamine and zipfile raise many types for a bad file
        from etl.upload import workbook_problem_of
        if workbook_problem_of(path) == "locked":
            raise LoadError(f"{mask_text(path.name)}: the workbook is protected by a password; open it in Excel, "
                            "remove the password (File > Info > Protect Workbook), save it and load it again.") from None
        raise LoadError(f"{mask_text(path.name)}: not a readable Excel workbook ({type(e).__name__}).") from None
    try:
        return read_sheets(con, wb, sheets, declared, path, kind, mapping)
    finally:
        wb.close()


def declared_rows(path: Path) -> dict[str, int]:
    """Rows each sheet declares (its <dimension ref="A1:F8">), by sheet name; sheets without
    one are left out."""
    out = {}
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
        target = {m.group(1): m.group(2) for m in re.finditer(r'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)}
        target |= {m.group(2): m.group(1) for m in re.finditer(r'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)}
        for m in re.finditer(r"<(?:\w+:)?sheet\b([^>]*)/?>", book):
            name, rid = re.search(r'\bname="([^"]*)"', m.group(1)), re.search(r'\br:id="([^"]*)"', m.group(1))
            if not name or not rid or rid.group(1) not in target:
                continue
            t = target[rid.group(1)]
            member = t.lstrip("/") if t.startswith("/") else str(PurePosixPath("xl") / t)
            try:
                with z.open(member) as f:
                    head = f.read(4096).decode("utf-8", "replace")
            except KeyError:
                continue
            d = re.search(r'<(?:\w+:)?dimension ref="[A-Z]*\d*:?[A-Z]*(\d+)"', head)
            if d:
                out[unescape(name.group(1))] = int(d.group(1))
    return out


def unescape(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


def read_sheets(con, wb, sheets, declared, path: Path, kind, mapping):
    parts, notes, heads = [], [], []
    for title in sheets:
        ws = wb.get_sheet_by_name(title)
        it = ws.iter_rows()
        raw = [list(row) for row in itertools.islice(it, HEADER_SCAN_ROWS)]
        head = [[cell_text(v) or "" for v in row] for row in raw]
        heads += head
        found = hdr.find_header(head, kind, mapping)
        if not found:
            notes.append(f"sheet '{mask_text(title)}' skipped: no header row")
            continue
        hi, k = found
        kind = kind or k
        parts.append((title, hi, head, raw, it, max(0, declared.get(title, 0) - rows_given(ws))))
    if not parts:
        raise hdr.not_recognised(path.name, heads, mapping, HEADER_SCAN_ROWS)
    ex = load_sheets(con, parts, kind, mapping)
    ex.notes += notes
    return ex


def rows_given(ws) -> int:
    """Rows calamine gives for a sheet: from the first row to its last row with a value."""
    return ws.end[0] + 1 if ws.height and ws.end else 0


def sheet_columns(title: str, head: list[str], kind, mapping) -> hdr.Recognition:
    try:
        return hdr.columns([h.strip() for h in head], kind, mapping)
    except LoadError as e:
        raise LoadError(f"sheet '{mask_text(title)}': {e}") from None


def sheet_batches(title, hi, raw, it, rec, fields, schema):
    """The data rows of one sheet as Arrow record batches, column by column."""
    rows, first = iter([*raw[hi + 1:]]), hi + 2
    rows = itertools.chain(rows, it)
    nik = rec.cols.get("nik")
    while batch := list(itertools.islice(rows, BATCH_ROWS)):
        width = max(map(len, batch))
        cols = list(zip(*(r + [""] * (width - len(r)) if len(r) < width else r for r in batch)))
        arrays = {"_row": pa.array(range(first, first + len(batch)), pa.int64()),
                  "_sheet": pa.array([title] * len(batch), pa.string()),
                  "_nik_number": pa.array([is_number(v) for v in cols[nik]] if nik is not None and nik < width
                                          else [False] * len(batch), pa.bool_())}
        for f in fields:
            p = rec.cols.get(f)
            arrays[f] = pa.array(text_column(cols[p]) if p is not None and p < width else [None] * len(batch),
                                 pa.string())
        first += len(batch)
        yield pa.record_batch([arrays[n] for n in schema.names], schema=schema)


def load_sheets(con, parts, kind, mapping):
    """Rows of every sheet with a header row, one table; each sheet's own header
    row maps to the fields."""
    recs = [sheet_columns(title, head[hi], kind, mapping) for title, hi, head, *_ in parts]
    fields = list(dict.fromkeys(f for r in recs for f in r.cols))
    schema = pa.schema([("_row", pa.int64()), ("_sheet", pa.string()), ("_nik_number", pa.bool_()),
                        *[(f, pa.string()) for f in fields]])
    batches = [b for (title, hi, head, raw, it, _), rec in zip(parts, recs)
               for b in sheet_batches(title, hi, raw, it, rec, fields, schema)]
    to_raw_in(con, pa.Table.from_batches(batches, schema), kind, fields)
    columns = {}
    for (_, hi, head, *_), rec in zip(parts, recs):     # a field's header as the first sheet spells it
        for f, p in rec.cols.items():
            columns.setdefault(f, head[hi][p].strip())
    ignored = list(dict.fromkeys(h for r in recs for h in r.ignored + [a for a, _ in r.ambiguous]))
    notes = list(dict.fromkeys(n for r in recs for n in ambiguity_notes(r)))
    above = [row for _, hi, head, *_ in parts for row in head[:hi]]
    ex = Extracted(kind, columns, ignored, notes=notes, titles=titles_of(above), nik_number=True)
    ex.rows_blank = sum(p[5] for p in parts)       # empty rows at a sheet's end, left out by calamine
    return finish(con, ex)


def extract_parquet(con, path: Path, kind, mapping):
    try:
        names = [d[0] for d in con.execute("select * from read_parquet($p) limit 0", {"p": str(path)}).description]
    except duckdb.Error:  # its text may quote the file: never shown
        raise LoadError(f"{mask_text(path.name)}: not a readable Parquet file.") from None
    if any("\x00" in n for n in names):
        raise LoadError(f"{mask_text(path.name)}: a column name holds a NUL character; export the file again.")
    k = hdr.detect_kind(names, kind, mapping)
    if not k:
        raise hdr.not_recognised(path.name, [names], mapping, 1)
    rec = hdr.columns(names, k, mapping)
    cells = {f: column_of(rec.kind, f, ident(names[p]) + "::varchar") for f, p in rec.cols.items()}
    sel = ", ".join([f"{c} as {ident(f)}" for f, c in cells.items()] + [bucket_sql(rec.kind, cells)])
    new_rows_db(con)
    create_raw(con, f"select {sel} from read_parquet($p)", {"p": str(path)}, first_row=2)   # row 1: the names
    return finish(con, extracted(rec, names, []))
