"""Issue 10: loads that never go silently wrong. One writer at a time (and whom
the second waits for), the key that belongs to the warehouse, the month a file
speaks for, conflicts recorded, Excel-damaged and implausible values refused,
a compact warehouse and a checked disk."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import namedtuple
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest
from openpyxl import Workbook

from etl import pseudo
from etl.__main__ import main
from etl.warehouse import LoadError
from tests.helpers import load_quiet, query, use_private_env

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"


def write(path: Path, lines: list[str], encoding="utf-8", newline="\n") -> Path:
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


def env_for(tmp: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "SEJUTA_DEBUG"}
    env.update({"SEJUTA_WAREHOUSE": str(tmp / "warehouse.duckdb"), "SEJUTA_KEY_FILE": str(tmp / "nik.key"),
                "PYTHONUNBUFFERED": "1", **extra})
    return env


def cli(tmp: Path, *args: str, **extra) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, env=env_for(tmp, **extra),
                          capture_output=True, text=True, timeout=300)


def start(tmp: Path, *args: str, **extra) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "etl", *args], cwd=ROOT, env=env_for(tmp, **extra),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def big_members(path: Path, rows: int, encoding="utf-8") -> Path:
    """A member list of `rows` distinct members (NIKs 53...), written in well under a second."""
    serial = np.arange(rows, dtype=np.int64) * 7919 % 10**12 + 10**12
    table = pa.table({"NIK": np.char.add("530", serial.astype(str)),
                      "Nama Peserta": np.full(rows, "José Ndoná"),
                      "Tgl Kepesertaan": np.full(rows, "2024-03-01"),
                      "Kab/Kota": np.full(rows, "Ende"), "Segmen": np.full(rows, "BPU"),
                      "BLTH Iuran Terakhir": np.full(rows, "2024-06")})
    pacsv.write_csv(table, path)
    if encoding != "utf-8":
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    return path


# ==================================================================== 1. one writer

HOLD = """
import sys, time
from pathlib import Path
from etl.warehouse import writer_lock
with writer_lock(Path(sys.argv[1]), "test holder"):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_lock(wh: Path, seconds: float) -> subprocess.Popen:
    p = subprocess.Popen([sys.executable, "-c", HOLD, str(wh), str(seconds)], cwd=ROOT,
                         stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "held"
    return p


def test_second_writer_refused_with_no_wait_naming_the_holder(tmp_path):
    holder = hold_lock(tmp_path / "warehouse.duckdb", 60)
    try:
        p = cli(tmp_path, "load", str(EXAMPLES / "members.csv"), "--no-wait")
        assert p.returncode == 2, p.stderr
        assert f"test holder (pid {holder.pid}, since " in p.stderr and p.stderr.count("\n") == 1
        r = cli(tmp_path, "rebuild", "--no-wait")             # a rebuild takes the same lock
        assert r.returncode == 2 and f"pid {holder.pid}" in r.stderr
        assert not (tmp_path / "warehouse.duckdb").exists()
    finally:
        holder.kill()
        holder.wait()


def test_lock_of_a_killed_process_is_taken_over(tmp_path):
    holder = hold_lock(tmp_path / "warehouse.duckdb", 60)
    os.kill(holder.pid, signal.SIGKILL)           # the kernel releases its flock
    holder.wait()
    assert (tmp_path / ".warehouse.duckdb.lock.json").exists()     # its holder file is left behind
    p = cli(tmp_path, "load", str(EXAMPLES / "members.csv"), "--no-wait")
    assert p.returncode == 0, p.stderr
    assert query(tmp_path / "warehouse.duckdb", "select count(*) from members") == [(5,)]
    assert not (tmp_path / ".warehouse.duckdb.lock.json").exists()


def test_a_waiting_writer_says_whom_it_waits_for_then_loads(tmp_path):
    holder = hold_lock(tmp_path / "warehouse.duckdb", 2)
    t0 = time.monotonic()
    p = cli(tmp_path, "load", str(EXAMPLES / "members.csv"))
    holder.wait()
    assert p.returncode == 0, p.stderr
    assert time.monotonic() - t0 > 1.0
    assert f"waiting for test holder (pid {holder.pid}" in p.stdout


@pytest.mark.slow   # whole loads in subprocesses: the slow layer (pytest.ini)
def test_two_concurrent_loads_of_different_files_both_land(tmp_path):
    big = big_members(tmp_path / "peserta_besar.csv", 100_000)
    first = start(tmp_path, "load", str(big))
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".warehouse.duckdb.build-*")):      # the first holds the lock
        assert first.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    second = start(tmp_path, "load", str(EXAMPLES / "claims.csv"))
    out2, err2 = second.communicate(timeout=300)
    out1, err1 = first.communicate(timeout=300)
    assert (first.returncode, second.returncode) == (0, 0), (err1, err2)
    assert f"waiting for load peserta_besar.csv (pid {first.pid}" in out2
    wh = tmp_path / "warehouse.duckdb"
    assert query(wh, "select file_name, rows_loaded from load_log order by load_id") == [
        ("peserta_besar.csv", 100_000), ("claims.csv", 5)]
    assert query(wh, "select (select count(*) from members), (select count(*) from claims)") == [(100_000, 5)]
    assert list(tmp_path.glob(".warehouse.duckdb.build-*")) == []


