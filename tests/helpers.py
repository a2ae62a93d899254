"""Test helpers: a private warehouse, key and configuration per test; the app in AppTest."""
from __future__ import annotations

import contextlib
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


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
                "$g::varchar[] as goal_segments, $k::integer as suppress_below, 10 as alert_move_pct, "
                "45 as alert_stale_days, 5 as alert_quarantine_pct",
                {"t": target, "d": deadline, "g": list(goal), "k": suppress_below})
    con.execute((SQL / "rules" / "rule_settings.sql").read_text())


def shown(element):
    """What a person sees in an st.dataframe of AppTest: the display strings of a styled
    table (ui/tables.py), else the values themselves, under the same headers. As in the
    browser's grid, an empty cell shows the table's placeholder (its styled text is not shown)."""
    import pyarrow as pa
    data = element.value
    styler = element.proto.arrow_data.styler
    if not styler.display_values:
        return data
    display = pa.ipc.open_stream(styler.display_values).read_pandas()
    display.columns = data.columns
    display.index = data.index
    placeholder = element.proto.placeholder if element.proto.HasField("placeholder") else "None"
    return display.where(data.notna(), placeholder)


@contextlib.contextmanager
def loaded(tmp_path_factory, name: str, files, as_of: str, **settings):
    """A private warehouse (key, configuration) with `files` loaded, its environment set while
    the block runs. `files` may be a function of the folder, for files written there first."""
    import pytest
    mp = pytest.MonkeyPatch()
    tmp = tmp_path_factory.mktemp(name)
    path = use_private_env(mp, tmp, **settings)
    try:
        load_quiet(files(tmp) if callable(files) else files, as_of=as_of)
        yield path
    finally:
        mp.undo()


def open_app(page: str | None = None, *, user: str | None = None, **query):
    """The dashboard in AppTest, through app.py (the router), on `page` ("pages/x.py"), with
    the address's query parameters set; `user`: signed in with this e-mail, as st.login would."""
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if user:
        at.user = {"is_logged_in": True, "email": user}
    for k, v in query.items():
        at.query_params[k] = v
    if page:
        at.switch_page(page)
    return at.run()


def unfold(at, key: str):
    """Open the folded section (ui/layout.py folded) of widget `key`, as a click on its title
    does: the page reruns and builds what it holds."""
    at.session_state[key] = True
    at.run()
    assert not at.exception and not at.error, (at.exception, at.error)
    return at


def mini_loaded(tmp_path_factory, name: str):
    """The hand-made fixture of tests/test_marts.py (5 BPU members, as of June 2024)."""
    mini = FIXTURES / "mini"
    return loaded(tmp_path_factory, name, [mini / "peserta.csv", mini / "iuran.csv"], "2024-06",
                  target_overrides=mini / "targets.csv")


def tiers_loaded(tmp_path_factory, name: str, **settings):
    """The hand-made fixture of tests/test_sector_tier_marts.py (as of June 2024)."""
    tiers = FIXTURES / "tiers"
    return loaded(tmp_path_factory, name, [tiers / "peserta.csv", tiers / "iuran.csv"], "2024-06",
                  target_overrides=tiers / "targets.csv", **settings)


@contextlib.contextmanager
def captured_downloads():
    """Deferred downloads (st.download_button with a callable) registered while the block
    runs: {file_id: (file name, callable)}; a button's proto.deferred_file_id is the key."""
    from streamlit.runtime.media_file_manager import MediaFileManager
    saved, original = {}, MediaFileManager.add_deferred

    def add(self, fn, mimetype, coordinates, file_name=None, **kw):
        file_id = original(self, fn, mimetype, coordinates, file_name, **kw)
        saved[file_id] = (file_name, fn)
        return file_id
    MediaFileManager.add_deferred = add
    try:
        yield saved
    finally:
        MediaFileManager.add_deferred = original


def downloads(at, saved) -> dict:
    """{widget key: (file name, bytes)} of the page's download buttons."""
    out = {}
    for b in at.get("download_button"):
        name, fn = saved[b.proto.deferred_file_id]
        data = fn()
        out[b.proto.id.rsplit("-", 1)[-1]] = (name, data if isinstance(data, bytes) else data.encode())
    return out


def table_with(at, *headers: str):
    """The first table of an AppTest page having every one of `headers`, as a person sees it."""
    return next(shown(d) for d in at.dataframe if set(headers) <= set(d.value.columns))
