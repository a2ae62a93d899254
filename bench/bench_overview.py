"""Demo generation, load and overview query times, at the default scale and
optionally larger ones. Prints figures; asserts nothing (tests do not time).

    .venv/bin/python bench/bench_overview.py                 # default scale (1,000,000 members)
    .venv/bin/python bench/bench_overview.py --scales 1,10   # and 10x
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

def timed_queries(wh: Path, repeat: int = 7) -> dict[str, float]:
    """Median ms of the SQL of each query the overview page runs."""
    from bench.timing import median_ms, plain_funnel
    from ui.queries import common, overview
    calls = {"status": common.status, "province_monthly": overview.province_monthly, "pace": overview.pace,
             "projection": overview.projection, "regency_progress": overview.regency_progress}
    with plain_funnel(wh) as timer:
        return {name: median_ms(timer, fn, repeat)[0] for name, fn in calls.items()}


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
    for name, ms in timed_queries(wh).items():
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
