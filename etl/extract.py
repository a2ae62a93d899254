"""Extract: any supported file -> a DuckDB table of text columns (RAW, in an in-memory
database: `_row` = line or spreadsheet row in the file, `_sheet`, one column per field),
the file's kind, which header feeds which field, and its title lines (for the as-of month).

CSV: comma, semicolon, tab or bar; UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
"Unicode text") or Windows-1252; LF, CRLF or CR line ends; title lines, blank lines, ragged
rows. The common case (UTF-8) is read by DuckDB; any other is decoded and parsed in Python
straight into an in-memory Arrow table, never into a file: no clear-text copy of an input
exists outside this process. XLSX and Parquet: etl/sheets.py.
"""
from __future__ import annotations

import csv
import io
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl import headers as hdr
from etl.contracts import CONTRACTS
from etl.lines import blank_lines, has_empty_lines, line_ends
from etl.parts import bucket_of, bucket_sql, part_key
from etl.privacy import clean, mask_text
from etl.sqlid import ident
from etl.warehouse import LoadError

HEADER_SCAN_ROWS = 30
SAMPLE_BYTES = 1 << 20
RAW = "file_rows.raw_in"      # a file's text, NIKs in clear: in an in-memory database, never on disk
RAW_ROWS = "file_rows.raw_rows"   # the table under RAW (a view): deletes and updates go here


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
    except duckdb.OutOfMemoryException:
        raise          # not a bad file: a file too large for the memory bound (etl/load.py)
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
    """BOM, else a sample: UTF-8 when the first MiB decodes as UTF-8 (a later byte that does
    not makes DuckDB's reader fail, and the file is then read as Windows-1252), else
    Windows-1252."""
    with path.open("rb") as f:
        head = f.read(SAMPLE_BYTES)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b"\x00" in head:
        raise LoadError(f"{mask_text(path.name)}: not a text file (it holds binary data); "
                        "export it as CSV, XLSX or Parquet.")
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as e:   # a character cut by the sample's edge is not an error
        return "utf-8" if len(head) == SAMPLE_BYTES and e.start >= len(head) - 3 else "cp1252"


def head_lines(path: Path, encoding: str, n: int = HEADER_SCAN_ROWS) -> list[str]:
    with path.open(encoding=encoding, errors="replace", newline="") as f:
        return [line for _, line in zip(range(n), f)]


def sniff_delimiter(lines: list[str]) -> str:
    text = "".join(lines)
    counts = {d: text.count(d) for d in (";", ",", "\t", "|")}
    return max(counts, key=counts.get)


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
    if enc in ("utf-8", "utf-8-sig"):
        try:
            return csv_fast(con, path, enc, delim, kind, mapping)
        except NotFast:
            enc = "cp1252" if enc == "utf-8" else enc
    return csv_exact(con, path, enc, delim, kind, mapping)


class NotFast(Exception):
    """The file needs the exact (Python) path: not UTF-8 after all, or empty lines
    together with line breaks inside quotes, or old-Mac line ends with empty lines or
    mixed with line feeds."""


CSV_SRC = ("read_csv($p, delim=$d, header=false, skip=$s, all_varchar=true, quote='\"', escape='\"', "
           "auto_detect=false, parallel={parallel}, null_padding=true, strict_mode=false, ignore_errors=false, "
           "columns=$cols)")


def csv_fast(con, path: Path, enc: str, delim: str, kind, mapping) -> Extracted:
    """DuckDB reads the file, in parallel unless a quoted field holds a line break (DuckDB's
    parallel reader refuses those with ragged rows: then one thread). Row numbers follow the
    file's lines: the records are checked against one count of the file's lines, and only a
    file where they differ is searched for empty lines (DuckDB skips them; they are added back
    by an ASOF join on the record index) or handed to the exact path (line breaks in quotes)."""
    head = head_lines(path, enc)
    reader = csv.reader(io.StringIO("".join(head), newline=""), delimiter=delim)
    rows, last_line = [], []
    for row in reader:
        rows.append(row)
        last_line.append(reader.line_num)
    hi, kind, headers, rec = header_of(rows, path.name, kind, mapping)
    skip = last_line[hi]
    with ThreadPoolExecutor(1) as pool:
        counted = pool.submit(line_ends, path)     # beside DuckDB's read, which releases the GIL
        quoted_breaks = read_raw(con, path, rec, len(headers), {"p": str(path), "d": delim, "s": skip})
        ends = counted.result()
    if ends.lone_cr:         # mixed with line feeds: Python's csv module, which the row numbers
        raise NotFast        # follow, counts a lone CR as a line end; DuckDB does not
    records = con.execute(f"select count(*) from {RAW}").fetchall()[0][0]    # fetched whole: register() follows
    blanks = []
    if skip + records != ends.lines:          # empty lines (DuckDB skips them) or line breaks inside quotes
        if has_empty_lines(path, ends.crs):
            if quoted_breaks or (head and head[0].endswith("\r")):      # with quoted breaks or old-Mac ends
                raise NotFast
            blanks = blank_lines(path, skip)
        if skip + records + len(blanks) != ends.lines:
            raise NotFast          # a quoted line break: records are not lines, the exact path numbers them
    number_rows(con, skip, blanks)
    ex = extracted(rec, headers, rows[:hi])
    ex.rows_blank = len(blanks)
    return finish(con, ex)