# ==================================================================== 2. the key

@pytest.fixture
def wh(monkeypatch, tmp_path):
    return use_private_env(monkeypatch, tmp_path)


def test_fingerprint_recorded_never_the_key(wh, tmp_path):
    load_quiet([EXAMPLES / "members.csv"])
    key = (tmp_path / "nik.key").read_bytes()
    assert len(key) == 32 and oct((tmp_path / "nik.key").stat().st_mode)[-3:] == "600"
    [(fp,)] = query(wh, "select value from meta where key = 'key_fingerprint'")
    assert fp == pseudo.fingerprint(key) and key.hex() not in fp
    load_quiet([EXAMPLES / "claims.csv"])                         # same key: loads
    assert query(wh, "select count(*) from claims") == [(5,)]


@pytest.mark.parametrize("damage, words", [
    ("missing", "is missing but this warehouse was built with a key"),
    ("other", "is not the key this warehouse was built with"),
    ("empty", "is empty or corrupt (0 bytes"),
    ("short", "is empty or corrupt (7 bytes"),
])
def test_a_lost_or_wrong_key_is_refused_in_one_sentence(tmp_path, damage, words):
    assert cli(tmp_path, "load", str(EXAMPLES / "members.csv")).returncode == 0
    wh, key = tmp_path / "warehouse.duckdb", tmp_path / "nik.key"
    before = sha(wh)
    if damage == "missing":
        key.unlink()
    else:
        key.write_bytes({"other": os.urandom(32), "empty": b"", "short": b"1234567"}[damage])
    p = cli(tmp_path, "load", str(EXAMPLES / "claims.csv"))
    assert p.returncode == 2 and words in p.stderr, p.stderr
    assert "restore the key file from your backup" in p.stderr and "--new-key" in p.stderr
    assert p.stderr.count("\n") == 1 and "Traceback" not in p.stderr
    assert sha(wh) == before
    assert key.exists() == (damage != "missing")                  # never created for a used warehouse


def test_new_key_rebuilds_from_the_raw_files(tmp_path):
    assert cli(tmp_path, "load", str(EXAMPLES / "members.csv")).returncode == 0
    (tmp_path / "nik.key").unlink()
    p = cli(tmp_path, "load", "--new-key", str(EXAMPLES / "claims.csv"))
    assert p.returncode == 0, p.stderr
    wh = tmp_path / "warehouse.duckdb"
    assert query(wh, "select file_name from load_log") == [("claims.csv",)]   # a new warehouse
    assert query(wh, "select count(*) from members") == [(0,)]
    [(fp,)] = query(wh, "select value from meta where key = 'key_fingerprint'")
    assert fp == pseudo.fingerprint((tmp_path / "nik.key").read_bytes())


# ==================================================================== 3. the as-of month

MEMBERS_HEAD = "NIK;Tgl Kepesertaan;Kab/Kota;Segmen;BLTH Iuran Terakhir"


@pytest.mark.parametrize("name, title, option, expected", [
    ("peserta.csv", "Periode: Oktober 2026", None, (dt.date(2026, 10, 1), "title")),
    ("peserta.csv", "Per 31 Oktober 2026", None, (dt.date(2026, 10, 1), "title")),
    ("peserta.csv", "Posisi Okt 2026", None, (dt.date(2026, 10, 1), "title")),
    ("peserta.csv", "Position as of 30 September 2026", None, (dt.date(2026, 9, 1), "title")),
    ("peserta_okt2026.csv", None, None, (dt.date(2026, 10, 1), "file_name")),
    ("peserta_2026-09.csv", None, None, (dt.date(2026, 9, 1), "file_name")),
    ("peserta_202608.csv", None, None, (dt.date(2026, 8, 1), "file_name")),
    ("peserta_oktober_2026.csv", "Periode: Agustus 2026", None, (dt.date(2026, 8, 1), "title")),
    ("peserta_oktober_2026.csv", "Periode: Agustus 2026", "2026-07", (dt.date(2026, 7, 1), "option")),
    ("peserta.csv", None, None, (dt.date(2024, 6, 1), "last_paid_month")),
])
def test_as_of_month_and_the_rule_that_decided_it(wh, tmp_path, name, title, option, expected):
    lines = ([title] if title else []) + [MEMBERS_HEAD, "5302010101900501;10/01/2024;TTS;BPU;2024-06",
                                          "5302010101900502;10/05/2024;TTS;BPU;2024-05"]
    [r] = load_quiet([write(tmp_path / name, lines)], as_of=option)
    assert (r.as_of, r.as_of_rule) == expected
    assert query(wh, "select as_of_month, as_of_rule from load_log") == [expected]


