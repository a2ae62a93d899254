"""Values and files as offices write them: Indonesian dates and money, regency
names in many spellings, CSV (comma or semicolon, optional BOM, quoting only
where needed) and XLSX (title rows above the header, text or native cells).
Files are byte-identical between runs with the same inputs."""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from etl.contracts import CONTRACTS
from etl.demo.codes import PU
from etl.demo.world import World, first_day

SEGMENT_TEXT = (                            # as offices write them (10 slots each)
    ["PU"] * 7 + ["Penerima Upah"] * 2 + ["penerima upah"],
    ["BPU"] * 8 + ["Bukan Penerima Upah"] * 2,
    ["Jasa Konstruksi"] * 5 + ["JAKON"] * 5,
    ["PMI"] * 9 + ["Pekerja Migran Indonesia"],
)
PAYER_TEXT = ("Mandiri", "Pemberi Kerja", "APBD Provinsi", "APBD Kabupaten", "Dana Desa", "CSR")
PROGRAMME_TEXT = ("JKK+JKM", "JKK+JKM+JHT", "JKK+JKM+JHT+JP")
EXTRA_PII = {"kpj": "No. KPJ", "birth_date": "Tgl Lahir", "address": "Alamat", "phone": "No HP"}
FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------- values
def fmt_days(days: np.ndarray, fmt: str = "%d/%m/%Y") -> pa.Array:
    """Day numbers -> text, through a lookup table of the distinct days."""
    days = np.asarray(days, np.int64)
    lo = int(days.min()) if len(days) else 0
    span = np.arange(lo, (int(days.max()) if len(days) else 0) + 1)
    labels = pd.to_datetime(span, unit="D").strftime(fmt).tolist()
    return pa.array(labels, pa.string()).take(pa.array(days - lo))


def fmt_months(m: np.ndarray, fmt: str = "%Y-%m") -> pa.Array:
    return fmt_days(first_day(m), fmt)


def fmt_money(values: np.ndarray, prefix: str = "") -> pa.Array:
    """Indonesian money text: 1234567 -> '1.234.567' (with prefix 'Rp ' if asked)."""
    uniq, inv = np.unique(np.asarray(values, np.int64), return_inverse=True)
    labels = [prefix + f"{v:,}".replace(",", ".") for v in uniq.tolist()]
    return pa.array(labels, pa.string()).take(pa.array(inv.ravel()))


def text(values) -> pa.Array:
    return pa.array(np.asarray(values)).cast(pa.string())


def lookup(labels, idx) -> pa.Array:
    return pa.array(list(labels), pa.string()).take(pa.array(np.asarray(idx, np.int64)))


def regency_variants(w: World) -> list[list[str]]:
    """20 equally likely spellings per regency: 11 official name, 4 upper case,
    2 alias, 2 Kemendagri code, 1 BPS code (brief: ~55/20/10/10/5%)."""
    out = []
    for r in w.reg.itertuples():
        alias = [a for a in r.aliases.split("|") if a and a != r.name]
        if r.name.startswith("Kabupaten"):
            alias.append(f"Kab. {r.short_name}")
        out.append([r.name] * 11 + [r.name.upper()] * 4 + [alias[0], alias[-1]]
                   + [r.kemendagri_code] * 2 + [r.bps_code])
    return out


def regency_text(w: World, reg: np.ndarray, style: str, rng=None) -> pa.Array:
    """One spelling per file (style = a regencies.csv column, or 'upper'), or 'mixed'."""
    if style == "mixed":
        variants = [v for row in regency_variants(w) for v in row]
        return lookup(variants, reg * 20 + rng.integers(0, 20, len(reg)))
    labels = w.reg.name.str.upper() if style == "upper" else w.reg[style]
    return lookup(labels, reg)


def programme_text(seg: np.ndarray, jht: np.ndarray) -> pa.Array:
    return lookup(PROGRAMME_TEXT, np.where(seg == PU, 2, jht.astype(int)))


def segment_text(rng, seg: np.ndarray) -> pa.Array:
    flat = [t for row in SEGMENT_TEXT for t in row]
    return lookup(flat, seg.astype(np.int64) * 10 + rng.integers(0, 10, len(seg)))


def payer_text(payer: np.ndarray) -> pa.Array:
    return lookup(PAYER_TEXT, payer)


def headers(kind: str, *fields: str) -> list[str]:
    h = CONTRACTS[kind].demo_headers
    return [h.get(f) or EXTRA_PII[f] for f in fields]


def as_export(kind: str, cols: dict) -> pa.Table:
    """Columns named by contract field -> a table under the demo headers of `kind`."""
    return pa.table(dict(zip(headers(kind, *cols), cols.values())))


# ---------------------------------------------------------------- files
def write_csv(path: Path, table: pa.Table, sep: str = ",", bom: bool = False) -> Path:
    """Plain CSV, quoting only the values that need it (as spreadsheet exports
    do); lines are joined by pyarrow and written straight from its buffer."""
    with path.open("wb") as f:
        f.write(("\ufeff" if bom else "").encode() + (sep.join(table.column_names) + "\n").encode())
        if table.num_rows:
            line = pc.binary_join_element_wise(*[csv_field(c, sep) for c in table.columns], sep)
            arr = pc.binary_join_element_wise(line, "\n", "").combine_chunks()
            offsets = np.frombuffer(arr.buffers()[1], np.int32)[arr.offset:arr.offset + len(arr) + 1]
            f.write(memoryview(arr.buffers()[2])[offsets[0]:offsets[-1]])
    return path


def csv_field(col, sep: str):
    needs = pc.or_(pc.match_substring(col, sep), pc.match_substring(col, '"'))
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(col, '"', '""'), '"', "")
    return pc.if_else(needs, quoted, col)


def write_xlsx(path: Path, table: pa.Table, titles: list[str], sheet: str = "Sheet1",
               native: bool = False, blank_tail: int = 0) -> Path:
    """openpyxl write-only; title rows above the header. native: dd/mm/yyyy text
    becomes date cells and 'Rp ...' text becomes numbers, as Excel exports have."""
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    for t in titles:
        ws.append([t] if t else [])
    ws.append(table.column_names)
    cols = [c.to_pylist() for c in table.columns]
    if native:
        cols = [[native_cell(v) for v in c] for c in cols]
    for row in zip(*cols):
        ws.append(list(row))
    for _ in range(blank_tail):
        ws.append([None] * len(cols))
    wb.save(path)
    return fix_zip_times(path)


DATE_TEXT = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
RP_TEXT = re.compile(r"Rp -?[\d.]+")


def native_cell(v):
    if isinstance(v, str) and DATE_TEXT.fullmatch(v):
        d, m, y = map(int, DATE_TEXT.fullmatch(v).groups())
        try:
            return dt.datetime(y, m, d)
        except ValueError:
            return v          # an impossible date stays text, as in a real export
    if isinstance(v, str) and RP_TEXT.fullmatch(v):
        return int(v[3:].replace(".", ""))
    return v


def fix_zip_times(path: Path) -> Path:
    """Make an XLSX byte-identical between runs: fixed zip entry times and
    document dates (openpyxl stamps both with the current time)."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-01-01T00:00:00Z", data)
            z.writestr(zipfile.ZipInfo(name, FIXED_ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return path
