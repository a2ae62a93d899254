"""The pages read marts only: every SQL statement in ui/ (the query modules and anything else)
is parsed by DuckDB itself, and every table it names is a mart or one of its own CTEs. No
file of etl/, ui/ or pages/ grows past ~400 lines (the string catalogue is data)."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
QUERY_CALLS = {"run", "scalar"}


def sql_strings(path: Path) -> list[str]:
    """First arguments of run(...) / scalar(...) calls that are string literals."""
    out = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in QUERY_CALLS:
                out.append(node.args[0].value)
    return out


def tables_named(sql: str) -> set[str]:
    tree = json.loads(duckdb.connect().execute("select json_serialize_sql($s)", {"s": sql}).fetchone()[0])
    assert not tree.get("error"), tree.get("error_message")
    tables, ctes = set(), set()

    def walk(o):
        if isinstance(o, dict):
            if o.get("type") == "BASE_TABLE":
                tables.add(o["table_name"])
            for m in o.get("cte_map", {}).get("map", []) if isinstance(o.get("cte_map"), dict) else []:
                ctes.add(m["key"])
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    walk(tree)
    return tables - ctes


UI_FILES = sorted([*ROOT.glob("ui/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py"])
STATEMENTS = [(p.relative_to(ROOT).as_posix(), sql) for p in UI_FILES for sql in sql_strings(p)]


def test_the_pages_have_queries_to_check():
    assert len(STATEMENTS) > 40


@pytest.mark.parametrize("where, sql", STATEMENTS, ids=[f"{w}:{i}" for i, (w, _) in enumerate(STATEMENTS)])
def test_every_query_reads_marts_only(where, sql):
    assert {t for t in tables_named(sql) if not t.startswith("mart_")} == set(), where


def test_a_query_on_a_raw_table_would_be_caught():
    assert tables_named("with m as (select * from mart_status) select * from members, m") == {"members",
                                                                                               "mart_status"}


@pytest.mark.parametrize("path", sorted(p for folder in ("etl", "ui", "pages") for p in (ROOT / folder).rglob("*.py")
                                        if p.name != "i18n.py"), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_over_400_lines(path):
    assert len(path.read_text().splitlines()) <= 420, path