def test_as_of_falls_back_to_the_newest_registration(wh, tmp_path):
    [r] = load_quiet([write(tmp_path / "peserta.csv", ["NIK;Tgl Kepesertaan;Kab/Kota;Segmen",
                                                       "5302010101900501;10/01/2024;TTS;BPU",
                                                       "5302010101900502;10/05/2024;TTS;BPU"])])
    assert (r.as_of, r.as_of_rule) == (dt.date(2024, 5, 1), "registered_date")


def regency_list(tmp: Path, name: str, regencies: list[str], registered: str, paid: str, n: int,
                 title: str | None = None) -> Path:
    lines = ([title] if title else []) + [MEMBERS_HEAD]
    for i in range(n):
        lines.append(f"53020101019{i:05d};{registered};{regencies[i % len(regencies)]};BPU;{paid}")
    return write(tmp / name, lines)


def test_a_newer_list_of_one_regency_is_not_superseded(wh, tmp_path):
    """The province list of September (newest registration Sep 2026), then October's list of
    TTS alone, whose newest registration is older: its rows update the members they hold
    (today's code marked all 61 of 61 SUPERSEDED)."""
    sept = regency_list(tmp_path, "peserta_ntt.csv", ["TTS", "Ende", "Sikka"], "05/09/2026", "2026-09", 183,
                        title="Posisi: September 2026")
    load_quiet([sept])
    okt = regency_list(tmp_path, "peserta_tts.csv", ["TTS"], "10/01/2024", "2026-10", 183,
                       title="Periode: Oktober 2026")
    okt.write_text("\n".join(line for i, line in enumerate(okt.read_text().splitlines())
                             if i < 2 or (i - 2) % 3 == 0) + "\n")      # the TTS members of September's list
    [r] = load_quiet([okt])
    assert (r.rows_read, r.rows_loaded, r.by_reason, r.as_of_rule) == (61, 61, {}, "title")
    assert query(wh, "select regency_code, as_of_month, last_paid_month, count(*) from members group by all "
                     "order by 1") == [("53.02", dt.date(2026, 10, 1), dt.date(2026, 10, 1), 61),
                                       ("53.07", dt.date(2026, 9, 1), dt.date(2026, 9, 1), 61),
                                       ("53.08", dt.date(2026, 9, 1), dt.date(2026, 9, 1), 61)]
    # the registration dates differ between the lists: recorded, October's kept
    assert query(wh, "select issue_code, count(*) from load_issue group by 1") == [("MEMBER_CONFLICT_REGISTERED", 61)]


# ==================================================================== 4. conflicts recorded

def test_member_conflicts_recorded_with_both_values_newer_list_wins(wh, tmp_path):
    june = write(tmp_path / "peserta_2024-06.csv", [MEMBERS_HEAD, "5302010101900501;10/01/2024;TTS;BPU;2024-06",
                                                    "5302010101900502;10/01/2024;TTS;BPU;2024-06"])
    may = write(tmp_path / "peserta_2024-05.csv", [MEMBERS_HEAD, "5302010101900501;10/02/2024;Ende;PU;2024-05",
                                                   "5302010101900502;10/01/2024;TTS;BPU;2024-05"])
    load_quiet([june])
    [r] = load_quiet([may])                          # older: loses, and the conflict is recorded
    assert r.by_reason == {"SUPERSEDED": 2}
    rows = query(wh, "select issue_code, params from load_issue order by issue_code")
    assert [c for c, _ in rows] == ["MEMBER_CONFLICT_REGENCY", "MEMBER_CONFLICT_REGISTERED", "MEMBER_CONFLICT_SEGMENT"]
    reg = json.loads(rows[0][1])
    assert reg == {"nik": "530201**********", "field": "regency", "value": "53.08", "other_value": "53.02",
                   "other_load_id": 1, "kept": "other", "decided_by": "NEWER_AS_OF"}
    assert query(wh, "select regency_code, segment_code from members order by member_key") == [
        ("53.02", "BPU"), ("53.02", "BPU")]
    assert r.rows_flagged == 0                       # the conflicting rows were not loaded


