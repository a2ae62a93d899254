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
