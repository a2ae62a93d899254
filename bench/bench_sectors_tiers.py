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
        for model in marts.graph(con).order():
            t0 = time.perf_counter()
            con.execute(model.statement())
            if model.name.startswith(MINE):
                times.append((model.name, (time.perf_counter() - t0) * 1000))
        marts.run_tests(con)
        con.execute("checkpoint")
    finally:
        con.close()
    return times


def timed_queries(wh: Path, repeat: int) -> list[tuple[str, int, float]]:
    from bench.timing import median_ms, plain_funnel
    from ui.queries import common, sectors, tiers
    out = []
    with plain_funnel(wh) as timer:
        for name, kwargs in QUERIES:
            module = next(m for m in (sectors, tiers, common) if hasattr(m, name))
            ms, df = median_ms(timer, lambda: getattr(module, name)(**kwargs), repeat)
            label = name + (f"({', '.join(f'{k}={v}' for k, v in kwargs.items())})" if kwargs else "")
            out.append((label, len(df), ms))
    return out

def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("warehouse")
    p.add_argument("--repeat", type=int, default=7)
    a = p.parse_args()
    src = Path(a.warehouse)
    import duckdb
    con = duckdb.connect(str(src), read_only=True)
    members = con.execute("select count(*) from stg_members").fetchone()[0]
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
