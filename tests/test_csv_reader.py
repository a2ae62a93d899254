"""Issue 16: the CSV reader's fast path (DuckDB, in parallel where it can, empty lines
found in one pass over the bytes and numbered back in) gives exactly what the exact
path (Python's csv module, one line at a time) gives: the same rows, the same row
numbers (the line where each record starts), the same count of blank rows, for any
mix of title lines, quoted fields with delimiters, quotes and line breaks, LF or CRLF
line ends and empty lines anywhere. And the encoding read from a sample agrees with
decoding the whole file."""
from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from etl import extract, lines, privacy
from etl import stream as stream_mod
from etl.warehouse import sql_file

HEADER = ["NIK", "Nama Peserta", "Tgl Kepesertaan", "Kab/Kota", "Segmen"]
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

cell = st.lists(st.sampled_from(list("ab5 ;,\"\n\r") + ["\r\n", "é", "Ø", "５", "\u200b"]),  # the last two are
               max_size=8).map("".join)                                     # normalised (updated)
record = st.lists(cell, min_size=0, max_size=5)


# One scratch folder per test process, removed when the process ends: each example
# rewrites its file there instead of leaving a folder behind in TMPDIR.
SCRATCH = tempfile.TemporaryDirectory(prefix="csvprop-")


def scratch(name: str) -> Path:
    return Path(SCRATCH.name) / name


def new_con():
    con = duckdb.connect()
    privacy.register(con)
    con.execute(sql_file("macros.sql"))
    return con


def read(path: Path, fast: bool, stream: bool = False):
    """stream: the fast path reads in batches of 2 rows, compressed after every 3
    (etl/stream.py read_streamed), as it does for a file too large to read whole."""
    con = new_con()
    enc = extract.sniff_encoding(path)
    delim = extract.sniff_delimiter(extract.head_lines(path, enc))
    saved = stream_mod.streamed, stream_mod.STREAM_BATCH, stream_mod.STREAM_ROWS
    stream_mod.streamed, stream_mod.STREAM_BATCH, stream_mod.STREAM_ROWS = (lambda con, path: stream), 2, 3
    try:
        ex = (extract.csv_fast if fast else extract.csv_exact)(con, path, enc, delim, "members", {})
    except extract.NotFast:
        return None
    finally:
        stream_mod.streamed, stream_mod.STREAM_BATCH, stream_mod.STREAM_ROWS = saved
    rows = con.execute(f"select _row, _sheet, * exclude (_row, _sheet) from {extract.RAW} order by _row").fetchall()
    return ex.rows_blank, [tuple(None if v == "" else v for v in r) for r in rows]   # DuckDB reads an empty field as NULL


def write(records, blanks, titles: int, eol: str) -> Path:
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator=eol)
    for t in range(titles):
        out.write(f"LAPORAN PESERTA {t}{eol}")
    w.writerow(HEADER)
    for rec, blank in zip(records, blanks):
        out.write(eol * blank)
        w.writerow(rec)
    path = scratch("peserta.csv")
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path


@PROPS
@given(st.lists(record, max_size=12), st.lists(st.integers(0, 3), min_size=12, max_size=12),
       st.integers(0, 2), st.sampled_from(["\n", "\r\n"]), st.booleans())
@example([["a", "b"]] * 5, [0, 1] * 6, 1, "\n", True)      # streamed over three batches, empty lines between
@example([["a"], ["", ""], ["５"], ["\u200b", ""], ["b"]], [0] * 12, 0, "\n", False)   # blank rows, then updates
def test_fast_path_reads_what_the_exact_path_reads(records, blanks, titles, eol, stream):
    path = write(records, blanks, titles, eol)
    fast = read(path, fast=True, stream=stream)
    if fast is not None:           # NotFast: the loader itself takes the exact path
        assert fast == read(path, fast=False)


def line_ends_whole(data: bytes) -> tuple[lines.LineEnds, bool]:
    """What line_ends and has_empty_lines must find, from the whole file's bytes at once."""
    crs = data.count(b"\r")
    n_lines = (data.count(b"\n") or crs) + (data[-1:] not in (b"\n", b"\r", b""))
    empty = b"\n\n" in data or (crs > 0 and (b"\n\r\n" in data or b"\r\r" in data))
    lone = b"\n" in data and re.search(rb"\r(?!\n)", data) is not None
    return lines.LineEnds(n_lines, crs, lone), empty


@PROPS
@given(st.lists(st.sampled_from([b"a", b";", b"\n", b"\r", b"\r\n"]), max_size=40).map(b"".join),
       st.integers(1, 5))
@example(b"a\r\na\r", 2)           # a chunk ending in a lone CR, the file's last byte
@example(b"ab\ra\n", 3)             # a lone CR closing a chunk, judged with the next one's first byte
def test_line_ends_read_in_chunks_agree_with_the_whole_file(data, chunk):
    import unittest.mock
    path = scratch("ends.csv")
    path.write_bytes(data)
    with unittest.mock.patch.object(lines, "SCAN_CHUNK", chunk):
        ends = lines.line_ends(path)
        assert (ends, lines.has_empty_lines(path, ends.crs)) == line_ends_whole(data)


@PROPS
@given(st.text(max_size=40), st.integers(0, 3 * extract.SAMPLE_BYTES // 2))
def test_encoding_from_a_sample(text, pad):
    """UTF-8 text after any amount of ASCII: the sample says UTF-8 whenever the whole file
    is UTF-8 (a character cut at the sample's edge included)."""
    path = scratch("enc.csv")
    data = b"a" * pad + text.replace("\x00", "").encode("utf-8")
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return
    path.write_bytes(data)
    assert extract.sniff_encoding(path) == "utf-8"


@pytest.mark.parametrize("stream, empties", [(False, False), (False, True), (True, True)])
def test_parallel_read_numbers_every_record_by_its_line(tmp_path, monkeypatch, stream, empties):
    """A file large enough for DuckDB to read in parallel chunks (57 MB): every record's
    _row is the line it is on, here written in its own NIK cell, also after empty lines
    (then numbered by a join), blank records (removed) and NIKs in full-width digits
    (normalised by an update); read whole (numbered by rowid) or streamed in batches
    (compressed after every 300,000 rows).
    A read that numbers records out of file order fails this (checked: a parallel read
    numbered by rowid with preserve_insertion_order off put 1,037,800 rows out of place;
    deleting the blank records before the update gave 315,203 rows another line)."""
    monkeypatch.setattr(stream_mod, "streamed", lambda con, path: stream)
    monkeypatch.setattr(stream_mod, "STREAM_ROWS", 300_000)
    import random
    rnd = random.Random(16)
    text = ["LAPORAN PESERTA;;;;", ";".join(HEADER)]
    empty = {300_000, 300_001, 900_000} if empties else set()
    blank = {5, *range(500_000, 700_000)}     # Excel's ;;;; rows
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    for n in range(3, 1_200_000):
        nik = str(n).translate(wide) if n % 5 == 2 else str(n)
        text.append("" if n in empty else ";;;;" if n in blank else
                     f"{nik};{'x' * rnd.randint(0, 40)};01/02/2020;Kupang;BPU")
    path = tmp_path / "peserta.csv"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    con = new_con()
    ex = extract.csv_fast(con, path, "utf-8", ";", "members", {})
    assert ex.rows_blank == len(empty) + len(blank)
    assert con.execute("select count(*), count(*) filter (where _row is distinct from nik::bigint), "
                       f"max(_row) from {extract.RAW}").fetchone() == (1_199_997 - ex.rows_blank, 0, 1_199_999)
