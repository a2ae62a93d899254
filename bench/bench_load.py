"""Load throughput of a member CSV against DuckDB's bare read_csv of the same file.

    .venv/bin/python bench/bench_load.py                  # 1,000,000 rows, 3 paired runs
    .venv/bin/python bench/bench_load.py --rows 200000 --repeat 5

Writes the member list with the demo generator's format (semicolon, BOM,
dd/mm/yyyy, Indonesian headers), then times (a) `create table as select * from
read_csv(...)` and (b) the ETL's load of that file (extract, validate, pseudonymise,
dedupe, insert, quarantine), reported without and with the mart rebuild. The two are timed
in turn --repeat times (each load into a new warehouse) and the ratio is that of the medians:
single runs on this 2-core machine moved by up to 40% (ratios 0.28-0.39 in three runs).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=3, help="paired runs (default 3)")
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
    bares, loads, totals = [], [], []
    for i in range(a.repeat):
        con = duckdb.connect(str(work / f"bare{i}.duckdb"))
        t0 = time.perf_counter()
        con.execute("create table bare as select * from read_csv($p, delim=';', header=true)", {"p": str(members)})
        bares.append(time.perf_counter() - t0)
        n = con.execute("select count(*) from bare").fetchone()[0]
        con.close()
        (work / f"bare{i}.duckdb").unlink()
        t0 = time.perf_counter()
        result = load_paths([members], progress=lambda *_: None, warehouse=work / f"w{i}.duckdb", fresh=True)[0]
        totals.append(time.perf_counter() - t0)
        loads.append(result.seconds)
        print(f"run {i + 1}: bare {bares[-1]:5.2f} s, ETL load {result.seconds:5.2f} s (ratio {bares[-1] / result.seconds:.2f}); "
              "steps: " + ", ".join(f"{k} {v:.2f}" for k, v in result.steps.items()))
    bare, load = statistics.median(bares), statistics.median(loads)
    print(f"bare read_csv into a table : {bare:6.2f} s  ({n / bare:,.0f} rows/s)  median of {a.repeat}")
    print(f"ETL load of the file       : {load:6.2f} s  ({result.rows_read / load:,.0f} rows/s)"
          f"  loaded {result.rows_loaded:,}, quarantined {result.rows_quarantined:,}")
    print(f"ETL load + marts + publish : {statistics.median(totals):6.2f} s")
    print(f"ratio bare / ETL load      : {bare / load:6.2f}  (aim >= 0.33; runs {min(b / x for b, x in zip(bares, loads)):.2f}"
          f"-{max(b / x for b, x in zip(bares, loads)):.2f})")

if __name__ == "__main__":
    main()
