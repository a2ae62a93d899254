"""Test helpers: a private warehouse, key and configuration per test."""
from __future__ import annotations

from pathlib import Path

import duckdb

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def use_private_env(monkeypatch, tmp_path: Path, **settings) -> Path:
    wh = tmp_path / "warehouse.duckdb"
    monkeypatch.setenv("SEJUTA_WAREHOUSE", str(wh))
    monkeypatch.setenv("SEJUTA_KEY_FILE", str(tmp_path / "nik.key"))
    for k, v in settings.items():
        monkeypatch.setenv("SEJUTA_" + k.upper(), str(v))
    return wh


def query(wh: Path, sql: str, **params):
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def load_quiet(paths, **kw):
    from etl.load import load_paths
    return load_paths(paths, progress=lambda *_: None, **kw)


def settings_row(con, target: int = 1_000_000, deadline: str = "2029-12-01", goal=("BPU",),
                 suppress_below: int = 5) -> None:
    """The typed configuration row (cfg_settings) and its rules, in a bare test database."""
    from etl.warehouse import SQL
    con.execute("create or replace table cfg_settings as select $t::bigint as target, $d::date as deadline, "
                "$g::varchar[] as goal_segments, $k::integer as suppress_below",
                {"t": target, "d": deadline, "g": list(goal), "k": suppress_below})
    con.execute((SQL / "rules" / "rule_settings.sql").read_text())


def shown(element):
    """What a person sees in an st.dataframe of AppTest: the display strings of a styled
    table (ui/tables.py), else the values themselves, under the same headers."""
    import pyarrow as pa
    data = element.value
    styler = element.proto.arrow_data.styler
    if not styler.display_values:
        return data
    display = pa.ipc.open_stream(styler.display_values).read_pandas()
    display.columns = data.columns
    display.index = data.index
    return display
