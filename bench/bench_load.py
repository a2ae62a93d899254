"""Load throughput of a member CSV against DuckDB's bare read_csv of the same file.

    .venv/bin/python bench/bench_load.py                  # 1,000,000 rows
    .venv/bin/python bench/bench_load.py --rows 200000

Writes the member list with the demo generator's format (semicolon, BOM,
dd/mm/yyyy, Indonesian headers), then times (a) `create table as select * from
read_csv(...)` and (b) the ETL's load of that file (extract, validate, pseudonymise,
dedupe, insert, quarantine), reported without and with the mart rebuild.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--raw", help="directory of the generated files, reused when present "
                                 "(default /tmp/bench-load-raw-ROWS)")
    a = p.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    os.environ["SEJUTA_WAREHOUSE"] = str(work / "w.duckdb")
    os.environ["SEJUTA_KEY_FILE"] = str(work / "key")
    import duckdb
    from etl.demo import generate
    from etl.load import load_paths
    t0 = time.perf_counter()
    raw = Path(a.raw or f"/tmp/bench-load-raw-{a.rows}")
    found = sorted(raw.glob("peserta*.csv"))
    members = found[0] if found else next(
        f for f in generate(raw, members=a.rows, progress=lambda *_: None) if f.name.startswith("peserta"))
    print(f"{'reused' if found else 'generated'} {members.name}: {members.stat().st_size / 2**20:,.0f} MiB ({time.perf_counter() - t0:.1f} s)")
    con = duckdb.connect(str(work / "bare.duckdb"))
    t0 = time.perf_counter()
    con.execute("create table bare as select * from read_csv($p, delim=';', header=true)", {"p": str(members)})
    bare = time.perf_counter() - t0
    n = con.execute("select count(*) from bare").fetchone()[0]
    con.close()
    t0 = time.perf_counter()
    result = load_paths([members], progress=lambda *_: None)[0]
    total = time.perf_counter() - t0
    print(f"bare read_csv into a table : {bare:6.2f} s  ({n / bare:,.0f} rows/s)")
    print(f"ETL load of the file       : {result.seconds:6.2f} s  ({result.rows_read / result.seconds:,.0f} rows/s)"
          f"  loaded {result.rows_loaded:,}, quarantined {result.rows_quarantined:,}")
    print("  steps: " + ", ".join(f"{k} {v:.2f}" for k, v in result.steps.items()))
    print(f"ETL load + marts + publish : {total:6.2f} s")
    print(f"ratio bare / ETL load      : {bare / result.seconds:6.2f}  (aim >= 0.33)")


if __name__ == "__main__":
    main()