def test_equal_months_the_later_load_wins_and_says_so(wh, tmp_path):
    a = write(tmp_path / "peserta_a_2024-06.csv", [MEMBERS_HEAD, "5302010101900501;10/01/2024;TTS;BPU;2024-06"])
    b = write(tmp_path / "peserta_b_2024-06.csv", [MEMBERS_HEAD, "5302010101900501;10/01/2024;Ende;BPU;2024-06"])
    load_quiet([a, b])
    assert query(wh, "select regency_code from members") == [("53.08",)]
    [(params,)] = query(wh, "select params from load_issue where issue_code = 'MEMBER_CONFLICT_REGENCY'")
    assert json.loads(params)["kept"] == "this" and json.loads(params)["decided_by"] == "LATER_LOAD"
    assert query(wh, "select rows_flagged from load_log order by load_id") == [(0,), (1,)]


# ==================================================================== 5. numbers Excel has damaged

def test_numeric_nik_cells_are_refused_whatever_their_digits(wh, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["NIK", "Tgl Kepesertaan", "Kab/Kota", "Segmen"])
    ws.append(["5302010101900001", "2024-01-05", "TTS", "BPU"])     # 2 text: loaded
    ws.append([5302010101900002, "2024-01-05", "TTS", "BPU"])       # 3 integer cell
    ws.append([5302010101900003.0, "2024-01-05", "TTS", "BPU"])     # 4 float cell, 16 digits
    ws.append([530201010190000, "2024-01-05", "TTS", "BPU"])        # 5 a number of 15 digits
    wb.save(tmp_path / "peserta.xlsx")
    [r] = load_quiet([tmp_path / "peserta.xlsx"])
    assert (r.rows_loaded, r.by_reason) == (1, {"NIK_EXCEL_NUMBER": 3})
    assert query(wh, "select row_number, content from quarantine order by 1") == [
        (3, '{"nik":"530201**********","registered_date":"2024-01-05","regency":"TTS","segment":"BPU"}'),
        (4, '{"nik":"530201**********","registered_date":"2024-01-05","regency":"TTS","segment":"BPU"}'),
        (5, '{"nik":"530201*********","registered_date":"2024-01-05","regency":"TTS","segment":"BPU"}')]


# ==================================================================== 6. plausible values only

def test_dates_after_the_as_of_month_are_quarantined(wh, tmp_path):
    members = write(tmp_path / "peserta_2024-06.csv", [
        MEMBERS_HEAD,
        "5302010101900501;10/07/2024;TTS;BPU;2024-07",      # 2 July = as-of + 1: loaded
        "5302010101900502;10/08/2024;TTS;BPU;2024-06",      # 3 registered in August
        "5302010101900503;10/01/2024;TTS;BPU;2024-08"])     # 4 paid through August
    claims = write(tmp_path / "klaim_2024-06.csv", [
        "No. Klaim,NIK,Program,Tgl Pengajuan,Tgl Bayar,Nominal,Kab/Kota",
        "K-1,5302010101900501,JHT,2024-06-01,2024-07-31,1000000,TTS",     # 2 loaded
        "K-2,5302010101900501,JHT,2024-06-01,2024-08-01,1000000,TTS",     # 3 paid in August
        "K-3,5302010101900501,JHT,2024-09-01,2024-09-02,1000000,TTS"])    # 4 filed in September
    contrib = write(tmp_path / "iuran_apbd_2024-06.csv", [
        "NIK,Periode Awal,Periode Akhir,Jumlah Iuran,Sumber Iuran",
        "5302010101900501,2024-06,2025-05,201600,APBD Kab/Kota",     # 2 a budget paying a year ahead: loaded
        "5302010101900502,2024-08,2024-08,16800,Mandiri"])          # 3 starts in August
    m, c, i = load_quiet([members, claims, contrib])
    assert (i.rows_loaded, i.by_reason) == (1, {"DATE_AFTER_AS_OF": 1})
    assert (m.rows_loaded, m.by_reason) == (1, {"DATE_AFTER_AS_OF": 2})
    assert (c.rows_loaded, c.by_reason) == (1, {"DATE_AFTER_AS_OF": 2})
    assert [json.loads(p)["field"] for (p,) in query(wh, "select params from quarantine order by load_id, row_number")] \
        == ["registered_date", "last_paid_month", "paid_date", "filed_date", "period_start"]


