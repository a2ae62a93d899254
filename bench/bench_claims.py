"""Query times of the claims and subsidies page (ui/queries/claims.py, "claims and
subsidies") on a given warehouse: the median of several runs of each query's SQL on a plain
read-only connection (no Streamlit cache). Prints figures; asserts nothing (tests do not time).

    .venv/bin/python bench/bench_claims.py --warehouse data/warehouse.duckdb
    .venv/bin/python bench/bench_claims.py --warehouse W --repeat 9 --show
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def page_calls(as_of: date, first: date, regency: str, scheme: str | None, year: int | None):
    """The query calls one view of the claims page makes (default period: year to date),
    plus the article's period (Jan-Aug 2020) and one regency selected."""
    start, end = date(as_of.year, 1, 1), as_of
    calls = [
        ("claims_bounds", {}),
        ("claims_by_programme", dict(start=start, end=end)),
        ("claims_by_programme (Jan-Aug 2020)", dict(start=date(2020, 1, 1), end=date(2020, 8, 1))),
        ("claims_by_programme (regency, BPU)", dict(start=start, end=end, regency=regency, segment="BPU")),
        ("claims_monthly", dict(start=start, end=end)),
        ("claims_by_regency", dict(start=start, end=end)),
        ("claims_ratio", dict(start=start, end=end)),
        ("claims_ratio (PU)", dict(start=start, end=end, segment="PU")),
        ("claims_anomalies", dict(start=start, end=end)),
        ("claims_anomalies (all months)", dict(start=first, end=end)),
        ("claims_anomaly_counts", dict(start=start, end=end)),
        ("claims_processing", dict(start=start, end=end)),
        ("claims_processing (all months)", dict(start=first, end=end)),
        ("claims_causes", dict(start=start, end=end)),
        ("claims_causes (regency)", dict(start=start, end=end, regency=regency)),
        ("subsidy_schemes", {}),
        ("budget_years", {}),
        ("budget_retention", {}),
        ("budget_retention (by regency)", dict(by_regency=True)),
    ]
    if scheme:
        calls.append(("subsidy_regencies", dict(scheme=scheme)))
    if year:
        calls.append(("budget_regencies", dict(year=year)))
    return calls


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--warehouse", required=True, help="a built warehouse file (python -m etl demo)")
    p.add_argument("--repeat", type=int, default=7)
    p.add_argument("--show", action="store_true", help="print each result's first rows")
    a = p.parse_args()

    from bench.timing import plain_funnel
    with plain_funnel(a.warehouse) as timer:
        time_page(a, timer)


def time_page(a, timer) -> None:
    from bench.timing import median_ms
    from ui.queries import claims as queries
    bounds = queries.claims_bounds().iloc[0]
    as_of, first = bounds.as_of_month, bounds.first_month
    schemes = queries.subsidy_schemes()
    years = queries.budget_years()
    n_claims = int(queries.run("select sum(n_claims) from mart_claims_monthly").iat[0, 0] or 0)
    print(f"warehouse {a.warehouse}: {n_claims:,} claims; as of {as_of:%Y-%m}")
    calls = page_calls(as_of, first, "53.71", schemes.scheme.iloc[0] if len(schemes) else None,
                       int(years.budget_year.max()) if len(years) else None)
    worst = 0.0
    for label, kwargs in calls:
        fn = getattr(queries, label.split(" (")[0])
        ms, df = median_ms(timer, lambda: fn(**kwargs), a.repeat)
        worst = max(worst, ms)
        print(f"query {label:<40} {ms:7.1f} ms  {len(df):5d} rows  {'OK' if ms < 100 else 'OVER 100 ms'}")
        if a.show:
            print(df.head(5).to_string(), "\n")
    print(f"slowest {worst:.1f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()
