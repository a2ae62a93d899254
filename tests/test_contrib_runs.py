"""Month-by-month contribution exports stored as runs (etl/targets.py runs_sql): one row per
run of consecutive months of a member with one payer, regency, programmes and monthly
amount; the figures built on them equal the figures of the same months loaded as
separate rows, and a month sent again meets the run that holds it.

Every expectation below is counted by hand from the rows written here."""
from __future__ import annotations

import pytest

from tests.helpers import load_quiet, query, use_private_env

MEMBERS = [
    "NIK;Nama;Tgl Kepesertaan;Kab/Kota;Segmen;Pekerjaan;BLTH Iuran Terakhir;Upah",
    "5302010101900001;Ani;01/01/2020;TTS;BPU;Petani;2024-06;1000000",
    "5302010101900002;Bili;01/01/2020;TTS;BPU;Nelayan;2024-06;1000000",
    "5302010101900003;Cici;01/01/2020;TTS;PU;Guru;2024-06;",
]
HEAD = "NIK;Periode Awal;Periode Akhir;Jumlah Iuran;Sumber Iuran;Kab/Kota;Program"
A, B, C = "5302010101900001", "5302010101900002", "5302010101900003"


def month_rows(nik, first, last, amount, payer="Mandiri", program="JKK+JKM"):
    """One row per month from `first` to `last` (YYYY-MM), each paying `amount`."""
    y, m = map(int, first.split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{nik};{y:04d}-{m:02d};{y:04d}-{m:02d};{amount};{payer};TTS;{program}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


MONTHLY = [HEAD,
           *month_rows(A, "2024-01", "2024-06", 16800),           # one run of 6 months
           *month_rows(A, "2020-06", "2020-09", 16800),           # a run into the PP 49/2020 relief months
           *month_rows(B, "2024-01", "2024-02", 16800),           # a run of 2 ...
           *month_rows(B, "2024-04", "2024-05", 16800),           # ... a gap (March), a run of 2
           *month_rows(B, "2024-06", "2024-06", 20000),           # another amount: its own run
           *month_rows(C, "2020-06", "2020-10", 50000, payer="Pemberi Kerja", program="JKK+JKM+JHT+JP"),
           f"{A};2023-10;2023-12;50400;Mandiri;TTS;JKK+JKM"]      # three months paid at once: stays one row


def write(tmp_path, name, lines):
    p = tmp_path / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


@pytest.fixture
def wh(tmp_path, monkeypatch):
    wh = use_private_env(monkeypatch, tmp_path)
    load_quiet([write(tmp_path, "peserta_2024-06.csv", MEMBERS)], as_of="2024-06")
    return wh


def test_monthly_rows_become_runs(tmp_path, wh):
    r = load_quiet([write(tmp_path, "iuran.csv", MONTHLY)], kind="contributions", as_of="2024-06")[0]
    assert (r.rows_read, r.rows_loaded, r.rows_quarantined) == (6 + 4 + 5 + 5 + 1, 21, 0)
    rows = query(wh, "select m.row_number, c.period_start_month::varchar, c.period_end_month::varchar, "
                     "c.amount_rp, c.n_rows from contributions c join members m using (member_key) order by 1, 2")
    # members by their line in the member list: Ani 2, Bili 3, Cici 4
    assert rows == [(2, "2020-06-01", "2020-09-01", 4 * 16800, 4),
                    (2, "2023-10-01", "2023-12-01", 50400, 1),
                    (2, "2024-01-01", "2024-06-01", 6 * 16800, 6),
                    (3, "2024-01-01", "2024-02-01", 2 * 16800, 2),
                    (3, "2024-04-01", "2024-05-01", 2 * 16800, 2),
                    (3, "2024-06-01", "2024-06-01", 20000, 1),
                    (4, "2020-06-01", "2020-10-01", 5 * 50000, 5)]
    # load_log counts the file's rows, not the runs; the data tests held (the load published)
    assert query(wh, "select rows_loaded from load_log where kind = 'contributions'") == [(21,)]
    # what the load added (the changes page) counts the file's rows, not the runs: 16 BPU rows
    # paying JKK and JKM (Ani 6 + 4 + 1, Bili 2 + 2 + 1), Cici's 5 PU rows unsplit
    assert query(wh, "select programme_code, n_rows from mart_added where kind = 'contributions' "
                     "and is_latest order by 1") == [("JKK", 16), ("JKM", 16), ("TOTAL", 5)]


def test_runs_give_the_figures_of_separate_rows(tmp_path, wh, monkeypatch):
    """The same months as runs and as rows that cannot form a run (each member-month in its
    own file): every Rupiah per month, per programme and the active months are the same."""
    load_quiet([write(tmp_path, "iuran.csv", MONTHLY)], kind="contributions", as_of="2024-06")
    figures = ("select month, programme_code, sum(contrib_rp) from mart_contrib_monthly group by all order by all",
               "select regency_code, n_active, n_registered from mart_regency_progress order by 1",
               "select sum(amount_rp), sum(jkk_rp), sum(jkm_rp), sum(jht_rp), sum(unsplit_rp) from int_contrib_spells "
               "where not is_estimate")
    runs = [query(wh, q) for q in figures]
    other = tmp_path / "rows"
    other.mkdir()
    use_private_env(monkeypatch, other)
    load_quiet([write(other, "peserta_2024-06.csv", MEMBERS)], as_of="2024-06")
    body = MONTHLY[1:]
    load_quiet([write(other, f"iuran_{i:02d}.csv", [HEAD, line]) for i, line in enumerate(body)],
               kind="contributions", as_of="2024-06")
    owh = other / "warehouse.duckdb"
    assert query(owh, "select count(*), max(n_rows) from contributions") == [(21, 1)]
    rows = [query(owh, q) for q in figures]
    money = runs[0]
    assert sum(v for _, _, v in money) == 6 * 16800 + 4 * 16800 + 4 * 16800 + 20000 + 5 * 50000 + 50400
    assert runs[1] == rows[1]
    assert runs[2][0][0] == rows[2][0][0] and runs[2][0][4] == rows[2][0][4] == 5 * 50000
    # the BPU split rounds per piece: a run's share may differ from the months' by a Rupiah a month
    assert all(abs(a - b) <= 21 for a, b in zip(runs[2][0][1:4], rows[2][0][1:4]))
    assert month_totals(runs[0]) == month_totals(rows[0])


def month_totals(figure):
    """Rupiah per month over the programmes."""
    out = {}
    for month, _, rp in figure:
        out[month] = out.get(month, 0) + rp
    return out


def test_month_sent_again_meets_its_run(tmp_path, wh):
    load_quiet([write(tmp_path, "iuran.csv", MONTHLY)], kind="contributions", as_of="2024-06")
    again = [HEAD,
             f"{A};2024-03;2024-03;16800;Mandiri;TTS;JKK+JKM",   # 2 inside Ani's run, same amount: DUPLICATE_LOADED
             f"{A};2024-04;2024-04;17000;Mandiri;TTS;JKK+JKM",   # 3 inside it, another amount: CONFLICT_LOADED
             f"{B};2024-03;2024-03;16800;Mandiri;TTS;JKK+JKM",   # 4 Bili's gap month: loaded
             f"{A};2024-01;2024-06;100800;Mandiri;TTS;JKK+JKM",  # 5 several months at once over the run: loaded
             f"{A};2023-11;2023-11;16800;Mandiri;TTS;JKK+JKM",   # 6 inside a 3-month row (not a run): loaded
             f"{A};2024-03;2024-03;16800;APBD Kabupaten;TTS;JKK+JKM"]   # 7 another payer: loaded
    r = load_quiet([write(tmp_path, "iuran_lagi.csv", again)], kind="contributions", as_of="2024-06")[0]
    assert (r.rows_loaded, r.rows_quarantined) == (4, 2)
    got = query(wh, "select row_number, reason_code, params::varchar from quarantine order by row_number")
    assert [(n, c) for n, c, _ in got] == [(2, "DUPLICATE_LOADED"), (3, "CONFLICT_LOADED")]
    # the conflict names the run's monthly amount and its first row (Ani's first month: line 2)
    assert '"value":16800' in got[1][2].replace(" ", "") and '"row":2' in got[1][2].replace(" ", "")


def test_rupiah_that_do_not_divide_by_the_months_go_to_the_first_months(tmp_path, wh):
    """int_contrib_segments: the first r = amount % n months get q + 1 = amount // n + 1, the
    others q; no run of Rp 0 (Cici is PU: her whole amount stays TOTAL)."""
    rows = [HEAD,
            f"{C};2022-01;2022-03;100003;Pemberi Kerja;TTS;JKK+JKM",   # q 33,334, r 1
            f"{C};2023-01;2023-12;5;Pemberi Kerja;TTS;JKK+JKM",        # q 0, r 5: Jan-May Rp 1, then none
            f"{C};2021-03;2021-06;40000;Pemberi Kerja;TTS;JKK+JKM"]    # r 0: one run of Rp 10,000
    load_quiet([write(tmp_path, "iuran.csv", rows)], kind="contributions", as_of="2024-06")
    got = query(wh, "select start_month::varchar, end_month::varchar, rp_per_month from int_contrib_segments "
                    "where programme_code = 'TOTAL' and not is_estimate order by 1")
    assert got == [("2021-03-01", "2021-06-01", 10000),
                   ("2022-01-01", "2022-01-01", 33335), ("2022-02-01", "2022-03-01", 33334),
                   ("2023-01-01", "2023-05-01", 1)]