def test_ceilings_and_regulated_jkm_amounts(wh, tmp_path, monkeypatch):
    monkeypatch.setenv("SEJUTA_CONTRIBUTION_CEILING_RP", "700000")
    contrib = write(tmp_path / "iuran_2024-06.csv", [
        "NIK,Periode Awal,Periode Akhir,Jumlah Iuran",
        "5302010101900501,2024-01,2024-06,4200000",          # 2 700,000 a month: at the ceiling
        "5302010101900502,2024-01,2024-06,4200006",          # 3 700,001 a month: above
        "5302010101900503,2024-06,2024-06,900000"])          # 4 above
    claims = write(tmp_path / "klaim_2024-06.csv", [
        "No. Klaim,NIK,Program,Tgl Pengajuan,Tgl Bayar,Nominal,Kab/Kota",
        "K-1,5302010101900501,JKK,2024-01-01,2024-02-01,2000000000,TTS",    # 2 at the ceiling
        "K-2,5302010101900501,JKK,2024-01-01,2024-02-01,2000000001,TTS",    # 3 above
        "K-3,5302010101900502,JKM,2019-11-20,2020-01-10,24000000,TTS",      # 4 regulated before PP 82/2019
        "K-4,5302010101900503,JKM,2024-01-01,2024-02-01,42000000,TTS",      # 5 regulated
        "K-5,5302010101900504,JKM,2024-01-01,2024-02-01,24000000,TTS"])     # 6 flagged: loaded, noted
    c, k = load_quiet([contrib, claims])
    assert (c.rows_loaded, c.by_reason) == (1, {"CONTRIBUTION_ABOVE_CEILING": 2})
    assert (k.rows_loaded, k.by_reason, k.by_issue) == (4, {"CLAIM_ABOVE_CEILING": 1}, {"JKM_AMOUNT_UNUSUAL": 1})
    [(row, params)] = query(wh, "select row_number, params from load_issue")
    assert row == 6 and json.loads(params) == {"value": 24000000, "regulated": 42000000, "date": "2024-01-01"}


# ==================================================================== 9. compact warehouse, checked disk

def test_a_no_op_reload_keeps_the_size(wh):
    files = sorted(EXAMPLES.iterdir())
    load_quiet(files)
    size = wh.stat().st_size
    for _ in range(3):
        assert all(r.skipped for r in load_quiet(files))
    assert abs(wh.stat().st_size - size) <= 0.05 * size          # the old publish grew 1.8x on each


def test_a_first_load_is_published_without_a_compacting_copy(wh, monkeypatch):
    """Issue 16: a fresh build has few free blocks, so it is swapped in as it is (the copy took
    10 s of a 46 s load at 1M); rebuilds that replace every model are compacted once free
    blocks pass a quarter of the file, so the size stays bounded."""
    from etl import warehouse
    copies = []
    real = warehouse.compacted
    monkeypatch.setattr(warehouse, "compacted", lambda con, p: copies.append(p) or real(con, p))
    load_quiet([EXAMPLES / "members.csv", EXAMPLES / "contributions.csv"])
    assert copies == []
    assert query(wh, "select count(*) from members")[0][0] > 0
    assert [p.name for p in wh.parent.iterdir() if p.name.startswith(".warehouse.duckdb.")] == [
        ".warehouse.duckdb.lock"]
    [(free, total)] = query(wh, "select free_blocks, total_blocks from pragma_database_size() "
                                "where database_name = current_database()")
    assert free <= warehouse.COMPACT_FREE_SHARE * total
    size = wh.stat().st_size
    for _ in range(4):
        assert main(["rebuild", "--select", "stg_members+"]) == 0
        [(free, total)] = query(wh, "select free_blocks, total_blocks from pragma_database_size() "
                                    "where database_name = current_database()")
        assert free <= warehouse.COMPACT_FREE_SHARE * total      # what is published never has more free
    assert copies, "four rebuilds of the member models never compacted"
    assert wh.stat().st_size <= 1.5 * size


def test_nothing_new_touches_nothing(tmp_path):
    """Issue 16: a load whose files are all loaded returns at once: no copy, no model, no
    publish; the warehouse keeps its bytes, its inode and its modification time, and the
    command says so."""
    files = [str(EXAMPLES / "members.csv"), str(EXAMPLES / "claims.csv")]
    assert cli(tmp_path, "load", *files).returncode == 0
    wh = tmp_path / "warehouse.duckdb"
    st, before = wh.stat(), sha(wh)
    p = cli(tmp_path, "load", *reversed(files))
    assert p.returncode == 0, p.stderr
    assert "tidak ada yang baru" in p.stdout and "diterbitkan:" not in p.stdout and "model " not in p.stdout
    assert (wh.stat().st_mtime_ns, wh.stat().st_ino, sha(wh)) == (st.st_mtime_ns, st.st_ino, before)
    assert [x.name for x in tmp_path.iterdir() if x.name.startswith(".warehouse")] in ([], [".warehouse.duckdb.lock"])
    p = cli(tmp_path, "load", files[0], str(EXAMPLES / "contributions.csv"))       # one new file: a real load
    assert p.returncode == 0 and "diterbitkan:" in p.stdout and wh.stat().st_mtime_ns != st.st_mtime_ns


def test_nothing_new_in_process_skips_the_build(wh, monkeypatch):
    """Also without the shortcut (say another writer published the file meanwhile): every file
    skipped under the lock means no model is built and nothing is published."""
    from etl import load, marts
    load_quiet([EXAMPLES / "members.csv"])
    before = (wh.stat().st_mtime_ns, sha(wh))
    monkeypatch.setattr(load, "already_loaded", lambda *a: {})
    monkeypatch.setattr(marts, "build", lambda *a, **k: pytest.fail("models rebuilt for nothing new"))
    assert all(r.skipped for r in load_quiet([EXAMPLES / "members.csv"]))
    assert (wh.stat().st_mtime_ns, sha(wh)) == before