def read_raw(con, path: Path, rec: hdr.Recognition, width: int, args: dict) -> bool:
    """The file's records into RAW, whole or streamed (etl/stream.py), in parallel unless a
    quoted field holds a line break (then one thread: returns True)."""
    cells = {f: column_of(rec.kind, f, f"c{pos}") for f, pos in rec.cols.items()}
    sel = ", ".join([f"{c} as {ident(f)}" for f, c in cells.items()] + [bucket_sql(rec.kind, cells)])
    args = {**args, "cols": {f"c{i}": "VARCHAR" for i in range(width)}}
    from etl import stream    # it builds on this module
    read = stream.read_streamed if stream.streamed(con, path) else read_whole
    in_order = con.execute("select current_setting('preserve_insertion_order')").fetchone()[0]   # else 1 thread
    try:
        try:
            read(con, sel, args, "true" if in_order else "false")
            return False
        except duckdb.Error as e:
            if "quoted new lines" not in str(e):
                raise
            read(con, sel, args, "false")
            return True
    except duckdb.InvalidInputException as e:
        if "unicode" in str(e).lower():
            raise NotFast from None
        raise


def new_rows_db(con) -> None:
    """A new in-memory database for RAW, never on disk (no spilling: file_rows_in_memory),
    compressed where it is checkpointed (read_streamed)."""
    con.execute("detach database if exists file_rows")
    con.execute("attach ':memory:' as file_rows (compress)")


def create_raw(con, select: str, params: dict | None = None, first_row: int | None = None) -> None:
    """RAW_ROWS := select, and RAW a view of it. first_row: the rows are numbered by their
    place (rowid; DuckDB's parallel CSV read keeps the file's order when insertion order is
    preserved) from this number, into RAW's _row: a stored number costs a one-thread
    window (row_number() over (): 0.9 s of a 1.7 s read at 1M rows) or, set by an update,
    33 bytes a row kept beside the table. Rowids stay as long as no row is updated after a
    delete (finish: updates first) and the database is not checkpointed after a delete
    (read_streamed checkpoints only as it inserts)."""
    con.execute(f"create or replace table file_rows.raw_next as {select}", params or {})
    drop_raw(con)
    con.execute("alter table file_rows.raw_next rename to raw_rows")
    number = "" if first_row is None else f"rowid + {int(first_row)} as _row, null::varchar as _sheet, "
    con.execute(f"create view {RAW} as select {number}* from {RAW_ROWS}")


def drop_raw(con) -> None:
    """The file's text, NIKs in clear, dropped (the view first, then its table)."""
    con.execute(f"drop view if exists {RAW}")
    con.execute(f"drop table if exists {RAW_ROWS}")


def read_whole(con, sel: str, args: dict, parallel: str) -> None:
    """The file read into RAW in one statement, in parallel where the file allows, each
    record numbered by its place after the skipped lines (create_raw)."""
    new_rows_db(con)
    create_raw(con, f"select {sel} from {CSV_SRC.format(parallel=parallel)}", args, first_row=args["s"] + 1)


def number_rows(con, skip: int, blanks: list[int]) -> None:
    """_row = the line of each record: record i (from 1) lies on line skip + i + the number of
    empty lines before it. The j-th empty line (from 1), on line L, comes after record
    L - skip - j."""
    import pyarrow as pa   # only when needed: a no-op load does not import it
    if not blanks:
        return
    last = {n - skip - j: j for j, n in enumerate(blanks, 1)}    # empty lines in a row: the last one counts
    b = pa.table({"after": pa.array(list(last), pa.int64()), "before": pa.array(list(last.values()), pa.int64())})
    con.register("_blanks", b)
    try:
        create_raw(con, f"""select r.* replace (r._row + coalesce(b.before, 0) as _row)
                            from {RAW} r asof left join _blanks b on r._row - $s > b.after""", {"s": skip})
    finally:
        con.unregister("_blanks")


