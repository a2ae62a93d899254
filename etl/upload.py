"""Files from the browser (the load page), read by the same loader as the command line,
without a clear-text copy on any disk.

The loader reads paths. An upload arrives as bytes in the dashboard's memory; each one is
put into an anonymous in-memory file (Linux memfd: memory, never a directory entry on any
file system, gone when the process ends, even when it is killed) and reached through a
symbolic link named as the upload, in a private 0700 temporary folder removed on every
exit path. The link holds only the memory file's /proc address, never a byte of the file,
so a folder left by a killed process holds nothing. The loader sees a path with the
file's own name and suffix (the file type, the as-of month of its name).

Also here: what can be told about an upload before reading it (too large, a workbook
locked by a password or not a workbook at all), and the header row of each sheet, for the
page's header mapping.
"""
from __future__ import annotations

import csv
import io
import mmap
import os
import re
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from etl import headers as hdr
from etl.contracts import CONTRACTS
from etl.warehouse import LoadError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"            # Office's compound file: encrypted or old .xls
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")     # the stream an encrypted .xlsx keeps its bytes in
WORKBOOKS = (".xlsx", ".xlsm")
SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".parquet")


# ------------------------------------------------------------------ in memory, never on disk

def safe_name(name: str) -> str:
    """The upload's own name, as a single path component."""
    base = re.sub(r"[\x00-\x1f/\\]", "_", Path(str(name)).name).strip()[:200]
    return base if base and not base.startswith(".") else "upload" + Path(base).suffix


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


@contextmanager
def in_memory(uploads: list[tuple[str, bytes]]):
    """Yield one path per (name, bytes) upload, each an in-memory file (see the module's note)."""
    folder = tempfile.mkdtemp(prefix="sejuta-upload-")          # mode 0700
    fds: list[int] = []
    try:
        paths = []
        for i, (name, data) in enumerate(uploads):
            fd = os.memfd_create("sejuta-upload", os.MFD_CLOEXEC)
            fds.append(fd)
            write_all(fd, data)
            sub = Path(folder) / str(i)
            sub.mkdir(mode=0o700)
            link = sub / safe_name(name)
            os.symlink(f"/proc/{os.getpid()}/fd/{fd}", link)
            paths.append(link)
        yield paths
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        for fd in fds:
            os.close(fd)


# ------------------------------------------------------------------ before reading

def workbook_problem(data) -> str | None:
    """'locked' (encrypted with a password), 'old_format' (an Office file that is no .xlsx,
    such as .xls), 'corrupt' (no workbook), or None; `data` is bytes or an mmap."""
    if data[:8] == OLE2:
        return "locked" if data.find(ENCRYPTED) >= 0 else "old_format"
    if data[:4] != b"PK\x03\x04":
        return "corrupt"
    return None


def workbook_problem_of(path: Path) -> str | None:
    with open(path, "rb") as f:
        if os.fstat(f.fileno()).st_size == 0:
            return "corrupt"
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            return workbook_problem(m)


def problem(name: str, data: bytes, limit_mb: int) -> tuple[str, dict] | None:
    """What stops an upload before it is read: (code, parameters) for the page's sentence."""
    suffix = Path(name).suffix.lower()
    if len(data) > limit_mb * 1024 * 1024:
        return "too_big", {"mb": round(len(data) / 1024 / 1024, 1), "limit": limit_mb}
    if suffix not in SUFFIXES:
        return "type", {"suffix": suffix or "-"}
    if not data:
        return "empty", {}
    if suffix in WORKBOOKS:
        code = workbook_problem(data)
        if code is None and not has_workbook_part(data):
            code = "corrupt"
        return (code, {}) if code else None
    if suffix == ".parquet" and not (data[:4] == data[-4:] == b"PAR1"):
        return "corrupt", {}
    return None