def test_a_new_file_loads_while_it_is_still_being_hashed(wh, tmp_path, monkeypatch):
    """Issue 16: the build does not wait for a file's SHA-256 when no loaded file has its size
    (hashing a 4 GB export took 3.8 s before its first row was read). The hash is held back
    until the load has read the file's rows; the load still logs the file's real digest, and a
    second command with the same content is skipped on it. A load that waits for the digests
    before it starts never reaches the rows (checked: the gate times out, the test fails)."""
    import threading
    from etl import digests, load
    release = threading.Event()
    real_sha, real_extract = digests.sha256, load.extract

    def slow_sha(path):
        hashed.append(release.wait(timeout=20))      # False: the load waited for it and it timed out
        return real_sha(path)

    def extract_then_release(*a, **k):
        reached.append(not release.is_set())      # rows read while the digest was still held back
        out = real_extract(*a, **k)
        release.set()
        return out
    reached, hashed = [], []
    monkeypatch.setattr(digests, "sha256", slow_sha)
    monkeypatch.setattr(load, "extract", extract_then_release)
    members = tmp_path / "peserta_baru.csv"
    shutil.copy(EXAMPLES / "members.csv", members)
    [r] = load_quiet([members])
    assert reached == [True] and hashed[0] is True and r.rows_loaded > 0
    assert query(wh, "select sha256 from load_log where load_id = $i", i=r.load_id) == [(sha(members),)]
    assert [x.skipped for x in load_quiet([members])] == ["same content already loaded as peserta_baru.csv"]


def test_a_file_of_a_loaded_size_is_judged_on_its_digest(wh, tmp_path):
    """The size only tells which digests to wait for: another file of the same size as a loaded
    one (one digit changed) is loaded, not skipped; the loaded one is skipped."""
    lines = (EXAMPLES / "members.csv").read_text(encoding="utf-8").splitlines()
    first = write(tmp_path / "a.csv", lines)
    load_quiet([first])
    changed = write(tmp_path / "b.csv", [lines[0], lines[1].replace("5302011203850001", "5302011203850009"),
                                         *lines[2:]])
    assert changed.stat().st_size == first.stat().st_size and sha(changed) != sha(first)
    ra, rb = load_quiet([first, changed])
    assert ra.skipped == "same content already loaded as a.csv" and not rb.skipped and rb.rows_loaded > 0


def test_short_disk_is_refused_before_building(wh, monkeypatch):
    load_quiet([EXAMPLES / "members.csv"])
    before = sha(wh)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda p: usage(10**9, 10**9 - 4096, 4096))
    with pytest.raises(LoadError, match="Not enough free disk space .* MB are free"):
        load_quiet([EXAMPLES / "claims.csv"])
    assert sha(wh) == before and list(wh.parent.glob(".warehouse.duckdb.build-*")) == []


def test_build_files_of_a_killed_load_are_removed_at_the_next_start(wh):
    load_quiet([EXAMPLES / "members.csv"])
    stale = [wh.with_name(".warehouse.duckdb.build-999999"), wh.with_name(".warehouse.duckdb.build-999999.wal"),
             wh.with_name(".warehouse.duckdb.compact-999998")]
    for s in stale:
        s.write_bytes(b"left by a killed load")
    spill = wh.with_name(".warehouse.duckdb.build-999999.tmp")
    spill.mkdir()
    (spill / "duckdb_temp_block-1.block").write_bytes(b"x")
    load_quiet([EXAMPLES / "claims.csv"])
    assert [p.name for p in wh.parent.iterdir() if p.name.startswith(".warehouse.duckdb.")] == [
        ".warehouse.duckdb.lock"]


def test_the_build_spills_only_into_a_private_folder_beside_it(tmp_path):
    from etl.warehouse import open_build
    con = open_build(tmp_path / ".w.duckdb.build-1")
    try:
        [(folder,)] = con.execute("select current_setting('temp_directory')").fetchall()
        assert Path(folder) == tmp_path / ".w.duckdb.build-1.tmp"
        assert oct(Path(folder).stat().st_mode)[-3:] == "700"
    finally:
        con.close()


# ==================================================================== 8. every file loads or exits 2

