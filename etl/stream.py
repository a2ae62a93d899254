"""A CSV too large to read whole within the memory bound: read as a stream, in the file's
order, into RAW (etl/extract.py), compressed as it comes. Its text, NIKs in clear, stays in
the load's memory: the in-memory database has no file and spilling is off."""
from __future__ import annotations

from pathlib import Path

from etl.extract import CSV_SRC, RAW_ROWS, create_raw, new_rows_db
from etl.warehouse import memory_bound

STREAM_ROWS = 2_000_000       # a streamed CSV is compressed after every this many rows
STREAM_BATCH = 2_000_000      # rows of a streamed CSV inserted at once
STREAM_SHARE = 2 / 3          # a CSV whose text would take more of the memory bound is streamed
TEXT_PER_BYTE = 1.2           # memory of a file's text as read, per byte of the file (measured: 1.05-1.19)


def read_streamed(con, sel: str, args: dict, parallel: str) -> None:
    """The file read into RAW in batches, in order, numbered by their place as in a whole read
    (create_raw), compressed every STREAM_ROWS rows: a 42M-row month-by-month export (4.2 GB)
    then takes 0.3 GB, not 4.7 GB."""
    new_rows_db(con)
    create_raw(con, f"select {sel} from {CSV_SRC.format(parallel=parallel)} limit 0", args,
               first_row=args["s"] + 1)
    src = con.cursor()     # the stream's own connection: the inserts run beside it
    try:
        rel = src.sql(f"select {sel} from {CSV_SRC.format(parallel=parallel)}", params=args)
        n = done = 0
        for t in grouped(rel.to_arrow_reader(STREAM_BATCH)):
            con.execute(f"insert into {RAW_ROWS} select * from t")
            n += t.num_rows
            if n - done >= STREAM_ROWS:
                con.execute("checkpoint file_rows")   # before any update or delete (finish)
                done = n
        con.execute("checkpoint file_rows")
    finally:
        src.close()


def grouped(reader):
    """The stream's batches (DuckDB gives about 80k rows each) as tables of at least
    STREAM_BATCH rows: an insert costs about 0.4 s whatever its size (4.2M rows: 4.5 s in
    batches, 3.1 s in groups; the 42M-row export read alone: 39.5 s in groups of 500,000,
    37.7 s in groups of 2,000,000, peak 1.10 -> 1.32 GB)."""
    import pyarrow as pa
    group = []
    for b in reader:
        group.append(b)
        if sum(x.num_rows for x in group) >= STREAM_BATCH:
            yield pa.Table.from_batches(group)
            group = []
    if group:
        yield pa.Table.from_batches(group)


def streamed(con, path: Path) -> bool:
    """A CSV whose text would take more than STREAM_SHARE of the memory bound is streamed."""
    return path.stat().st_size * TEXT_PER_BYTE > STREAM_SHARE * memory_bound(con)