def csv_exact(con, path: Path, enc: str, delim: str, kind, mapping) -> Extracted:
    """Decoded and parsed in Python (row numbers = the line where each row starts),
    straight into an Arrow table: no file is written."""
    import pyarrow as pa   # only when needed: a no-op load does not import it
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
    to_raw_in(con, table, rec.kind, fields)
    return finish(con, extracted(rec, headers, head[:hi]))


def add_row(cols: dict[str, list], positions: dict[str, int], start: int, row: list[str]) -> None:
    cols["_row"].append(start)
    for f, p in positions.items():
        cols[f].append(row[p] if p < len(row) else None)


def to_raw_in(con, table, kind: str, fields: list[str]) -> None:
    """raw_in from an Arrow table of text columns (_row, _sheet, one per field)."""
    written = {f: column_of(kind, f, ident(f)) for f in fields}
    cells = ", ".join(f"{c} as {ident(f)}" for f, c in written.items())
    con.register("_arrow_in", table)
    try:
        new_rows_db(con)
        create_raw(con, f"select * {f'replace ({cells})' if cells else ''}, {bucket_sql(kind, written)} "
                        "from _arrow_in")
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
    """Text normalised (etl/privacy.py clean) before any check, then blank rows counted and
    removed (a row of invisible characters is blank too). In this order: after a delete,
    an update moves rows in DuckDB (2.0.1: their rowids change), and RAW's row numbers may
    be rowids (create_raw). Every reader has written its cells through column_of (trimmed,
    personal fields as marks)."""
    fields = [f for f in ex.columns if CONTRACTS[ex.kind].field(f).type != "pii"]
    for f in non_ascii(con, fields):
        normalise_column(con, ex.kind, f)
    blank = " and ".join(f"{ident(f)} is null" for f in ex.columns)
    ex.rows_blank += con.execute(f"delete from {RAW_ROWS} where {blank}").fetchall()[0][0]   # rows deleted
    return ex


def column_of(kind: str, f: str, col: str) -> str:
    """A field's cell as every reader writes it into raw_in, so that no later step trims again:
    without leading and trailing spaces, an empty one NULL; a personal field only as a mark."""
    return present_mark(col) if CONTRACTS[kind].field(f).type == "pii" else f"nullif(trim({col}), '')"


def present_mark(col: str) -> str:
    """A personal field (name, address...) is never kept: only whether the row has one ('1'),
    which makes a row holding nothing else a row to refuse rather than a blank one."""
    return f"case when nullif(trim({col}), '') is not null then '1' end"


def non_ascii(con, fields: list[str]) -> list[str]:
    """The fields holding a character outside ASCII (more bytes than characters), found in one
    scan of the rows: most exports have none."""
    if not fields:
        return []
    flags = con.execute("select " + ", ".join(f"coalesce(bool_or(strlen({ident(f)}) <> length({ident(f)})), false)"
                                              for f in fields) + f" from {RAW}").fetchone()
    return [f for f, odd in zip(fields, flags) if odd]


def normalise_column(con, kind: str, f: str) -> None:
    """NFKC, any script's digits as 0-9, no zero-width or format characters: computed
    in Python on the distinct values that hold a non-ASCII character (few)."""
    import pyarrow as pa   # only when needed: a no-op load does not import it
    col = ident(f)
    odd = [v for (v,) in con.execute(f"select distinct {col} from {RAW} "
                                     f"where strlen({col}) <> length({col})").fetchall()]
    pairs = [(v, clean(v)) for v in odd if clean(v) != v]
    if not pairs:
        return
    con.register("_clean", pa.table({"v": [p[0] for p in pairs], "n": [p[1] for p in pairs]}))
    try:
        new = "nullif(trim(c.n), '')"
        rebucket = f", _bucket = {bucket_of(kind, new)}" if f == part_key(kind) else ""   # the key changed
        con.execute(f"update {RAW_ROWS} set {col} = {new}{rebucket} from _clean c "
                    f"where raw_rows.{col} = c.v")
    finally:
        con.unregister("_clean")