def test_utf16_tab_text_and_old_mac_line_ends_load(wh, tmp_path):
    lines = ["NIK\tTgl Kepesertaan\tKab/Kota\tSegmen\tPekerjaan", "5308010101900101\t01/03/2024\tEnde\tBPU\tPenjual café",
             "", "5308010101900102\t02/03/2024\tEnde\tBPU\tPetani"]
    unicode_text = tmp_path / "peserta_unicode.txt"
    unicode_text.write_bytes(b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))
    mac = write(tmp_path / "peserta_mac.csv", ["Daftar peserta", "NIK;Tgl Kepesertaan;Kab/Kota;Segmen",
                                               "5308010101900103;01/03/2024;Ende;BPU", "",
                                               "5308010101900104;01/03/2024;Ende;X"], newline="\r")
    u, m = load_quiet([unicode_text, mac])
    assert (u.rows_read, u.rows_loaded, u.rows_blank) == (2, 2, 1)
    assert (m.rows_read, m.rows_loaded, m.rows_blank, m.by_reason) == (2, 1, 1, {"SEGMENT_UNKNOWN": 1})
    assert query(wh, "select row_number from quarantine") == [(5,)]                # line 5 of the Mac file
    assert query(wh, "select occupation_text from members where row_number = 2") == [("Penjual café",)]


@pytest.mark.parametrize("content, words", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not a text file"),
    (b"", "no header row recognised"),
    ("Nama,Alamat\nAni Ladopurab,Jl. Soekarno 5\n".encode(), "no header row recognised"),
])
def test_unreadable_content_exits_2_in_one_sentence(tmp_path, content, words):
    f = tmp_path / "peserta.csv"
    f.write_bytes(content)
    p = cli(tmp_path, "load", str(f))
    assert p.returncode == 2 and words in p.stderr, p.stderr
    assert p.stderr.count("\n") == 1 and "Ani" not in p.stderr


def test_a_file_that_cannot_be_opened_exits_2(tmp_path, monkeypatch, capsys):
    use_private_env(monkeypatch, tmp_path)
    f = write(tmp_path / "peserta.csv", [MEMBERS_HEAD])
    real_open = Path.open

    def denied(self, *a, **kw):
        if self == f:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *a, **kw)
    monkeypatch.setattr(Path, "open", denied)
    assert main(["load", str(f)]) == 2
    assert "peserta.csv: cannot be read (Permission denied)." in capsys.readouterr().err


def test_a_batch_of_bad_files_reports_every_problem_and_publishes_nothing(tmp_path):
    assert cli(tmp_path, "load", str(EXAMPLES / "members.csv")).returncode == 0
    before = sha(tmp_path / "warehouse.duckdb")
    a = write(tmp_path / "a_tanpa_segmen.csv", ["NIK,Tgl Kepesertaan,Kab/Kota,Kelompok", "5302010101900001,2024-01-01,TTS,BPU"])
    b = tmp_path / "b_gambar.csv"
    b.write_bytes(b"\x00\x01\x02" * 100)
    p = cli(tmp_path, "load", str(a), str(EXAMPLES / "claims.csv"), str(b))
    assert p.returncode == 2
    assert "2 files could not be loaded, so nothing was published" in p.stderr
    assert "a_tanpa_segmen.csv: Missing required column(s) for a members file: segment" in p.stderr
    assert "b_gambar.csv: not a text file" in p.stderr
    assert sha(tmp_path / "warehouse.duckdb") == before


@pytest.mark.slow   # whole loads in subprocesses: the slow layer (pytest.ini)
def test_ctrl_c_exits_130_publishes_nothing_leaves_nothing(tmp_path):
    assert cli(tmp_path, "load", str(EXAMPLES / "members.csv")).returncode == 0
    wh = tmp_path / "warehouse.duckdb"
    before = sha(wh)
    big = big_members(tmp_path / "peserta_besar.csv", 200_000, encoding="cp1252")
    for sig, code in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
        proc = start(tmp_path, "load", str(big))
        assert proc.stdout.readline().startswith("loading peserta_besar.csv")
        time.sleep(0.3)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == code, err
        assert sha(wh) == before
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".warehouse.duckdb.")] == [
            ".warehouse.duckdb.lock"]


@pytest.mark.parametrize("error, code", [
    (RuntimeError("Query interrupted"), 130),                   # DuckDB's word for Ctrl-C mid-query
    (ValueError("Python exception in UDF: KeyboardInterrupt"), 130),   # Ctrl-C inside nik_mask
    (RuntimeError("something else"), 1),
])
def test_ctrl_c_as_duckdb_reports_it_is_still_130(monkeypatch, tmp_path, capsys, error, code):
    use_private_env(monkeypatch, tmp_path)
    from etl import load

    def stop(*a, **kw):
        raise error
    monkeypatch.setattr(load, "prepare", stop)
    assert main(["load", str(EXAMPLES / "members.csv")]) == code
    assert ("interrupted: the published warehouse was not changed." in capsys.readouterr().err) == (code == 130)


