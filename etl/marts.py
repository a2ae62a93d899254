"""Build the models (rules, staging, intermediate, marts) in the order their references
give (etl/models.py), then test them: each model's contract (etl/model_contract.py), the
data tests of etl/sql/tests/*.sql (SQL returning offending rows) and the Python checks of
etl/checks.py. A failing test fails the load, so a published warehouse is never
inconsistent."""
from __future__ import annotations

import time

from etl import checks, model_contract, models
from etl.warehouse import SQL, LoadError

SOURCE_TABLES = "select table_name from duckdb_tables() where not temporary and database_name = current_database()"


def graph(con=None) -> models.Graph:
    sources = frozenset()
    if con is not None:
        sources = frozenset(r[0] for r in con.execute(SOURCE_TABLES).fetchall())
    try:
        return models.discover(sources=sources)
    except models.ModelError as e:
        raise LoadError(str(e)) from None


def build(con, progress=print, select: str | None = None) -> list[str]:
    """Build every model (or `select`: 'name' or 'name+'); return the names built."""
    g = graph(con)
    try:
        todo = g.order() if select is None else g.select(select)
    except models.ModelError as e:
        raise LoadError(str(e)) from None
    for m in todo:
        t0 = time.perf_counter()
        con.execute(m.statement())
        progress(f"  model {m.name} ({time.perf_counter() - t0:.1f} s)")
    con.execute("insert or replace into meta values ('built_at', strftime(now(), '%Y-%m-%d %H:%M:%S'))")
    run_tests(con, g)
    return [m.name for m in todo]


def run_tests(con, g: models.Graph | None = None) -> None:
    g = g or graph(con)
    found = [p for m in g.order() for p in model_contract.problems(con, m)]
    for path in sorted((SQL / "tests").glob("*.sql")):
        rows = con.execute(path.read_text(encoding="utf-8")).fetchmany(3)
        if rows:
            found.append(f"data test {path.stem} failed (e.g. {rows[0]})")
    found += checks.run(con)
    if found:
        raise LoadError(f"{found[0]}; the warehouse was not changed"
                        + (f" ({len(found) - 1} more problem(s))." if len(found) > 1 else "."))