def has_workbook_part(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "xl/workbook.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


# ------------------------------------------------------------------ the header row, for the mapping

@dataclass
class Headers:
    kind: str | None                                   # detected (or forced) kind; None: not found
    recognised: list[tuple[str, str]] = field(default_factory=list)   # (header, field), personal ones apart
    personal: list[tuple[str, str]] = field(default_factory=list)     # (header, field) dropped at ingestion
    unrecognised: list[str] = field(default_factory=list)            # headers no field takes (or ambiguous)
    missing: list[str] = field(default_factory=list)                 # required fields not found


def head_rows(path: Path) -> list[list[list[str]]]:
    """The first rows of each sheet (one 'sheet' for CSV and Parquet), as text."""
    from etl import extract
    suffix = path.suffix.lower()
    if suffix in WORKBOOKS:
        from openpyxl import load_workbook
        from etl.sheets import cell_text
        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            return [[[cell_text(v) or "" for v in row]
                     for _, row in zip(range(extract.HEADER_SCAN_ROWS), ws.iter_rows(values_only=True))]
                    for ws in wb.worksheets]
        finally:
            wb.close()
    if suffix == ".parquet":
        import duckdb
        con = duckdb.connect()
        try:
            return [[[d[0] for d in con.execute("select * from read_parquet($p) limit 0", {"p": str(path)}).description]]]
        finally:
            con.close()
    enc = extract.sniff_encoding(path)
    lines = extract.head_lines(path, enc)
    return [list(csv.reader(io.StringIO("".join(lines)), delimiter=extract.sniff_delimiter(lines)))]


def header_view(path: Path, kind: str | None, mapping: dict[str, str]) -> Headers:
    """Which header feeds which field, which are personal (dropped), which no field takes:
    over every sheet's header row, with the page's mapping applied (as --map)."""
    view, found = Headers(kind), False
    for rows in head_rows(path):
        at = header_at(rows, kind, mapping)
        if at is None:
            continue
        found, view.kind = True, view.kind or at[1]
        heads = [str(h).strip() for h in rows[at[0]] if str(h).strip()]
        add(view, heads, hdr.recognise(heads, view.kind, mapping))
    if not found:
        view.kind = kind
    return view


def header_at(rows: list[list[str]], kind: str | None, mapping: dict[str, str]) -> tuple[int, str] | None:
    """(row, kind) of the header row: the loader's, else the row closest to one (a required
    header unrecognised: the mapping can still name it); None when the kind is in doubt."""
    try:
        at = hdr.find_header(rows, kind, mapping)
    except LoadError:                    # fits two kinds equally: the page asks for the kind
        return None
    if at is not None or kind is not None:
        return at
    close = hdr.closest(rows, mapping)
    if close is None:
        return None
    stripped = [[str(h).strip() for h in row] for row in rows]
    return (stripped.index(close[0]), close[1]) if close[0] in stripped else None


def add(view: Headers, heads: list[str], r: hdr.Recognition) -> None:
    contract = CONTRACTS[r.kind]
    for f, pos in r.cols.items():
        target = view.personal if contract.field(f).type == "pii" else view.recognised
        if (heads[pos], f) not in target:
            target.append((heads[pos], f))
    loose = r.ignored + [h for h, _ in r.ambiguous]
    view.unrecognised += [h for h in loose if h not in view.unrecognised]
    view.missing = [f for f in r.missing if f not in {f for _, f in view.recognised}]


# ------------------------------------------------------------------ the dry run

@dataclass
class Preview:
    results: dict = field(default_factory=dict)      # path -> FileResult of the dry run
    samples: dict = field(default_factory=dict)      # path -> DataFrame: a few quarantined rows per reason
    refused: dict = field(default_factory=dict)      # path -> the loader's sentence
    error: str | None = None                         # a problem of the whole load (busy, key)


SAMPLE_SQL = """select reason_code, sheet, row_number, content, params::varchar as params from quarantine
                where load_id = $id
                qualify row_number() over (partition by reason_code order by sheet, row_number) <= $n
                order by reason_code, sheet, row_number"""


def preview(paths: list[Path], per_file: dict, warehouse=None, samples: int = 5) -> Preview:
    """The load the page would publish, as a dry run in a private copy (nothing is written):
    each file's result and a few of its quarantined rows as the quarantine keeps them."""
    from etl.load import FilesRefused, load_paths
    out = Preview()

    def inspect(con, r, path):
        out.results[path] = r
        out.samples[path] = con.execute(SAMPLE_SQL, {"id": r.load_id, "n": samples}).df()

    try:
        load_paths(paths, per_file=per_file, dry_run=True, warehouse=warehouse, wait=False,
                   progress=lambda *_: None, inspect=inspect)
    except FilesRefused as e:
        out.refused = dict(e.by_file)
    except LoadError as e:
        out.error = str(e)
    return out
