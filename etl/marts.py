"""Build the models (rules, staging, intermediate, marts) in the order their references
give (etl/models.py), then test them: each model's contract (etl/model_contract.py), the
data tests of etl/sql/tests/*.sql (SQL returning offending rows) and the Python checks of
etl/checks.py. A failing test fails the load, so a published warehouse is never
inconsistent. A build that passes remembers what it published (etl/sql/history.sql), so the
next one can say what changed."""
from __future__ import annotations

import time

from etl import checks, model_contract, models
from etl.warehouse import SQL, LoadError

SOURCE_TABLES = "select table_name from duckdb_tables() where not temporary and database_name = current_database()"


def graph(con=None, root=SQL) -> models.Graph:
    sources = frozenset()
    if con is not None:
        sources = frozenset(r[0] for r in con.execute(SOURCE_TABLES).fetchall())
    try:
        return models.discover(root, sources=sources)
    except models.ModelError as e:
        raise LoadError(str(e)) from None


def build(con, progress=print, select: str | None = None, root=SQL, changed: set[str] | None = None) -> list[str]:
    """Build every model (or `select`: 'name' or 'name+', several separated by commas; or, given
    `changed`, the source tables that changed, only the stale models: those reading a changed
    source, whose SQL changed since they were built or which are missing, and what is built from
    them); return the names built (none: nothing is run, not even the tests). `root` is the
    folder of the SQL files (a test builds a renamed copy)."""
    con.execute((root / "history.sql").read_text(encoding="utf-8"))
    g = graph(con, root)
    try:
        todo = (g.order() if select is None and changed is None else selected(g, select) if select
                else stale(con, g, changed))
    except models.ModelError as e:
        raise LoadError(str(e)) from None
    if not todo:
        return []
    write_lineage(con, g)
    for m in todo:
        t0 = time.perf_counter()
        con.execute(m.statement())
        progress(f"  model {m.name} ({time.perf_counter() - t0:.1f} s)")
    # the SQL each model was built from, in one statement: one per model committed 95 times
    # (1.8 s of a 3M-member build, each commit written through to disk)
    con.execute("insert or replace into meta select unnest($k), unnest($v) union all "
                "select 'built_at', strftime(now(), '%Y-%m-%d %H:%M:%S')",
                {"k": [f"sql:{m.name}" for m in todo], "v": [m.digest for m in todo]})
    run_tests(con, g, root)
    built = [m.name for m in todo]
    remember(con, built)
    return built


def remember(con, built: list[str]) -> None:
    """After the tests pass: append this build's change decomposition to the history, and keep
    the state it publishes as the 'previous' of the next build."""
    if "int_change_regency" in built:
        con.execute("""insert into hist_build select build_id, built_at, as_of_before, as_of_after,
                                                    first_load_id, last_load_id from mart_builds where is_latest""")
        con.execute("""insert into hist_change select (select max(build_id) from hist_build), regency_code,
                                                      component, load_id, n_members from int_change_regency""")
        con.execute("""insert into hist_added select (select max(build_id) from hist_build), kind, programme_code,
                                                     load_id, n_rows, amount_rp from int_change_added""")
    con.execute("""create or replace table hist_prev_status as
                   select member_key, regency_code, is_goal, is_registered, is_active, member_load_id, spell_load_id
                   from int_member_status""")
    con.execute("create or replace table hist_prev_regency as select regency_code, n_active, tier "
                "from mart_regency_progress")
    con.execute("""create or replace table hist_prev_meta as
                   select (select as_of_month from int_as_of) as as_of_month,
                          (select max(load_id) from stg_load_log)::integer as max_load_id,
                          now()::timestamp as built_at""")


def selected(g: models.Graph, select: str) -> list:
    """The models `select` names, and always the models that read the history: it changes at
    every build (remember), so a change model left from an earlier build would compare the
    state published now with itself."""
    wanted = {m.name for spec in select.split(",") if spec.strip() for m in g.select(spec.strip())}
    wanted |= g.downstream({s for s in g.sources() if s.startswith("hist_")})
    return [m for m in g.order() if m.name in wanted]


def stale(con, g: models.Graph, changed: set[str]) -> list[models.Model]:
    """Models to rebuild after `changed` source tables: readers of those, models whose SQL is
    not the SQL they were built from (or never recorded) or whose relation is missing, and
    everything downstream of them, in build order."""
    built = dict(con.execute("select key[5:], value from meta where key like 'sql:%'").fetchall())
    present = {r[0] for r in con.execute("select table_name from duckdb_tables() where database_name = current_database() "
                                         "union all select view_name from duckdb_views() "
                                         "where database_name = current_database()").fetchall()}
    roots = {m.name for m in g.models.values()
             if built.get(m.name) != m.digest or (m.layer != "rules" and m.name not in present)}
    wanted = g.downstream(roots | (set(changed) & g.sources()))
    if wanted:   # the history changes at every build: its readers are never left from an earlier one
        wanted |= g.downstream({s for s in g.sources() if s.startswith("hist_")})
    return [m for m in g.order() if m.name in wanted]


def write_lineage(con, g: models.Graph) -> None:
    """The graph as a table (meta_lineage), so mart_lineage can show a figure's chain of models."""
    import pandas as pd
    frame = pd.DataFrame(g.lineage(), columns=["model", "upstream", "depth"]).astype({"depth": "int32"})
    con.register("_lineage", frame)
    con.execute("create or replace table meta_lineage as select * from _lineage")
    con.unregister("_lineage")


def run_tests(con, g: models.Graph | None = None, root=SQL) -> None:
    g = g or graph(con, root)
    found = [p for m in g.order() for p in model_contract.problems(con, m)]
    for path in sorted((root / "tests").glob("*.sql")):
        rows = con.execute(path.read_text(encoding="utf-8")).fetchmany(3)
        if rows:
            found.append(f"data test {path.stem} failed (e.g. {rows[0]})")
    found += checks.run(con)
    if found:
        raise LoadError(f"{found[0]}; the warehouse was not changed"
                        + (f" ({len(found) - 1} more problem(s))." if len(found) > 1 else "."))
