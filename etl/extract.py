"""Extract: any supported file -> a DuckDB temp table of text columns `raw_in`
(`_row` = line or spreadsheet row in the file, `_sheet`, then one column per
recognised field, named by the field), plus the file's kind, which header
feeds which field, and its title lines (for the as-of month).

CSV: comma, semicolon, tab or bar; UTF-8 (with or without BOM), UTF-16 with a
BOM (Excel's "Unicode text") or Windows-1252; Unix, Windows or old Mac (CR)
line ends; title lines, blank lines, ragged rows. The common case (UTF-8, no
blank lines) is read by DuckDB; any other is decoded and parsed in Python
straight into an in-memory Arrow table, never into a file: no clear-text copy
of an input exists outside this process. XLSX and Parquet: etl/sheets.py.
"""
from __future__ import annotations

import csv
import io
import mmap
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from etl import headers as hdr
from etl.contracts import CONTRACTS
from etl.privacy import clean, mask_text
from etl.sqlid import ident
from etl.warehouse import LoadError

HEADER_SCAN_ROWS = 30
BATCH = 100_000


@dataclass
class Extracted:
    kind: str
    columns: dict[str, str]           # field -> header as written
    ignored: list[str]
    rows_blank: int = 0
    notes: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)   # text of the rows above the header
    nik_number: bool = False          # raw_in has _nik_number: the NIK cell was a number (XLSX)


def extract(con, path: Path, kind: str | None, mapping: dict[str, str]) -> Extracted:
    from etl import sheets
    readers = {".csv": extract_csv, ".txt": extract_csv, ".tsv": extract_csv,
               ".xlsx": sheets.extract_xlsx, ".xlsm": sheets.extract_xlsx, ".parquet": sheets.extract_parquet}
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise LoadError(f"{mask_text(path.name)}: unsupported file type '{mask_text(path.suffix)}' "
                        "(use CSV, XLSX or Parquet).")
    try:
        return reader(con, path, kind, mapping)
    except duckdb.InterruptException:
        raise KeyboardInterrupt from None
    except (duckdb.Error, csv.Error, UnicodeError) as e:   # their text may quote a row: never shown
        raise LoadError(f"{mask_text(path.name)}: not a readable {path.suffix.lstrip('.').upper()} file "
                        f"({type(e).__name__}{line_hint(e)}).") from None
    except OSError as e:
        raise LoadError(f"{mask_text(path.name)}: cannot be read ({e.strerror or type(e).__name__}).") from None


def line_hint(e: Exception) -> str:
    m = re.search(r"[Ll]ine:? (\d+)", str(e))
    return f" near line {m.group(1)}" if m else ""


# ------------------------------------------------------------------ sniffing

def sniff_encoding(path: Path) -> str:
    with path.open("rb") as f:
        head = f.read(1 << 16)
        if head.startswith(b"\xef\xbb\xbf"):
            return "utf-8-sig"
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf-16"
        if b"\x00" in head:
            raise LoadError(f"{mask_text(path.name)}: not a text file (it holds binary data); "
                            "export it as CSV, XLSX or Parquet.")
        f.seek(0)
        try:
            for chunk in iter(lambda: f.read(1 << 24), b""):
                chunk.decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError as e:
            return "utf-8" if e.end >= len(chunk) - 3 else "cp1252"   # a character cut by the chunk edge


def head_lines(path: Path, encoding: str, n: int = HEADER_SCAN_ROWS) -> list[str]:
    with path.open(encoding=encoding, errors="replace", newline="") as f:
        return [line for _, line in zip(range(n), f)]


def sniff_delimiter(lines: list[str]) -> str:
    text = "".join(lines)
    counts = {d: text.count(d) for d in (";", ",", "\t", "|")}
    return max(counts, key=counts.get)


def has_empty_lines(path: Path) -> bool:
    """DuckDB's CSV reader skips empty lines, which would shift every later row
    number: such a file takes the exact (Python) path."""
    if path.stat().st_size == 0:
        return False
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        return any(m.find(p) >= 0 for p in (b"\n\n", b"\n\r\n", b"\r\r"))


def header_of(rows: list[list[str]], name: str, kind, mapping) -> tuple[int, str, list[str], hdr.Recognition]:
    found = hdr.find_header(rows[:HEADER_SCAN_ROWS], kind, mapping)
    if not found:
        raise hdr.not_recognised(name, rows[:HEADER_SCAN_ROWS], mapping, HEADER_SCAN_ROWS)
    hi, kind = found
    headers = [str(h).replace("\ufeff", "").strip() for h in rows[hi]]
    try:
        return hi, kind, headers, hdr.columns(headers, kind, mapping)
    except LoadError as e:
        raise LoadError(f"{mask_text(name)}: {e}") from None


def titles_of(rows: list[list[str]]) -> list[str]:
    return [" ".join(str(c) for c in row if c) for row in rows]


# ------------------------------------------------------------------ CSV

def extract_csv(con, path: Path, kind, mapping) -> Extracted:
    enc = sniff_encoding(path)
    delim = sniff_delimiter(head_lines(path, enc))
    if enc in ("utf-8", "utf-8-sig") and not has_empty_lines(path):
        return csv_fast(con, path, enc, delim, kind, mapping)
    return csv_exact(con, path, enc, delim, kind, mapping)


