"""Demo generation, load and overview query times, at the default scale and
optionally larger ones. Prints figures; asserts nothing (tests do not time).

    .venv/bin/python bench/bench_overview.py                 # default scale (1,000,000 members)
    .venv/bin/python bench/bench_overview.py --scales 1,10   # and 10x
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OVERVIEW = ["status", "province_monthly", "regency_progress", "tiers"]


def timed_queries(wh: Path, names: list[str], repeat: int = 7) -> dict[str, float]:
    """Median ms of each ui.queries function's SQL on a plain read-only connection."""
    import duckdb
    from ui import queries
    con = duckdb.connect(str(wh), read_only=True)
    out = {}

    def run(sql, **params):
        t0 = time.perf_counter()
        df = con.cursor().execute(sql, params).df()
        run.ms += (time.perf_counter() - t0) * 1000
        return df
    queries.run = run
    for name in names:
        samples = []
        for _ in range(repeat):
            run.ms = 0.0
            getattr(queries, name)()
            samples.append(run.ms)
        out[name] = statistics.median(samples)
    con.close()
    return out


def one_scale(members: int, workdir: Path) -> None:
    from etl.demo import build
    wh = workdir / f"warehouse_{members}.duckdb"
    os.environ["SEJUTA_WAREHOUSE"] = str(wh)
    os.environ.setdefault("SEJUTA_KEY_FILE", str(workdir / "nik.key"))
    built = build(members, out=workdir / f"raw_{members}", progress=lambda *_: None)
    files, results = built.files, built.results
    t_gen, t_load = built.seconds_generating, built.seconds - built.seconds_generating
    rows = sum(r.rows_read for r in results)
    print(f"\n== {members:,} members: {rows:,} raw rows in {len(files)} files; "
          f"warehouse {wh.stat().st_size / 2**20:,.0f} MiB")
    print(f"demo generation  {t_gen:8.1f} s")
    print(f"load + marts     {t_load:8.1f} s   ({rows / t_load:,.0f} rows/s)")
    for name, ms in timed_queries(wh, OVERVIEW).items():
        print(f"query {name:<22} {ms:7.1f} ms   {'OK' if ms < 100 else 'OVER 100 ms'}")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--scales", default="1", help="comma-separated multiples of 1,000,000 members")
    p.add_argument("--workdir", default=str(ROOT / "bench" / "out"))
    a = p.parse_args()
    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)
    for s in a.scales.split(","):
        one_scale(int(float(s) * 1_000_000), work)


if __name__ == "__main__":
    main()
