"""Query times of the regency page at a given warehouse. Prints the median ms of each
ui.queries function the page calls (on a plain read-only connection, no cache), and the
size of the figures sent to the browser. Asserts nothing (tests do not time).

    .venv/bin/python bench/bench_regencies.py data/warehouse.duckdb [--regency 53.02] [--repeat 7]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("warehouse")
    p.add_argument("--regency", default="53.02")
    p.add_argument("--repeat", type=int, default=7)
    a = p.parse_args()
    os.environ["SEJUTA_WAREHOUSE"] = str(Path(a.warehouse).resolve())
    from bench.timing import plain_funnel
    from ui.queries import common
    from ui.queries import regencies as queries
    with plain_funnel(a.warehouse) as timer:
        status = common.status()
        members = int(common.run("select sum(n_registered_bpu + n_registered_pu + n_registered_jakon "
                                 "+ n_registered_pmi) from mart_province_monthly where month = "
                                 "(select as_of_month from mart_status)").iat[0, 0])
        page_view(a, timer, status["as_of"], members, queries, common)
    figures(a.warehouse, a.regency)


def page_view(a, timer, as_of, members, queries, common) -> None:
    from bench.timing import median_ms
    print(f"warehouse {a.warehouse}: {members:,} members, as of {as_of:%Y-%m}, "
          f"{Path(a.warehouse).stat().st_size / 2**20:,.0f} MiB")
    code = a.regency
    peers = ",".join([code, "53.01", "53.03", "53.04"])
    year_ago = as_of.replace(year=as_of.year - 1)
    page = {
        "status": common.status,
        "regencies": common.regencies,
        "regency_standing": queries.regency_standing,
        "tiers": common.tiers,
        "regency_goal_monthly (own, all months)": lambda: queries.regency_goal_monthly(code, "1900-01-01"),
        "regency_goal_monthly (4 regencies, 12 months)": lambda: queries.regency_goal_monthly(peers, year_ago),
        "regency_mix": lambda: queries.regency_mix(code),
        "areas (districts)": lambda: queries.areas(code, "district"),
        "village_board": lambda: queries.village_board(code),
    }
    total = 0.0
    for name, fn in page.items():
        ms, df = median_ms(timer, fn, a.repeat)
        total += ms
        rows = len(df)
        print(f"query {name:<48} {ms:7.1f} ms  {rows:5d} rows  {'OK' if ms < 100 else 'OVER 100 ms'}")
    print(f"{'all queries of one page view (uncached)':<54} {total:7.1f} ms")


def figures(warehouse: str, code: str) -> None:
    """Size of the map figures as JSON (what a weak connection has to carry)."""
    from bench.timing import plain_funnel
    from geo import cache
    from ui import map_charts as mc
    from ui import regency_charts as rc
    from ui.queries import common
    from ui.queries import regencies as queries
    with plain_funnel(warehouse):
        standing, regs, tiers = queries.regency_standing(), common.regencies(), common.tiers()
    frame = mc.map_frame(standing, regs, "id")
    print(f"figure tile map {len(mc.tile_map(frame, 'attainment', tiers, code, 'id').to_json()) / 1024:7.1f} KiB")
    print(f"figure ranking  {len(rc.ranking(standing, tiers, code, 'id').to_json()) / 1024:7.1f} KiB")
    path = str(cache.boundary_path()[0])
    if path:
        t0 = time.perf_counter()
        match = cache._matched(path, 0)
        ms = (time.perf_counter() - t0) * 1000
        fig = mc.geo_map(match.matched, frame, "attainment", tiers, code, "id")
        print(f"figure geo map  {len(fig.to_json()) / 1024:7.1f} KiB  (boundary read+match+simplify {ms:,.0f} ms, "
              "once per file: cached)")


if __name__ == "__main__":
    main()
