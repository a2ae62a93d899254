"""Build and query times of the sector and tier marts on a given warehouse. Prints figures;
asserts nothing (tests do not time).

    .venv/bin/python bench/bench_sectors_tiers.py WAREHOUSE [--repeat 7]

The warehouse is never written: it is copied to a temporary file, where the intermediate
models and every mart are rebuilt (times of the sector, occupation and tier marts printed),
then each ui.queries function of the sector and tier pages is timed (median ms of its SQL
on a plain read-only connection, no Streamlit cache).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MINE = ("mart_sector_", "mart_tier_", "mart_occupation_mapping")
QUERIES = [("sector_progress", {}), ("sector_regency", {"regency": "53.02"}), ("sector_regency", {}),
           ("sector_monthly", {}), ("occupation_mapping", {}), ("tiers", {}), ("tier_progress", {}),
           ("tier_distribution", {}), ("tier_reached", {}), ("tier_transitions", {}),
           ("tier_areas", {"regency": "53.02", "level": "district"}),
           ("tier_areas", {"regency": "53.02", "level": "village"}),
           ("tier_what_if", {"regency": "53.02", "more": 500})]


def rebuild_copy(src: Path, dst: Path) -> list[tuple[str, float]]:
    """Every model rebuilt in a copy; the build time of each of this page pair's marts."""
    import duckdb
    from etl import marts
    shutil.copyfile(src, dst)
    con = duckdb.connect(str(dst))
    times = []
    try:
        for path in marts.model_files():
            t0 = time.perf_counter()
            con.execute(path.read_text(encoding="utf-8"))
            if path.stem.startswith(MINE):
                times.append((path.stem, (time.perf_counter() - t0) * 1000))
        marts.run_tests(con)
        con.execute("checkpoint")
    finally:
        con.close()
    return times


def timed_queries(wh: Path, repeat: int) -> list[tuple[str, int, float]]:
    import duckdb
    from ui import queries
    con = duckdb.connect(str(wh), read_only=True)

    def run(sql, **params):
        t0 = time.perf_counter()
        df = con.cursor().execute(sql, params).df()
        run.ms += (time.perf_counter() - t0) * 1000
        run.rows = len(df)
        return df
    queries.run = run
    out = []
    for name, kwargs in QUERIES:
        samples = []
        for _ in range(repeat):
            run.ms = 0.0
            getattr(queries, name)(**kwargs)
            samples.append(run.ms)
        label = name + (f"({', '.join(f'{k}={v}' for k, v in kwargs.items())})" if kwargs else "")
        out.append((label, run.rows, statistics.median(samples)))
    con.close()
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("warehouse")
    p.add_argument("--repeat", type=int, default=7)
    a = p.parse_args()
    src = Path(a.warehouse)
    import duckdb
    con = duckdb.connect(str(src), read_only=True)
    members = con.execute("select count(*) from members").fetchone()[0]
    con.close()
    print(f"warehouse {src} ({src.stat().st_size / 2**20:,.0f} MiB, {members:,} members)")
    with tempfile.TemporaryDirectory(prefix="bench-sectier-") as tmp:
        copy = Path(tmp) / "w.duckdb"
        t0 = time.perf_counter()
        times = rebuild_copy(src, copy)
        print(f"rebuild of all models and data tests: {time.perf_counter() - t0:6.1f} s")
        for stem, ms in times:
            print(f"  build {stem:<28} {ms:8.1f} ms")
        for label, rows, ms in timed_queries(copy, a.repeat):
            print(f"  query {label:<52} {ms:7.1f} ms  {rows:6,} rows  {'OK' if ms < 100 else 'OVER 100 ms'}")


if __name__ == "__main__":
    main()
