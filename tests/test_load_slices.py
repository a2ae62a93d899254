"""A file of more than SLICE_ROWS rows is loaded in parts (etl/load.py slices): the warehouse
it gives must be the warehouse of the same files loaded in one piece, row for row: members,
runs of months, claims, subsidies, the quarantine with its reasons and row numbers, the issues,
the load log's counts and as-of months, and the marts.

The files below hold every case a part boundary could break: a row and its duplicate or
conflict, a month-by-month member whose months must form one run, a NIK written two ways,
invalid NIKs, duplicate claim numbers, a member already in the warehouse, a newer list."""
from __future__ import annotations

import pytest

from etl import load as load_mod
from etl import stream as stream_mod
from tests.helpers import load_quiet, query, use_private_env
from tests.test_contrib_runs import MONTHLY
from tests.test_etl_load import CLAIMS_1, CLAIMS_2, MEMBERS_A, NEW_LIST, OLD_LIST, write_lines

CLAIMS_MEMBERS = ["NIK;Tgl Kepesertaan;Kab/Kota;Segmen;BLTH Iuran Terakhir",
                  "5302010101900001;01/01/2020;TTS;BPU;2024-06",
                  "5302010101900002;01/01/2020;TTS;BPU;2024-06",
                  " 5302010101900003;01/01/2020;TTS;PU;2024-06",
                  "5302 0101 0190 0003;01/01/2020;TTS;PU;2024-05",        # the same NIK written with spaces
                  "'5302010101900004;01/01/2020;Belu;BPU;2024-06",
                  # line 4 again, its NIK in full-width digits: the same member once normalised, but
                  # its text as read hashes to another part than the digits (checked: 3 parts)
                  "\uff15\uff13\uff10\uff12\uff10\uff11\uff10\uff11\uff10\uff11\uff19\uff10\uff10\uff10\uff10\uff13;"
                  "01/01/2020;TTS;PU;2024-06"]
SUBSIDIES = ["NIK,Program,Tahap,Tgl Salur,Nominal,Kab/Kota",
             "5302010101900001,BSU 2020,1,27/08/2020,Rp 1.200.000,TTS",
             "5302010101900001,BSU 2020,2,12/11/2020,Rp 1.200.000,TTS",
             "5302010101900002,BSU 2020,1,27/08/2020,Rp 1.200.000,TTS",
             "5302010101900001,BSU 2020,1,27/08/2020,Rp 1.200.000,TTS",   # duplicate of line 2
             "5302010101900002,BSU 2020,1,27/08/2020,Rp 600.000,TTS",     # conflict with line 4
             "53020101019,BSU 2020,1,27/08/2020,Rp 600.000,TTS"]          # NIK too short

TABLES = {
    "members": "select * exclude (load_id) from members",
    "contributions": "select * exclude (load_id) from contributions",
    "claims": "select * exclude (load_id) from claims",
    "subsidies": "select * exclude (load_id) from subsidies",
    "quarantine": "select file_name, sheet, row_number, reason_code, content, params from quarantine",
    "load_issue": "select l.file_name, i.sheet, i.row_number, i.issue_code, i.params from load_issue i "
                  "join load_log l using (load_id)",
    "load_log": "select file_name, kind, status, rows_read, rows_loaded, rows_quarantined, rows_blank, "
                "rows_flagged, as_of_month, as_of_rule from load_log",
    "mart_province_monthly": "select * from mart_province_monthly",
    "mart_regency_goal_monthly": "select * from mart_regency_goal_monthly",
    "mart_contrib_monthly": "select * from mart_contrib_monthly",
    "mart_claims_monthly": "select * from mart_claims_monthly",
    "mart_subsidy_tranche": "select * from mart_subsidy_tranche",
}


def batches(tmp_path):
    """The loads, in order: each a list of (file, as_of)."""
    w = lambda name, lines: write_lines(tmp_path / name, lines)   # noqa: E731
    monthly = MONTHLY + [MONTHLY[3]]        # a month sent twice: a duplicate inside the runs
    return [[(w("peserta_mei.csv", OLD_LIST), "2024-05")],
            [(w("peserta_a.csv", MEMBERS_A), "2024-06"), (w("peserta_b.csv", CLAIMS_MEMBERS), None)],
            [(w("peserta_juni.csv", NEW_LIST), "2024-06"), (w("iuran.csv", monthly), "2024-06"),
             (w("klaim_q1.csv", CLAIMS_1), "2024-06"), (w("bsu.csv", SUBSIDIES), "2024-06")],
            [(w("klaim_q2.csv", CLAIMS_2), "2024-06")]]


