"""Extract: any supported file -> a DuckDB table of text columns `raw_in`
(`_row` = line or spreadsheet row in the file, then one column per header),
plus which contract kind it is and which header feeds which field.

CSV (comma, semicolon, tab; UTF-8, UTF-8 with BOM, Windows-1252), XLSX (title
rows above the header, several sheets, blank rows) and Parquet.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import mmap
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from etl.contracts import CONTRACTS, Contract, alias_index, norm_header
from etl.warehouse import LoadError

HEADER_SCAN_ROWS = 30


@dataclass
class Extracted:
    kind: str
    columns: dict[str, str]           # field -> header as written
    ignored: list[str]
    rows_blank: int = 0
    notes: list[str] = field(default_factory=list)


def sniff_encoding(path: Path) -> str:
    with path.open("rb") as f:
        head = f.read(4)
        f.seek(0)
        if head.startswith(b"\xef\xbb\xbf"):
            return "utf-8-sig"
        try:
            for chunk in iter(lambda: f.read(1 << 24), b""):
                chunk.decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError as e:
            if e.end >= len(chunk) - 3:  # a character cut by the chunk edge
                return "utf-8"
            return "cp1252"


def head_lines(path: Path, encoding: str, n: int = HEADER_SCAN_ROWS) -> list[str]:
    with path.open(encoding=encoding, errors="replace", newline="") as f:
        return [line for _, line in zip(range(n), f)]


def sniff_delimiter(lines: list[str]) -> str:
    text = "".join(lines)
    counts = {d: text.count(d) for d in (";", ",", "\t", "|")}
    return max(counts, key=counts.get)


def score(headers: list[str], contract: Contract) -> tuple[int, int]:
    idx = alias_index(contract)
    fields = {idx[norm_header(h)] for h in headers if norm_header(h) in idx}
    return len(set(contract.required) & fields), len(fields)


def detect_kind(headers: list[str], kind: str | None, mapping: dict[str, str]) -> str | None:
    """The contract whose required fields all appear; None when no row looks like a header."""
    headers = [mapping.get(norm_header(h), h) for h in headers]
    if kind:
        return kind if score(headers, CONTRACTS[kind])[1] >= 2 else None
    full = [(score(headers, c)[1], k) for k, c in CONTRACTS.items()
            if score(headers, c)[0] == len(c.required)]
    if not full:
        return None
    full.sort(reverse=True)
    if len(full) > 1 and full[0][0] == full[1][0]:
        raise LoadError(f"The headers fit both '{full[0][1]}' and '{full[1][1]}' files; "
                        "say which with --kind.")
    return full[0][1]


def find_header(rows: list[list[str]], kind: str | None, mapping: dict[str, str]) -> tuple[int, str] | None:
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        k = detect_kind([c for c in row if c], kind, mapping)
        if k:
            return i, k
    return None


def map_columns(headers: list[str], kind: str, mapping: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    idx = alias_index(CONTRACTS[kind])
    names = [f.name for f in CONTRACTS[kind].fields]
    for h in headers:
        target = mapping.get(norm_header(h))
        if target and target not in names:
            raise LoadError(f"--map \"{h}={target}\": a {kind} file has no field '{target}'. "
                            f"Its fields are: {', '.join(names)}.")
    cols, ignored = {}, []
    for h in headers:  # a header mapped with --map wins over one recognised by its alias
        target = mapping.get(norm_header(h))
        if target and target not in cols:
            cols[target] = h
    for h in headers:
        target = idx.get(norm_header(h))
        if h in cols.values():
            continue
        if target and target not in cols and norm_header(h) not in mapping:
            cols[target] = h
        elif str(h).strip():
            ignored.append(str(h))
    missing = [f for f in CONTRACTS[kind].required if f not in cols]
    if missing:
        expected = "; ".join(f"{f} (e.g. {', '.join(repr(a) for a in CONTRACTS[kind].field(f).aliases[:3])})"
                             for f in missing)
        raise LoadError(f"Missing required column(s) for a {kind} file: {expected}. "
                        f"Expected (required): {', '.join(CONTRACTS[kind].required)}. "
                        f"Found: {', '.join(str(h) for h in headers if str(h).strip())}. "
                        "Map a header with --map \"Header=field\".")
    return cols, ignored


def not_recognised(path: Path, first: list[str], rows: list[list[str]] = (), mapping=None) -> LoadError:
    """No row has every required field of a kind. When a row fits a kind in part
    (two fields or more), the error lists what that kind expects and what was found."""
    close = closest(rows, mapping or {})
    if close:
        try:
            map_columns(*close, mapping or {})
        except LoadError as e:
            return LoadError(f"{path.name}: {e}")
    return LoadError(f"{path.name}: no header row recognised in the first {HEADER_SCAN_ROWS} rows "
                     f"(first row: {', '.join(map(str, first[:8]))}). Use --kind and --map.")


def closest(rows: list[list[str]], mapping: dict[str, str]) -> tuple[list[str], str] | None:
    """(header row, kind) with the fewest missing required fields, among rows matching 2+ fields."""
    best = None
    for row in rows[:HEADER_SCAN_ROWS]:
        headers = [c for c in row if c]
        mapped = [mapping.get(norm_header(h), h) for h in headers]
        for k, c in CONTRACTS.items():
            req, n = score(mapped, c)
            rank = (req - len(c.required), n)
            if n >= 2 and (best is None or rank > best[0]):
                best = (rank, [h.strip() for h in row], k)
    return (best[1], best[2]) if best else None


def extract(con, path: Path, kind: str | None, mapping: dict[str, str]) -> Extracted:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return extract_csv(con, path, kind, mapping)
    if suffix in (".xlsx", ".xlsm"):
        return extract_xlsx(con, path, kind, mapping)
    if suffix == ".parquet":
        return extract_parquet(con, path, kind, mapping)
    raise LoadError(f"{path.name}: unsupported file type '{suffix}' (use CSV, XLSX or Parquet).")


def create_raw(con, select_cols: str, source: str, params=None) -> None:
    con.execute(f"create or replace temp table raw_in as select {select_cols} from {source}", params or {})


def extract_csv(con, path: Path, kind, mapping) -> Extracted:
    enc = sniff_encoding(path)
    delim = sniff_delimiter(head_lines(path, enc))
    if enc != "cp1252" and not has_empty_lines(path):
        return read_csv_text(con, path, path, enc, delim, kind, mapping)
    copy = transcode(path, enc, delim)
    try:  # the copy holds the file's personal data: never leave it behind
        return read_csv_text(con, path, copy, "utf-8", delim, kind, mapping)
    finally:
        copy.unlink(missing_ok=True)


def read_csv_text(con, original: Path, path: Path, enc: str, delim: str, kind, mapping) -> Extracted:
    lines = head_lines(path, enc)
    rows = list(csv.reader(io.StringIO("".join(lines)), delimiter=delim))
    found = find_header(rows, kind, mapping)
    if not found:
        raise not_recognised(original, rows[0] if rows else [], rows, mapping)
    hi, kind = found
    headers = [h.replace("\ufeff", "").strip() for h in rows[hi]]
    cols, ignored = map_columns(headers, kind, mapping)
    names = [f"c{i}" for i in range(len(headers))]
    skip = sum(1 for _ in lines[: hi + 1])
    # no sniffing (ragged rows defeat it), one thread (quoted line breaks with
    # null_padding need it; the row numbers follow the file); as fast here
    src = ("read_csv($p, delim=$d, header=false, skip=$s, all_varchar=true, quote='\"', escape='\"', "
           "auto_detect=false, parallel=false, null_padding=true, strict_mode=false, ignore_errors=false, "
           f"columns={{{', '.join(repr(n) + ': ' + repr('VARCHAR') for n in names)}}})")
    sel = ", ".join([f"(row_number() over () + {hi + 1})::bigint as _row, null::varchar as _sheet"] +
                    [f'{n} as "{h}"' for n, h in zip(names, headers) if h in cols.values()])
    create_raw(con, sel, src, {"p": str(path), "d": delim, "s": skip})
    return finish(con, kind, cols, ignored)


def has_empty_lines(path: Path) -> bool:
    """DuckDB's CSV reader skips empty lines, which would shift every later row
    number; such a file is read through a copy where they hold delimiters."""
    if path.stat().st_size == 0:
        return False
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        return m.find(b"\n\n") >= 0 or m.find(b"\n\r\n") >= 0


def transcode(path: Path, encoding: str, delim: str) -> Path:
    """A UTF-8 copy (from Windows-1252 when so encoded) whose empty lines (outside
    quotes) become a line of one delimiter: a blank row that keeps the numbering."""
    fd, name = tempfile.mkstemp(suffix=".csv", prefix="sejuta-")
    os.close(fd)
    tmp = Path(name)
    quoted = False
    with path.open(encoding=encoding, errors="replace", newline="") as src, \
            tmp.open("w", encoding="utf-8", newline="") as dst:
        for line in src:
            body = line.rstrip("\r\n")
            if not body and not quoted:
                line = delim + line
            quoted ^= body.count('"') % 2 == 1
            dst.write(line)
    return tmp


def finish(con, kind, cols, ignored) -> Extracted:
    blank = " and ".join(f"coalesce(trim(\"{h}\"), '') = ''" for h in cols.values())
    n_blank = con.execute(f"select count(*) from raw_in where {blank}").fetchone()[0]
    con.execute(f"delete from raw_in where {blank}")
    return Extracted(kind, cols, ignored, n_blank)


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


def extract_xlsx(con, path: Path, kind, mapping) -> Extracted:
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many types for a bad file
        raise LoadError(f"{path.name}: not a readable Excel workbook ({type(e).__name__}).") from None
    parts, notes, first, heads = [], [], [], []
    for ws in wb.worksheets:
        it = ws.iter_rows(values_only=True)
        head = [[cell_text(v) or "" for v in row] for _, row in zip(range(HEADER_SCAN_ROWS), it)]
        first = first or (head[0] if head else [])
        heads += head
        found = find_header(head, kind, mapping)
        if not found:
            notes.append(f"sheet '{ws.title}' skipped: no header row")
            continue
        hi, k = found
        kind = kind or k
        parts.append((ws.title, hi, head, it))
    if not parts:
        wb.close()
        raise not_recognised(path, first, heads, mapping)
    result = load_sheets(con, parts, kind, mapping)
    wb.close()
    result.notes += notes
    return result


def load_sheets(con, parts, kind, mapping) -> Extracted:
    """Rows of every sheet with a header row, one table; each sheet's own header
    row maps to the fields (sheets may spell or order their headers differently)."""
    cols, ignored, per_sheet = {}, [], []
    for title, hi, head, _ in parts:
        try:
            sheet_cols, sheet_ignored = map_columns([h.strip() for h in head[hi]], kind, mapping)
        except LoadError as e:
            raise LoadError(f"sheet '{title}': {e}") from None
        per_sheet.append(sheet_cols)
        ignored += [h for h in sheet_ignored if h not in ignored]
        for f, h in sheet_cols.items():
            cols.setdefault(f, h if h not in cols.values() else f)
    data = {h: [] for h in cols.values()}
    rows, sheets = [], []
    for (title, hi, head, it), sheet_cols in zip(parts, per_sheet):
        sheet_headers = [h.strip() for h in head[hi]]
        pos = {h: sheet_headers.index(sheet_cols[f]) for f, h in cols.items() if f in sheet_cols}
        for rn, row in enumerate(_chain(head[hi + 1:], it), start=hi + 2):
            row = list(row)
            rows.append(rn)
            sheets.append(title)
            for h in data:
                v = row[pos[h]] if h in pos and pos[h] < len(row) else None
                data[h].append(cell_text(v) if not isinstance(v, str) else v)
    table = pa.table({"_row": pa.array(rows, pa.int64()), "_sheet": pa.array(sheets, pa.string()),
                      **{h: pa.array(v, pa.string()) for h, v in data.items()}})
    con.register("_xlsx", table)
    con.execute("create or replace temp table raw_in as select * from _xlsx")
    con.unregister("_xlsx")
    return finish(con, kind, cols, ignored)


def _chain(first_rows, rest):
    yield from first_rows
    for row in rest:
        yield [cell_text(v) if not isinstance(v, str) else v for v in row]


def extract_parquet(con, path: Path, kind, mapping) -> Extracted:
    try:
        # a view cannot take a prepared parameter: the path goes in as a quoted literal
        quoted = "'" + str(path).replace("'", "''") + "'"
        con.execute(f"create or replace temp view _pq as select * from read_parquet({quoted})")
        headers = [d[0] for d in con.execute("select * from _pq limit 0").description]
    except Exception as e:
        raise LoadError(f"{path.name}: not a readable Parquet file ({str(e).splitlines()[0]}).") from None
    k = detect_kind(headers, kind, mapping)
    if not k:
        raise not_recognised(path, headers, [headers], mapping)
    cols, ignored = map_columns(headers, k, mapping)
    sel = ", ".join(["row_number() over ()::bigint + 1 as _row, null::varchar as _sheet"] +
                    [f'"{h}"::varchar as "{h}"' for h in cols.values()])
    con.execute(f"create or replace temp table raw_in as select {sel} from _pq")
    return finish(con, k, cols, ignored)