def csv_fast(con, path: Path, enc: str, delim: str, kind, mapping) -> Extracted:
    reader = csv.reader(io.StringIO("".join(head_lines(path, enc))), delimiter=delim)
    rows, ends = [], []
    for row in reader:
        rows.append(row)
        ends.append(reader.line_num)
    hi, kind, headers, rec = header_of(rows, path.name, kind, mapping)
    names = {f"c{i}": "VARCHAR" for i in range(len(headers))}
    # no sniffing (ragged rows defeat it), one thread (quoted line breaks with
    # null_padding need it; the row numbers follow the file)
    src = ("read_csv($p, delim=$d, header=false, skip=$s, all_varchar=true, quote='\"', escape='\"', "
           "auto_detect=false, parallel=false, null_padding=true, strict_mode=false, ignore_errors=false, "
           "columns=$cols)")
    sel = ", ".join(["(row_number() over () + $s)::bigint as _row", "null::varchar as _sheet"] +
                    [f"c{pos} as {ident(f)}" for f, pos in rec.cols.items()])
    con.execute(f"create or replace temp table raw_in as select {sel} from {src}",
                {"p": str(path), "d": delim, "s": ends[hi], "cols": names})
    return finish(con, extracted(rec, headers, rows[:hi]))


def csv_exact(con, path: Path, enc: str, delim: str, kind, mapping) -> Extracted:
    """Decoded and parsed in Python (row numbers = the line where each row starts),
    straight into an Arrow table: no file is written."""
    with path.open(encoding=enc, errors="replace", newline="") as f:
        reader = csv.reader(f, delimiter=delim)
        head, starts, line = [], [], 0
        for row in reader:
            head.append(row)
            starts.append(line + 1)
            line = reader.line_num
            if len(head) == HEADER_SCAN_ROWS:
                break
        hi, kind, headers, rec = header_of(head, path.name, kind, mapping)
        fields = list(rec.cols)
        cols = {name: [] for name in ["_row", *fields]}
        for start, row in zip(starts[hi + 1:], head[hi + 1:]):
            add_row(cols, rec.cols, start, row)
        for row in reader:
            add_row(cols, rec.cols, line + 1, row)
            line = reader.line_num
    rows = cols.pop("_row")
    table = pa.table({"_row": pa.array(rows, pa.int64()), "_sheet": pa.nulls(len(rows), pa.string()),
                      **{f: pa.array(v, pa.string()) for f, v in cols.items()}})
    to_raw_in(con, table)
    return finish(con, extracted(rec, headers, head[:hi]))


def add_row(cols: dict[str, list], positions: dict[str, int], start: int, row: list[str]) -> None:
    cols["_row"].append(start)
    for f, p in positions.items():
        cols[f].append(row[p] if p < len(row) else None)


def to_raw_in(con, table: pa.Table) -> None:
    con.register("_arrow_in", table)
    try:
        con.execute("create or replace temp table raw_in as select * from _arrow_in")
    finally:
        con.unregister("_arrow_in")


def extracted(rec: hdr.Recognition, headers: list[str], above: list[list[str]]) -> Extracted:
    """What a reader found: headers used and ignored, ambiguous ones noted, title lines."""
    return Extracted(rec.kind, {f: headers[p] for f, p in rec.cols.items()},
                     rec.ignored + [h for h, _ in rec.ambiguous], notes=ambiguity_notes(rec),
                     titles=titles_of(above))


def ambiguity_notes(rec: hdr.Recognition) -> list[str]:
    return [f"header '{mask_text(h)}' could be {' or '.join(fs)}: not used; say which with --map"
            if len(fs) > 1 else f"headers '{mask_text(h)}' all fit {fs[0]}: none used; say which with --map"
            for h, fs in rec.ambiguous]


# ------------------------------------------------------------------ common end

def finish(con, ex: Extracted) -> Extracted:
    """Blank rows counted and removed; text normalised (etl/privacy.py clean) before any check."""
    blank = " and ".join(f"coalesce(trim({ident(f)}), '') = ''" for f in ex.columns)
    ex.rows_blank = con.execute(f"select count(*) from raw_in where {blank}").fetchone()[0]
    con.execute(f"delete from raw_in where {blank}")
    for f in ex.columns:
        if CONTRACTS[ex.kind].field(f).type != "pii":
            normalise_column(con, f)
    return ex


def normalise_column(con, f: str) -> None:
    """NFKC, any script's digits as 0-9, no zero-width or format characters: computed
    in Python on the distinct values that hold a non-ASCII character (few)."""
    col = ident(f)
    odd = [v for (v,) in con.execute(f"select distinct {col} from raw_in "
                                     f"where regexp_matches({col}, '[^\\x00-\\x7F]')").fetchall()]
    pairs = [(v, clean(v)) for v in odd if clean(v) != v]
    if not pairs:
        return
    con.register("_clean", pa.table({"v": [p[0] for p in pairs], "n": [p[1] for p in pairs]}))
    try:
        con.execute(f"update raw_in set {col} = c.n from _clean c where raw_in.{col} = c.v")
    finally:
        con.unregister("_clean")