def build(tmp_path, monkeypatch, name: str, slice_rows: int, messages: list[str], stream: bool = False):
    """stream: every CSV read in batches of 2 rows, compressed after every 3 (etl/stream.py read_streamed)."""
    monkeypatch.setattr(load_mod, "SLICE_ROWS", slice_rows)
    monkeypatch.setattr(stream_mod, "streamed", lambda con, path: stream)
    monkeypatch.setattr(stream_mod, "STREAM_BATCH", 2)
    monkeypatch.setattr(stream_mod, "STREAM_ROWS", 3)
    wh = tmp_path / f"{name}.duckdb"
    for batch in batches(tmp_path):
        for path, as_of in batch:
            load_mod.load_paths([path], as_of=as_of, warehouse=wh, progress=messages.append)
    return wh


@pytest.fixture
def pair(tmp_path, monkeypatch):
    use_private_env(monkeypatch, tmp_path)
    whole, parts = [], []
    a = build(tmp_path, monkeypatch, "whole", 10**9, whole)
    b = build(tmp_path, monkeypatch, "parts", 2, parts, stream=True)
    return a, b, whole, parts


def test_a_file_in_parts_loads_as_in_one_piece(pair):
    a, b, whole, parts = pair
    # the second warehouse was really built in parts, the first in one piece
    assert not any("part 1 of" in m for m in whole)
    assert any("iuran.csv: part 1 of" in m for m in parts) and any("klaim_q1.csv: part 1 of" in m for m in parts)
    for table, sql in TABLES.items():
        rows_a, rows_b = sorted(query(a, sql), key=repr), sorted(query(b, sql), key=repr)
        assert rows_a == rows_b, table
        assert rows_a, table      # every table has rows: the comparison compares something


def test_parts_keep_the_hand_counted_answers(pair):
    """Counted by hand on the files above: the loader in parts gets them right on its own."""
    _, b, _, _ = pair
    log = {f: (read, loaded, q) for f, read, loaded, q in
           query(b, "select file_name, rows_read, rows_loaded, rows_quarantined from load_log")}
    assert log["peserta_a.csv"] == (18, 6, 12)
    # the NIK written with spaces is the same member as line 4: a conflict in the same file; the NIK
    # in full-width digits is line 4's, whichever part its text as read would have gone to
    assert log["peserta_b.csv"] == (6, 4, 2)
    assert sorted(query(b, "select row_number, reason_code from quarantine where file_name = 'peserta_b.csv'")) == [
        (5, "DUPLICATE_CONFLICT"), (7, "DUPLICATE_ROW")]
    assert log["bsu.csv"] == (6, 3, 3)
    assert sorted(query(b, "select row_number, reason_code from quarantine where file_name = 'bsu.csv'")) == [
        (5, "DUPLICATE_ROW"), (6, "DUPLICATE_CONFLICT"), (7, "NIK_TOO_SHORT")]
    # the month sent twice is quarantined once; the runs are those of the file in one piece
    assert log["iuran.csv"] == (22, 21, 1)
    assert query(b, "select count(*), sum(n_rows) from contributions") == [(7, 21)]


def test_one_piece_below_the_bound(monkeypatch):
    """slices() deals rows to parts only when the file has more than SLICE_ROWS rows."""
    import duckdb

    from etl.extract import Extracted
    from etl.parts import bucket_sql
    con = duckdb.connect()
    con.execute("attach ':memory:' as file_rows")
    con.execute("create macro nik_text(s) as s")
    con.execute(f"create table {load_mod.RAW} as select *, {bucket_sql('members', {'nik': 'nik'})} from "
                "(select '53020101019000' || lpad(i::varchar, 2, '0') as nik from range(10) t(i) "
                "union all select null)")     # a row without a NIK lands in a part too
    ex = Extracted("members", {"nik": "NIK"}, [])
    monkeypatch.setattr(load_mod, "SLICE_ROWS", 11)
    assert load_mod.slices(con, ex) == ["true"]
    monkeypatch.setattr(load_mod, "SLICE_ROWS", 4)
    parts = load_mod.slices(con, ex)
    assert len(parts) == 3
    counts = [con.execute(f"select count(*) from {load_mod.RAW} r where {w}").fetchone()[0] for w in parts]
    assert sum(counts) == 11 and all(counts)      # every row in exactly one part
