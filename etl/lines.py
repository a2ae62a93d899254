"""A CSV file's line ends, found in its bytes for the row numbers of the fast reader
(etl/extract.py csv_fast): how many lines, carriage returns, old-Mac line ends, empty lines.
The file is read in chunks, never mapped whole."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass
class LineEnds:
    lines: int            # lines in the file: LF, CRLF or CR line ends; a last line without one counts
    crs: int              # carriage returns
    lone_cr: bool         # a carriage return not followed by a line feed (an old-Mac line end) in a
                          # file that also has line feeds


SCAN_CHUNK = 1 << 24


def chunks(path: Path):
    """The file's bytes in chunks of SCAN_CHUNK, each with the two bytes before it and whether
    it is the last: a search of the mapped file kept every page of a 4 GB export resident
    (4.46 GiB peak RSS before its first row was read)."""
    with path.open("rb") as f:
        before, chunk = b"", f.read(SCAN_CHUNK)
        while chunk:
            following = f.read(SCAN_CHUNK)
            yield before, chunk, not following
            before, chunk = (before + chunk[-2:])[-2:], following


def line_ends(path: Path) -> LineEnds:
    """The line ends the row numbers need to know, in one pass (a 200 MB file without CRs:
    a count of its line feeds and a search for a CR per chunk)."""
    n_lf = n_cr = 0
    lone_cr, last = False, b""
    for before, chunk, final in chunks(path):
        n_lf += chunk.count(b"\n")
        if b"\r" in chunk or before.endswith(b"\r"):     # a CR ending a chunk is judged with the next
            n_cr += chunk.count(b"\r")
            buf = before + chunk
            lone_cr = lone_cr or re.search(rb"\r[^\n]", buf) is not None or (final and buf.endswith(b"\r"))
        last = chunk[-1:]
    return LineEnds((n_lf or n_cr) + (last not in (b"\n", b"\r", b"")), n_cr, lone_cr and n_lf > 0)


def has_empty_lines(path: Path, crs: int) -> bool:
    """DuckDB's CSV reader skips empty lines: row numbers then need blank_lines(). Searched only
    when the records and the lines disagree."""
    patterns = (b"\n\n", b"\n\r\n", b"\r\r") if crs else (b"\n\n",)
    for before, chunk, _ in chunks(path):
        buf = before + chunk          # a pattern across two chunks is found too
        if any(buf.find(p) >= 0 for p in patterns):
            return True
    return False


def blank_lines(path: Path, after: int) -> list[int]:
    """Line numbers of the empty lines after line `after` (LF or CRLF line ends)."""
    with path.open("rb") as f:
        return [n for n, line in enumerate(f, 1) if n > after and line in (b"\n", b"\r\n")]
