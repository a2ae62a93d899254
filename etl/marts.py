"""Rebuild the intermediate and mart tables from the .sql files, in layer
order, then run the data tests (SQL that returns offending rows). A failing
data test fails the load, so the published warehouse is never inconsistent."""
from __future__ import annotations

import time
from pathlib import Path

from etl.warehouse import SQL, LoadError

LAYERS = ["intermediate", "marts"]
ORDER = {"intermediate": ["int_settings", "int_tier_rule", "int_goal_segments", "int_as_of", "int_calendar", "int_member_spells"],
         "marts": ["mart_regency_monthly", "mart_payer_monthly", "mart_province_monthly",
                   "mart_regency_progress"]}


def model_files() -> list[Path]:
    files = []
    for layer in LAYERS:
        named = [SQL / layer / f"{n}.sql" for n in ORDER[layer]]
        rest = sorted(p for p in (SQL / layer).glob("*.sql") if p not in named)
        files += named + rest
    return files


def build(con, progress=print) -> None:
    for path in model_files():
        t0 = time.perf_counter()
        con.execute(path.read_text(encoding="utf-8"))
        progress(f"  model {path.stem} ({time.perf_counter() - t0:.1f} s)")
    con.execute("insert or replace into meta values ('built_at', strftime(now(), '%Y-%m-%d %H:%M:%S'))")
    run_tests(con)


def run_tests(con) -> None:
    for path in sorted((SQL / "tests").glob("*.sql")):
        rows = con.execute(path.read_text(encoding="utf-8")).fetchmany(3)
        if rows:
            raise LoadError(f"Data test {path.stem} failed (e.g. {rows[0]}); the warehouse was not changed.")