def test_a_build_out_of_memory_is_refused_and_publishes_nothing(tmp_path, monkeypatch):
    """DuckDB running out of memory inside a build (a file too large for SEJUTA_LOAD_MEMORY_MB)
    is one sentence naming the setting, and the published warehouse stays as it was."""
    import duckdb

    from etl.warehouse import building
    wh = tmp_path / "w.duckdb"
    monkeypatch.setenv("SEJUTA_LOAD_MEMORY_MB", "512")
    with building(wh, fresh=True, progress=lambda *_: None) as con:
        con.execute("create table marker as select 1 as v")
    before = hashlib.sha256(wh.read_bytes()).hexdigest()
    with pytest.raises(LoadError) as e:
        with building(wh, progress=lambda *_: None) as con:
            con.execute("create table other as select 2 as v")
            raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block")
    assert "SEJUTA_LOAD_MEMORY_MB=512" in str(e.value) and "nothing was published" in str(e.value)
    assert hashlib.sha256(wh.read_bytes()).hexdigest() == before
    assert not [p for p in tmp_path.iterdir() if ".build-" in p.name]


def spilled_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) if folder.is_dir() else 0


def test_rows_of_a_file_never_spill_while_the_models_may(tmp_path, monkeypatch):
    """Inside file_rows_in_memory, a temp table larger than the bound stops with DuckDB's
    out-of-memory error and the spill folder stays empty; the same table outside it (the
    models' phase) spills into the folder and succeeds."""
    import duckdb

    from etl.warehouse import building, file_rows_in_memory
    monkeypatch.setenv("SEJUTA_LOAD_MEMORY_MB", "256")
    big = "create or replace temp table t as select i, repeat('5302010101900001', 4) || i as s from range(6000000) r(i)"
    with building(tmp_path / "w.duckdb", fresh=True, progress=lambda *_: None, publish=False) as con:
        spill = next(tmp_path.glob("*.tmp"))
        with file_rows_in_memory(con):
            with pytest.raises(duckdb.OutOfMemoryException):
                con.execute(big)
            assert spilled_bytes(spill) == 0
        con.execute(big)
        assert con.execute("select count(*) from t").fetchone()[0] == 6_000_000
        assert spilled_bytes(spill) > 0
    assert not list(tmp_path.glob("*.tmp"))


def test_a_file_too_large_for_the_memory_bound_is_refused_and_nothing_spills(tmp_path, monkeypatch):
    """A member list whose rows need more than SEJUTA_LOAD_MEMORY_MB: one sentence naming the
    setting, the published warehouse unchanged, and no byte of it in the spill folder while it
    was loaded (watched from a thread, as DuckDB would write there)."""
    import threading
    wh = use_private_env(monkeypatch, tmp_path, load_memory_mb=256)
    small = tmp_path / "peserta_kecil.csv"
    small.write_text("NIK;Tgl Kepesertaan;Kab/Kota;Segmen;Pekerjaan;BLTH Iuran Terakhir\n"
                     "5302010101900001;01/01/2020;TTS;BPU;Petani;2024-06\n", encoding="utf-8")
    load_quiet([small], as_of="2024-06")
    before = hashlib.sha256(wh.read_bytes()).hexdigest()
    big = tmp_path / "peserta_besar.csv"
    with big.open("w", encoding="utf-8") as f:
        f.write("NIK;Nama;Tgl Kepesertaan;Kab/Kota;Segmen;Pekerjaan;BLTH Iuran Terakhir\n")
        for i in range(1_500_000):
            f.write(f"53020{i:011d};Nama Peserta Nomor {i} dari Desa;01/01/2020;TTS;BPU;"
                    f"Petani jagung dan padi ladang {i % 997};2024-06\n")
    seen, done = [0], threading.Event()

    def watch():
        while not done.is_set():
            for folder in tmp_path.glob("*.tmp"):
                seen[0] = max(seen[0], spilled_bytes(folder))
            time.sleep(0.05)
    t = threading.Thread(target=watch)
    t.start()
    try:
        with pytest.raises(LoadError) as e:
            load_quiet([big], as_of="2024-06")
    finally:
        done.set()
        t.join()
    assert str(e.value).startswith("peserta_besar.csv: The build needed more memory than SEJUTA_LOAD_MEMORY_MB=256")
    assert "never written to disk" in str(e.value) and "not a readable" not in str(e.value)
    assert seen[0] == 0
    assert hashlib.sha256(wh.read_bytes()).hexdigest() == before


def test_too_little_load_memory_is_refused(tmp_path, monkeypatch):
    from etl import settings
    from etl.warehouse import building
    monkeypatch.setenv("SEJUTA_LOAD_MEMORY_MB", "100")
    with pytest.raises(settings.SettingError, match="SEJUTA_LOAD_MEMORY_MB=100"):
        with building(tmp_path / "w.duckdb", fresh=True, progress=lambda *_: None):
            pass
    assert not (tmp_path / "w.duckdb").exists()
