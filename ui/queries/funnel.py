"""The one way pages read the warehouse. Every query goes through `run`: parameterised
SQL on a cursor of one cached read-only connection, results cached by the warehouse
file's identity, so a newly published warehouse (the ETL swaps the file) is picked up at
the next query. Pages read marts only (tests/test_queries.py checks every query)."""
from __future__ import annotations

import contextlib
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
    """An in-memory database with the warehouse attached read-only. (duckdb.connect on
    the path would hand back the already-open database of the replaced file.)"""
    con = duckdb.connect(":memory:")
    con.execute("attach $p as wh (read_only)", {"p": path})
    return con


@st.cache_data(max_entries=512, show_spinner=False)
def _run(sql: str, params: tuple, file_stamp: tuple[int, int]) -> pd.DataFrame:
    cur = _connection(str(warehouse_path()), file_stamp).cursor()
    try:
        cur.execute("use wh")
        t0 = time.perf_counter()
        df = cur.execute(sql, dict(params)).df()
        df.attrs["ms"] = (time.perf_counter() - t0) * 1000
        return df
    finally:
        cur.close()


def _cached(sql: str, params: dict) -> pd.DataFrame:
    return _run(sql, tuple(sorted(params.items())), stamp())


_execute = _cached


def run(sql: str, **params) -> pd.DataFrame:
    return _execute(sql, params)


def use_executor(fn=None) -> None:
    """Benchmarks run the page queries on their own connection: fn(sql, params) -> DataFrame;
    None puts the cached read-only path back."""
    global _execute
    _execute = fn or _cached


def scalar(sql: str, **params):
    df = run(sql, **params)
    return None if df.empty else df.iat[0, 0]


@contextlib.contextmanager
def plain(warehouse):
    """The page queries on one plain read-only connection (no Streamlit, no cache), for the
    command line (briefs, digest) and the benchmarks. Yields an executor whose .ms adds up the
    time of the SQL run."""
    con = duckdb.connect(str(warehouse), read_only=True)

    def execute(sql, params):
        t0 = time.perf_counter()
        df = con.cursor().execute(sql, params).df()
        execute.ms += (time.perf_counter() - t0) * 1000
        return df
    execute.ms = 0.0
    use_executor(execute)
    try:
        yield execute
    finally:
        use_executor(None)
        con.close()
