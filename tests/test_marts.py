"""Mart logic on a tiny hand-made fixture (tests/fixtures/mini), answers computed by hand:

member  segment regency        registered   paid spells (payer)
A       BPU     TTS 53.02      15 Jan 2024  Jan-Feb (mandiri) + Feb (CSR, overlaps) ; May-Jun (reactivates)
B       BPU     TTS            31 Mar 2024  Mar-Jun            (registered on the last day of March)
C       BPU     Kota Kupang    02 Jan 2024  Jan-Mar APBD Prov  (budget cohort ends, lapses)
D       BPU     Kota Kupang    03 Jan 2024  Jan-Mar Dana Desa, Apr-Jun mandiri (stays after the budget)
E       PU      Kab. Kupang    10 Dec 2023  Dec-Jun employer   (not a goal segment)
F       BPU     BPS 5301 = Sumba Barat 53.12  Feb only
Sabu Raijua (53.20) has no members. Data as of 2024-06.
"""
import pytest

from tests.helpers import FIXTURES, load_quiet, mini_loaded, query, use_private_env

MINI = FIXTURES / "mini"


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    with mini_loaded(tmp_path_factory, "mini") as path:
        yield path


@pytest.mark.parametrize("month, active, registered, lapsed, reactivated, stopped", [
    ("2023-12-01", 0, 0, 0, 0, 0),
    ("2024-01-01", 3, 3, 0, 0, 0),   # A, C, D
    ("2024-02-01", 4, 4, 0, 0, 0),   # + F
    ("2024-03-01", 3, 5, 2, 0, 2),   # B joins on 31 Mar; A and F stop
    ("2024-04-01", 2, 5, 3, 0, 1),   # C's budget ended; D continues paying herself
    ("2024-05-01", 3, 5, 2, 1, 0),   # A reactivates
    ("2024-06-01", 3, 5, 2, 0, 0),
])
def test_province_monthly_goal_segment(wh, month, active, registered, lapsed, reactivated, stopped):
    row = query(wh, """select n_active, n_registered, n_lapsed, n_reactivated, n_stopped
                       from mart_province_monthly where month = $m::date""", m=month)
    assert row == [(active, registered, lapsed, reactivated, stopped)]


def test_other_segments_beside_goal(wh):
    assert query(wh, "select n_active_pu, n_registered_pu, n_active_bpu from mart_province_monthly "
                     "where month = date '2024-06-01'") == [(1, 1, 3)]


@pytest.mark.parametrize("code, registered, active, change_3m, tier, pct", [
    ("53.02", 2, 2, 1, 3, 50.0),      # TTS target 4 (override): exactly on the 50% threshold
    ("53.71", 2, 1, -1, 1, 10.0),     # Kota Kupang target 10: exactly 10%
    ("53.12", 1, 0, 0, 0, 0.0),       # BPS 5301 is Sumba Barat, not Kabupaten Kupang
    ("53.01", 0, 0, 0, 0, 0.0),       # only a PU member: nothing toward the goal
    ("53.20", 0, 0, 0, 0, 0.0),       # Sabu Raijua: no members at all, still listed
])
def test_regency_progress(wh, code, registered, active, change_3m, tier, pct):
    row = query(wh, """select n_registered, n_active, change_3m, tier, attainment_pct
                       from mart_regency_progress where regency_code = $c""", c=code)
    assert row == [(registered, active, change_3m, tier, pct)]


def test_regency_progress_has_both_codes_and_22_rows(wh):
    rows = query(wh, "select regency_bps_code, regency_code from mart_regency_progress")
    assert len(rows) == 22
    assert ("5304", "53.02") in rows and ("5301", "53.12") in rows


def test_overlapping_spells_count_once(wh):
    # A paid February twice (mandiri and CSR): one member-month, not two
    assert query(wh, "select sum(n_active) from int_regency_monthly where month = date '2024-02-01' "
                     "and regency_code = '53.02'") == [(1,)]


def test_budget_paid_cohort_visible_by_payer(wh):
    rows = query(wh, """select payer_code, month, n_active from int_payer_monthly
                        where regency_code = '53.71' and n_active > 0 order by month, payer_code""")
    assert ("APBD_PROV", __import__("datetime").date(2024, 3, 1), 1) in rows
    assert all(not (p == "APBD_PROV" and m.month > 3) for p, m, _ in rows)
    assert ("MANDIRI", __import__("datetime").date(2024, 4, 1), 1) in rows


def test_regency_targets_sum_to_province_goal(wh):
    assert query(wh, "select sum(target) from cfg_target where level = 'regency'") == [(1_000_000,)]
    assert query(wh, "select target from cfg_target where area_code = '53.02'") == [(4,)]


def test_goal_segments_are_configuration(monkeypatch, tmp_path):
    # counting PU too: the PU member E in Kab. Kupang joins the headline
    wh = use_private_env(monkeypatch, tmp_path, goal_segments="BPU,PU")
    load_quiet([MINI / "peserta.csv", MINI / "iuran.csv"], as_of="2024-06")
    assert query(wh, "select n_active, n_registered from mart_province_monthly "
                     "where month = date '2024-06-01'") == [(4, 6)]
    assert query(wh, "select n_active from mart_regency_progress "
                     "where regency_code = '53.01'") == [(1,)]


def test_where_the_active_count_comes_from(wh):
    """Every active member comes from one file: here the contribution list (iuran.csv) for the
    members who have rows there; the shares of a regency add up to 100%."""
    rows = query(wh, """select s.figure, l.file_name, s.n_members, s.share_pct
                        from mart_figure_sources s join mart_dq_load_history l using (load_id)
                        where s.level = 'regency' and s.area_code = '53.02' order by 1, 2""")
    assert rows == [("active", "iuran.csv", 2, 100.0), ("registered", "peserta.csv", 2, 100.0)]
    totals = query(wh, """select figure, sum(n_members), sum(share_pct) from mart_figure_sources
                          where level = 'province' group by 1 order by 1""")
    assert totals == [("active", 3, 100.0), ("registered", 5, 100.0)]


def test_lineage_follows_the_models(wh):
    up = dict(query(wh, "select upstream, depth from mart_lineage where model = 'mart_regency_progress'"))
    assert up["int_goal_monthly"] == 1 and up["int_member_spells"] > 1 and up["members"] > up["stg_members"]
