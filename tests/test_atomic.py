"""A load never leaves readers looking at a half-loaded warehouse.

1. kill -9 in the middle of a load of a 300,000-row member list: the published
   file is byte for byte what it was, and the next load cleans up and succeeds.
2. Readers during a load (read-only DuckDB connections in a thread, and the
   dashboard's own query funnel ui.queries.funnel.run) always get an answer: the old
   data until the new file is swapped in, the new data after.
"""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

from tests.helpers import load_quiet, use_private_env

pytestmark = pytest.mark.slow   # whole loads / demo builds: the slow layer (pytest.ini)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
BIG_ROWS = 300_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory) -> Path:
    """A member list of 300,000 distinct members, made in well under a second."""
    rng = np.random.default_rng(7)
    regencies = np.array(["TTS", "5301", "Kota Kupang", "Kab. Kupang", "Ende", "53.08", "Sikka", "Mabar", "SBD"])
    jobs = np.array(["Petani", "Nelayan", "Pedagang", "Penenun", "Ojek", "Tukang batu", "Peternak babi"])
    registered = (np.datetime64("2020-01-01") + rng.integers(0, 2000, BIG_ROWS)).astype("datetime64[D]")
    serial = np.arange(BIG_ROWS, dtype=np.int64) * 7919 % 10**12 + 10**12    # distinct, 13 digits
    table = pa.table({
        "NIK": np.char.add("530", serial.astype(str)),
        "Nama Peserta": np.full(BIG_ROWS, "Nama Contoh"),
        "Tgl Kepesertaan": np.datetime_as_string(registered),
        "Kab/Kota": regencies[rng.integers(0, len(regencies), BIG_ROWS)],
        "Segmen": np.full(BIG_ROWS, "BPU"),
        "Pekerjaan": jobs[rng.integers(0, len(jobs), BIG_ROWS)],
        "BLTH Iuran Terakhir": np.full(BIG_ROWS, "2026-06"),
    })
    path = tmp_path_factory.mktemp("big") / "peserta_besar.csv"
    pacsv.write_csv(table, path)
    return path


@pytest.fixture
def published(monkeypatch, tmp_path) -> Path:
    """A private warehouse, published once with the 5-member example list."""
    wh = use_private_env(monkeypatch, tmp_path)
    load_quiet([EXAMPLES / "members.csv"])
    return wh


def start_load(*paths: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "etl", "load", *map(str, paths)], cwd=ROOT,
                            env={k: v for k, v in os.environ.items() if k != "SEJUTA_DEBUG"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def answers(wh: Path) -> tuple:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return tuple(con.execute(sql).fetchall() for sql in [
            "select count(*) from members",
            "select load_id, file_name, rows_read, rows_loaded from load_log order by load_id",
            "select * from mart_province_monthly order by month",
            "select regency_code, n_active from mart_regency_progress order by 1"])
    finally:
        con.close()


def build_files(wh: Path) -> list[Path]:
    return sorted(wh.parent.glob(f".{wh.name}.build-*"))


def test_kill_9_mid_load_leaves_published_warehouse_unchanged(published, big_csv):
    wh = published
    before_sha, before = sha256(wh), answers(wh)
    size0 = wh.stat().st_size

    proc = start_load(big_csv)
    build = wh.with_name(f".{wh.name}.build-{proc.pid}")
    deadline = time.monotonic() + 60
    while not (build.exists() and build.stat().st_size > size0):   # the copy is being written into
        assert proc.poll() is None, f"the load ended before it could be killed: {proc.communicate()}"
        assert time.monotonic() < deadline, "the build file never grew"
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    assert build.exists()                            # killed mid-load: its build file is left behind
    assert sha256(wh) == before_sha
    assert answers(wh) == before

    # the next load removes the dead process's build file and publishes
    nxt = start_load(EXAMPLES / "claims.csv")
    out, err = nxt.communicate(timeout=120)
    assert nxt.returncode == 0, err
    assert build_files(wh) == []
    after = answers(wh)
    assert after[0] == before[0]                     # members as before; the claims were added
    assert [r[1] for r in after[1]] == ["members.csv", "claims.csv"]


def read_count(wh: Path) -> int:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute("select count(*) from members").fetchall()[0][0]
    finally:
        con.close()


def test_readers_keep_answering_during_a_load(published, big_csv):
    wh = published
    counts, errors, done = [], [], threading.Event()

    def read_loop():
        while not done.is_set():
            try:
                counts.append(read_count(wh))
            except Exception as e:  # noqa: BLE001 - any failure to read is the finding
                errors.append(repr(e))

    reader = threading.Thread(target=read_loop, daemon=True)
    reader.start()
    proc = start_load(big_csv)
    main = []
    try:
        while proc.poll() is None:
            main.append(read_count(wh))
            time.sleep(0.01)
    finally:
        out, err = proc.communicate(timeout=120)
        done.set()
        reader.join(timeout=30)
    assert proc.returncode == 0, err

    assert errors == []
    assert len(counts) > 20 and len(main) > 20
    assert set(counts) <= {5, 5 + BIG_ROWS} and set(main) <= {5, 5 + BIG_ROWS}   # old or new, never between
    assert counts[0] == 5 and main[0] == 5
    assert read_count(wh) == 5 + BIG_ROWS            # once published, a new read sees the new data
    con = duckdb.connect(str(wh), read_only=True)
    try:
        assert con.execute("select count(distinct member_key) from members").fetchall() == [(5 + BIG_ROWS,)]
        assert con.execute("select rows_read, rows_loaded, rows_quarantined from load_log "
                           "where file_name = 'peserta_besar.csv'").fetchall() == [(BIG_ROWS, BIG_ROWS, 0)]
    finally:
        con.close()
    assert build_files(wh) == []


def test_dashboard_funnel_answers_during_a_load_and_sees_new_data_after(published):
    from ui.queries import funnel as queries
    wh = published
    assert queries.scalar("select n_loads from mart_status") == 1
    proc = start_load(EXAMPLES / "contributions.csv", EXAMPLES / "claims.csv")
    during = []
    while proc.poll() is None:
        during.append(int(queries.scalar("select n_loads from mart_status")))
        time.sleep(0.01)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert set(during) <= {1, 3}
    assert queries.scalar("select n_loads from mart_status") == 3
    assert queries.scalar("select sum(n_claims) from mart_claims_monthly") == 5
