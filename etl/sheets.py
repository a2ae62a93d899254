"""Extract from XLSX (every sheet with a header row in its first 30 rows; title
rows above it; sheets may spell and order their headers differently; a NIK
cell Excel stored as a number is flagged: Excel keeps 15 significant digits,
so its digits cannot be trusted) and from Parquet (typed columns read as text)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow as pa

from etl import headers as hdr
from etl.extract import HEADER_SCAN_ROWS, Extracted, ambiguity_notes, extracted, finish, titles_of, to_raw_in
from etl.privacy import mask_text
from etl.sqlid import ident
from etl.warehouse import LoadError


def cell_text(v) -> str | None:
    if v is None:
        return None
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


def extract_xlsx(con, path: Path, kind, mapping):
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise
    except Exception as e:  # openpyxl raises many types for a bad file
        from etl.upload import workbook_problem_of
        if workbook_problem_of(path) == "locked":
            raise LoadError(f"{mask_text(path.name)}: the workbook is protected by a password; open it in Excel, "
                            "remove the password (File > Info > Protect Workbook), save it and load it again.") from None
        raise LoadError(f"{mask_text(path.name)}: not a readable Excel workbook ({type(e).__name__}).") from None
    try:
        return read_sheets(con, wb, path, kind, mapping)
    finally:
        wb.close()


def read_sheets(con, wb, path: Path, kind, mapping):
    parts, notes, heads = [], [], []
    for ws in wb.worksheets:
        it = ws.iter_rows(values_only=True)
        raw = [list(row) for _, row in zip(range(HEADER_SCAN_ROWS), it)]
        head = [[cell_text(v) or "" for v in row] for row in raw]
        heads += head
        found = hdr.find_header(head, kind, mapping)
        if not found:
            notes.append(f"sheet '{mask_text(ws.title)}' skipped: no header row")
            continue
        hi, k = found
        kind = kind or k
        parts.append((ws.title, hi, head, raw, it))
    if not parts:
        raise hdr.not_recognised(path.name, heads, mapping, HEADER_SCAN_ROWS)
    ex = load_sheets(con, parts, kind, mapping)
    ex.notes += notes
    return ex


def sheet_columns(title: str, head: list[str], kind, mapping) -> hdr.Recognition:
    try:
        return hdr.columns([h.strip() for h in head], kind, mapping)
    except LoadError as e:
        raise LoadError(f"sheet '{mask_text(title)}': {e}") from None


def load_sheets(con, parts, kind, mapping):
    """Rows of every sheet with a header row, one table; each sheet's own header
    row maps to the fields."""
    recs = [sheet_columns(title, head[hi], kind, mapping) for title, hi, head, _, _ in parts]
    fields = list(dict.fromkeys(f for r in recs for f in r.cols))
    data = {f: [] for f in ["_row", "_sheet", *fields, "_nik_number"]}
    for (title, hi, head, raw, it), rec in zip(parts, recs):
        rows = [*raw[hi + 1:], *it]
        for rn, row in enumerate(rows, start=hi + 2):
            data["_row"].append(rn)
            data["_sheet"].append(title)
            for f in fields:
                p = rec.cols.get(f)
                v = row[p] if p is not None and p < len(row) else None
                data[f].append(v if isinstance(v, str) else cell_text(v))
            p = rec.cols.get("nik")
            data["_nik_number"].append(p is not None and p < len(row) and is_number(row[p]))
    table = pa.table({"_row": pa.array(data.pop("_row"), pa.int64()),
                      "_sheet": pa.array(data.pop("_sheet"), pa.string()),
                      "_nik_number": pa.array(data.pop("_nik_number"), pa.bool_()),
                      **{f: pa.array(v, pa.string()) for f, v in data.items()}})
    to_raw_in(con, table)
    columns = {}
    for (_, hi, head, _, _), rec in zip(parts, recs):     # a field's header as the first sheet spells it
        for f, p in rec.cols.items():
            columns.setdefault(f, head[hi][p].strip())
    ignored = list(dict.fromkeys(h for r in recs for h in r.ignored + [a for a, _ in r.ambiguous]))
    notes = list(dict.fromkeys(n for r in recs for n in ambiguity_notes(r)))
    above = [row for _, hi, head, _, _ in parts for row in head[:hi]]
    return finish(con, Extracted(kind, columns, ignored, notes=notes, titles=titles_of(above), nik_number=True))


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
    sel = ", ".join(["row_number() over ()::bigint + 1 as _row", "null::varchar as _sheet"] +
                    [f"{ident(names[p])}::varchar as {ident(f)}" for f, p in rec.cols.items()])
    con.execute(f"create or replace temp table raw_in as select {sel} from read_parquet($p)", {"p": str(path)})
    return finish(con, extracted(rec, names, []))
