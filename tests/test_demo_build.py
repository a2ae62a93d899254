"""The demo's one recipe (etl.demo.build): it loads member lists first, replaces the
warehouse (or appends when asked), and the dashboard's first start goes through it,
showing its progress, without the CLI module."""
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

from etl.demo import build
from tests.helpers import query, use_private_env

import pytest
pytestmark = pytest.mark.slow   # whole loads / demo builds: the slow layer (pytest.ini)

APP = str(Path(__file__).resolve().parents[1] / "app.py")
KIND_ORDER = {"members": 0, "contributions": 1, "claims": 2, "subsidies": 3}


def test_member_lists_load_first(demo_env):
    rows = query(demo_env[2], "select file_name, kind from load_log order by load_id")
    assert rows[0][0].startswith("peserta_")
    ranks = [KIND_ORDER[kind] for _, kind in rows]
    assert ranks == sorted(ranks) and set(ranks) == set(KIND_ORDER.values())


def n_members(wh: Path) -> int:
    return query(wh, "select count(*) from members")[0][0]


def test_build_replaces_the_warehouse_unless_appending(monkeypatch, tmp_path):
    wh = use_private_env(monkeypatch, tmp_path)
    first = build(1500, seed=1, out=tmp_path / "a", progress=lambda *_: None)
    assert first.warehouse == wh and n_members(wh) == first.results[0].rows_loaded
    second = build(1200, seed=2, out=tmp_path / "b", progress=lambda *_: None)
    assert n_members(wh) == second.results[0].rows_loaded
    assert query(wh, "select count(*) from load_log")[0][0] == len(second.files)
    build(1000, seed=3, out=tmp_path / "c", progress=lambda *_: None, append=True)
    assert n_members(wh) > second.results[0].rows_loaded
    assert not [p for p in tmp_path.iterdir() if ".demo-" in p.name or ".build-" in p.name]


def test_first_start_builds_the_demo_with_progress_without_the_cli(monkeypatch, tmp_path):
    wh = use_private_env(monkeypatch, tmp_path, demo_members=2000, demo_dir=tmp_path / "raw")
    monkeypatch.setitem(sys.modules, "etl.__main__", None)      # importing the CLI would fail
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception and not at.error
    assert wh.exists() and n_members(wh) > 1900
    shown = [m.value for m in at.markdown]
    # the page's language (Indonesian by default) and its number format
    assert any(s.startswith("Daftar peserta ditulis (") for s in shown)
    assert any(s.startswith("2.000 peserta dan ") for s in shown)
    assert any("memeriksa dan memuat ke gudang data" in s for s in shown)
    assert not any(s.startswith("demo:") for s in shown)
