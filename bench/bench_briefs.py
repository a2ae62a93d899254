"""Time to write every one-page brief (the province and the 22 regencies) from a warehouse,
as `python -m etl brief --all` does, split into the page queries, the charts and the PDF
drawing; and the size of the workbooks of the overview and regency pages' tables. Prints
figures; asserts nothing (tests do not time).

    .venv/bin/python bench/bench_briefs.py                       # the warehouse in force
    .venv/bin/python bench/bench_briefs.py --warehouse W.duckdb --lang en
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def time_briefs(wh: Path, lang: str, out: Path) -> None:
    from bench.timing import plain_funnel
    from ui import brief
    from ui.brief import charts, pdf
    spent = {"charts": 0.0, "pdf": 0.0}

    def timed(name, fn):
        def wrapper(*a, **kw):
            t0 = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                spent[name] += time.perf_counter() - t0
        return wrapper
    charts.trajectory, charts.trend = timed("charts", charts.trajectory), timed("charts", charts.trend)
    pdf.Page.bytes = timed("pdf", pdf.Page.bytes)
    with plain_funnel(wh) as timer:
        t0 = time.perf_counter()
        written = brief.write_all(out, lang)
        total = time.perf_counter() - t0
    sizes = [p.stat().st_size for p in written]
    print(f"{len(written)} briefs ({lang}) in {total:.1f} s ({total / len(written) * 1000:.0f} ms each); "
          f"queries {timer.ms / 1000:.1f} s, charts {spent['charts']:.1f} s, PDF output {spent['pdf']:.1f} s; "
          f"{min(sizes) / 1024:.0f}-{max(sizes) / 1024:.0f} KiB each")


def workbook_sizes(wh: Path, lang: str) -> None:
    """The workbooks of the overview's and a regency page's tables, built from the same specs."""
    import datetime as dt
    from bench.timing import plain_funnel
    from ui import exports, tables
    from ui.queries import overview
    from ui.queries import regencies as q
    from ui.workbook import workbook
    with plain_funnel(wh):
        ctx = exports.Context("bench", "bench", lang, dt.date(2026, 10, 1))
        reg = overview.regency_progress()
        cases = {"22 regencies": (tables.REGENCY_PROGRESS, reg.assign(tier_label=reg.tier_label_id)),
                 "villages of 53.03": (tables.area_spec(True), q.areas("53.03", "village").assign(
                     tier_label=lambda d: d.tier_label_id))}
        for name, (spec, rows) in cases.items():
            t0 = time.perf_counter()
            data = workbook([exports.Sheet(spec, rows, name, ctx)])
            print(f"workbook {name:<18} {len(rows):>5} rows  {len(data) / 1024:6.1f} KiB  "
                  f"{(time.perf_counter() - t0) * 1000:6.0f} ms")


def main() -> None:
    from etl import settings
    ap = argparse.ArgumentParser()
    ap.add_argument("--warehouse", default=None)
    ap.add_argument("--lang", default="id", choices=["id", "en"])
    a = ap.parse_args()
    wh = Path(a.warehouse) if a.warehouse else settings.get_path("warehouse")
    with tempfile.TemporaryDirectory() as tmp:
        time_briefs(wh, a.lang, Path(tmp))
    workbook_sizes(wh, a.lang)


if __name__ == "__main__":
    main()
