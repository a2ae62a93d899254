"""The one way pages read the warehouse. Every query goes through `run`:
parameterised SQL on a cursor of one cached read-only connection, cached
results keyed by the warehouse file's identity, so a newly published
warehouse (the ETL swaps the file) is picked up at the next query.
Pages read marts only: every query here returns aggregated rows."""
from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from etl import settings


class WarehouseMissing(Exception):
    pass


def warehouse_path() -> Path:
    return settings.get_path("warehouse")


def stamp() -> tuple[int, int]:
    """Identity of the published file: changes when the ETL swaps in a new one."""
    try:
        s = os.stat(warehouse_path())
    except FileNotFoundError:
        raise WarehouseMissing(str(warehouse_path())) from None
    return s.st_ino, s.st_mtime_ns


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(path: str, file_stamp: tuple[int, int]) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(path, read_only=True)


@st.cache_data(max_entries=512, show_spinner=False)
def _run(sql: str, params: tuple, file_stamp: tuple[int, int]) -> pd.DataFrame:
    cur = _connection(str(warehouse_path()), file_stamp).cursor()
    try:
        t0 = time.perf_counter()
        df = cur.execute(sql, dict(params)).df()
        df.attrs["ms"] = (time.perf_counter() - t0) * 1000
        return df
    finally:
        cur.close()


def run(sql: str, **params) -> pd.DataFrame:
    return _run(sql, tuple(sorted(params.items())), stamp())


def scalar(sql: str, **params):
    df = run(sql, **params)
    return None if df.empty else df.iat[0, 0]


# --- status and configuration in force (as recorded in the warehouse) -----------------

def status() -> dict:
    cfg = dict(run("select key, value from cfg_settings").itertuples(index=False))
    as_of = scalar("select as_of_month from int_as_of")
    loaded = scalar("select max(finished_at) from load_log where status = 'loaded'")
    built = scalar("select value from meta where key = 'built_at'")
    return {"as_of": as_of, "loaded_at": loaded, "built_at": built,
            "target": int(cfg.get("target", 0)), "deadline": cfg.get("deadline"),
            "goal_segments": [s.strip() for s in cfg.get("goal_segments", "BPU").split(",") if s.strip()],
            "suppress_below": int(cfg.get("suppress_below", 5))}


# --- province overview ----------------------------------------------------------------

def province_monthly() -> pd.DataFrame:
    return run("select * from mart_province_monthly order by month")


def regency_progress() -> pd.DataFrame:
    return run("""select * from mart_regency_progress
                  order by attainment_pct, regency_kemendagri_code""")


def tiers() -> pd.DataFrame:
    return run("select * from cfg_tiers order by min_pct")
