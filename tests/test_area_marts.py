"""Regency-view marts (mart_area_progress, mart_regency_goal_monthly, mart_regency_mix) on a
tiny hand-made fixture (tests/fixtures/regency), as of June 2024, suppress_below 5.

Sabu Raijua (53.20), target 600 (override); district Sabu Barat 150 (override), the other
five districts share 450 -> 90 each; village Ledeke of Raijua 40 (override), the other four
villages of Raijua share 50 -> 13, 13, 12, 12. Active BPU members at June 2024:

district     village      active  who pays (spell)                 occupation
Raijua       Ledeke          6    APBDes Jan-Dec 2024              petani
Raijua       Ledeunu         2    mandiri                          petani
Raijua       Bolua           5    mandiri                          petani
Sabu Barat   Mebba           7    mandiri                          nelayan
Sabu Barat   (none)          1    mandiri                          petani
Sabu Tengah  Bebae           3    mandiri                          penenun
Sabu Timur   Bolou           5    APBD Kabupaten Jan-Sep 2024      petani
(none)                       1    mandiri                          petani
plus 2 BPU in Ledeke registered Nov 2023 who stopped after Mar 2024, and 5 PU in Ledeke.
Sabu Raijua: 30 active = 5.0% of 600. Kota Kupang (53.71, target 100): 12 BPU from May 2024.
"""
from __future__ import annotations

import itertools

import duckdb
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from etl.warehouse import SQL
from tests.helpers import FIXTURES, load_quiet, query, use_private_env

FIX = FIXTURES / "regency"
K = 5


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    path = use_private_env(mp, tmp_path_factory.mktemp("regency"), target_overrides=FIX / "targets.csv")
    load_quiet([FIX / "peserta.csv", FIX / "iuran.csv"], as_of="2024-06")
    yield path
    mp.undo()


def area(wh, code):
    return query(wh, """select target, n_active, attainment_pct, tier, next_tier, n_to_next_tier, suppression
                        from mart_area_progress where area_code = $c""", c=code)[0]


# ---------------------------------------------------------------- targets

@pytest.mark.parametrize("code, target", [
    ("53.20", 600), ("53.20.01", 150), ("53.20.02", 90), ("53.20.03", 90), ("53.20.04", 90),
    ("53.20.05", 90), ("53.20.06", 90),
    ("53.20.06.1001", 40), ("53.20.06.1002", 13), ("53.20.06.2003", 13), ("53.20.06.2004", 12),
    ("53.20.06.2005", 12),
    ("53.71", 100),
])
def test_own_targets_split_the_regency_target(wh, code, target):
    assert area(wh, code)[0] == target


def test_children_sum_to_parent_everywhere(wh):
    bad = query(wh, """select p.area_code, p.target, sum(c.target) from mart_area_progress p
                       join mart_area_progress c on c.parent_code = p.area_code and c.level <> p.level
                       where p.level in ('regency', 'district') group by all having sum(c.target) <> p.target""")
    assert bad == []
    assert query(wh, "select count(*) from mart_area_progress where level = 'district' and regency_code = '53.20'") \
        == [(6,)]
    assert query(wh, "select sum(target) from mart_area_progress where level = 'village' and regency_code = '53.20'") \
        == [(600,)]


# ---------------------------------------------------------------- progress and suppression

@pytest.mark.parametrize("code, expected", [
    # target, n_active, attainment, tier, next tier, members to next tier, suppression
    ("53.20", (600, 30, 5.0, 0, 1, 30, None)),                   # 10% of 600 = 60
    ("53.20.06", (90, 13, 14.44, 1, 2, 10, None)),               # Raijua: 25% of 90 = 22.5 -> 23
    ("53.20.01", (150, 8, 5.33, 0, 1, 7, None)),                 # Sabu Barat 7 + 1 without village
    ("53.20.02", (90, None, None, None, None, None, "below_threshold")),   # Sabu Tengah: 3
    ("53.20.04", (90, None, None, None, None, None, "below_threshold")),   # Sabu Liae: 0
    # hidden districts 3 + 0 + 0 = 3 < 5: the smallest published one (Sabu Timur, 5) is hidden too
    ("53.20.03", (90, None, None, None, None, None, "complement")),
    ("53.20.06.1001", (40, 6, 15.0, 1, 2, 4, None)),             # Ledeke: 25% of 40 = 10
    ("53.20.06.1002", (13, None, None, None, None, None, "below_threshold")),   # Ledeunu: 2
    ("53.20.06.2003", (13, None, None, None, None, None, "complement")),        # Bolua: 5
    ("53.20.01.1001", (9, None, None, None, None, None, "complement")),         # Mebba: 7, siblings all 0
    ("53.71", (100, 12, 12.0, 1, 2, 13, None)),
])
def test_area_progress(wh, code, expected):
    assert area(wh, code) == expected


def test_no_published_count_below_threshold(wh):
    assert query(wh, """select count(*) from mart_area_progress
                        where level <> 'regency' and suppression is null and n_active < 5""") == [(0,)]
    assert query(wh, "select count(*) from mart_regency_mix where suppression is null and n_active < 5") == [(0,)]


def test_sort_pct_uses_public_bounds_only(wh):
    rows = dict(query(wh, "select area_code, sort_pct from mart_area_progress where area_code in "
                          "('53.20.02', '53.20.03', '53.20.06.1002')"))
    assert rows == {"53.20.02": round(400 / 90, 2), "53.20.03": round(500 / 90, 2),
                    "53.20.06.1002": round(400 / 13, 2)}


# ---------------------------------------------------------------- monthly series and rank

@pytest.mark.parametrize("code, month, active, rank, change", [
    ("53.20", "2023-12-01", 2, 1, None),
    ("53.20", "2024-03-01", 32, 1, 0),
    ("53.20", "2024-06-01", 30, 2, -1),     # Kota Kupang overtook it in May
    ("53.71", "2024-03-01", 0, 2, 0),       # 21 regencies tied at 0%: rank 2
    ("53.71", "2024-06-01", 12, 1, 1),
    ("53.01", "2024-06-01", 0, 3, -1),
])
def test_goal_monthly_rank(wh, code, month, active, rank, change):
    assert query(wh, """select n_active, attainment_rank, rank_change_3m from mart_regency_goal_monthly
                        where regency_code = $c and month = $m::date""", c=code, m=month) == [(active, rank, change)]


def test_goal_monthly_per_1000_informal(wh):
    (workforce,), = query(wh, "select informal_workforce_est from ref_regency where kemendagri_code = '53.20'")
    (per,), = query(wh, "select active_per_1000_informal from mart_regency_goal_monthly "
                        "where regency_code = '53.20' and month = date '2024-06-01'")
    assert per == round(30 * 1000 / workforce, 2)
    assert query(wh, "select count(distinct month), count(*) from mart_regency_goal_monthly") == [(8, 8 * 22)]


# ---------------------------------------------------------------- mix

@pytest.mark.parametrize("dimension, category, n, share, end, suppression", [
    ("segment", "BPU", 30, 85.7, None, None),
    ("segment", "PU", 5, 14.3, None, None),
    ("payer", "MANDIRI", 19, 63.3, "2024-06-01", None),
    ("payer", "APBDES", 6, 20.0, "2024-12-01", None),
    ("payer", "APBD_KAB", 5, 16.7, "2024-09-01", None),
    ("payer_group", "budget", 11, 36.7, "2024-12-01", None),   # the village budget runs to Dec 2024
    ("payer_group", "own", 19, 63.3, "2024-06-01", None),
    ("sector", "pertanian", 20, 66.7, None, None),
    ("sector", "industri_rumahan", None, None, None, "below_threshold"),   # 3 weavers
    ("sector", "perikanan", None, None, None, "complement"),               # 7 fishers
])
def test_regency_mix(wh, dimension, category, n, share, end, suppression):
    rows = query(wh, """select n_active, share_pct, strftime(latest_end_month, '%Y-%m-%d'), suppression
                        from mart_regency_mix where regency_code = '53.20' and dimension = $d
                        and category_code = $c""", d=dimension, c=category)
    assert rows == [(n, share, end, suppression)]


# ---------------------------------------------------------------- the suppression rule, on any counts

def synthetic(con, villages: list[list[int]], no_village: list[int], no_district: int) -> None:
    """One regency '53.99' with districts of villages holding the given active counts."""
    con.execute("""create table int_as_of as select date '2024-06-01' as as_of_month;
        create table cfg_settings as select * from (values ('goal_segments', 'BPU'), ('suppress_below', '5'))
            v(key, value);
        create table cfg_tiers as select * from (values (0, 0.0, 'a', 'a'), (1, 50.0, 'b', 'b'))
            v(tier, min_pct, label_id, label_en);
        create table ref_regency as select '53.99' as kemendagri_code, 'R' as name;
        create table ref_district (code varchar, regency_code varchar, name varchar);
        create table ref_village (code varchar, district_code varchar, regency_code varchar, name varchar);
        create table cfg_target (area_code varchar, level varchar, target bigint);
        create table int_member_spells (regency_code varchar, district_code varchar, village_code varchar,
                                        segment_code varchar, start_month date, end_month date);
        insert into cfg_target values ('53.99', 'regency', 1000);""")
    spells = [("53.99", None, None)] * no_district
    for d, counts in enumerate(villages):
        dc = f"53.99.{d:02d}"
        con.execute("insert into ref_district values ($c, '53.99', $c)", {"c": dc})
        con.execute("insert into cfg_target values ($c, 'district', 100)", {"c": dc})
        spells += [("53.99", dc, None)] * no_village[d]
        for v, n in enumerate(counts):
            vc = f"{dc}.{v:04d}"
            con.execute("insert into ref_village values ($v, $d, '53.99', $v)", {"v": vc, "d": dc})
            con.execute("insert into cfg_target values ($v, 'village', 10)", {"v": vc})
            spells += [("53.99", dc, vc)] * n
    if spells:
        con.executemany("insert into int_member_spells values (?, ?, ?, 'BPU', date '2024-01-01', date '2024-06-01')",
                        spells)
    con.execute((SQL / "intermediate" / "int_settings.sql").read_text())
    con.execute((SQL / "intermediate" / "int_tier_rule.sql").read_text())
    con.execute((SQL / "intermediate" / "int_goal_segments.sql").read_text())
    con.execute((SQL / "marts" / "mart_area_progress.sql").read_text())


counts = st.lists(st.lists(st.integers(0, 14), min_size=1, max_size=5), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(villages=counts, extra=st.lists(st.integers(0, 3), min_size=5, max_size=5), no_district=st.integers(0, 3))
@example(villages=[[10, 10], [0], [6, 6]], extra=[0] * 5, no_district=0)   # district 2 hidden as complement,
def test_suppression_never_gives_a_small_count_away(villages, extra, no_district):   # its villages 6 + 6 too
    con = duckdb.connect()
    synthetic(con, villages, extra, no_district)
    true = {f"53.99.{d:02d}": sum(vs) + extra[d] for d, vs in enumerate(villages)}
    true |= {f"53.99.{d:02d}.{v:04d}": n for d, vs in enumerate(villages) for v, n in enumerate(vs)}
    rows = con.execute("select level, area_code, parent_code, n_active, suppression from mart_area_progress "
                       "where level <> 'regency'").fetchall()
    for level, code, parent, n, sup in rows:
        if sup is None:
            assert n == true[code] and n >= K, (code, n)
        else:
            assert n is None
            assert sup == "complement" or true[code] < K
    def by_parent(r):
        return r[0], r[2]   # level, parent_code
    for (level, parent), group in itertools.groupby(sorted(rows, key=by_parent), key=by_parent):
        group = list(group)
        hidden = [r for r in group if r[4] is not None]
        shown = [r for r in group if r[4] is None]
        if hidden and shown:   # the parent's total minus the shown ones must not pin a small count down
            assert len(hidden) >= 2, (level, parent, group)
            assert sum(true[r[1]] for r in hidden) >= K, (level, parent, group)
    hidden_districts = {r[1] for r in rows if r[0] == "district" and r[4] == "complement"}
    for d in hidden_districts:   # a hidden district is not the sum of published villages
        assert any(r[4] is not None for r in rows if r[0] == "village" and r[2] == d)


# ---------------------------------------------------------------- the data tests catch a bad mart

def run_data_test(con, name):
    sql = (SQL / "tests" / f"{name}.sql").read_text()
    if "suppress_threshold()" in sql:
        con.execute((SQL / "intermediate" / "int_settings.sql").read_text())
    return con.execute(sql).fetchall()


def test_data_test_catches_a_published_small_count():
    con = duckdb.connect()
    con.execute("""create table cfg_settings as select 'suppress_below' as key, '5' as value;
        create table mart_area_progress as select * from (values
            ('district', '53.20', '53.20.01', 7, null::varchar, 1.0, 0, 3),
            ('district', '53.20', '53.20.02', 3, null, 1.0, 0, 3),
            ('district', '53.20', '53.20.03', 9, null, 1.0, 0, 3))
            v(level, parent_code, area_code, n_active, suppression, attainment_pct, tier, n_to_next_tier);
        create table mart_regency_mix (dimension varchar, regency_code varchar, category_code varchar,
                                       n_active bigint, suppression varchar, share_pct double);""")
    problems = {r[-1] for r in run_data_test(con, "area_suppressed_cells")}
    assert problems == {"published below threshold"}
    con.execute("update mart_area_progress set n_active = null, attainment_pct = null, tier = null, "
                "n_to_next_tier = null, suppression = 'below_threshold' where area_code = '53.20.02'")
    assert {r[-1] for r in run_data_test(con, "area_suppressed_cells")} == {"one hidden row among published siblings"}


def test_data_test_catches_targets_that_do_not_add_up():
    con = duckdb.connect()
    con.execute("""create table ref_regency as select '53.20' as kemendagri_code;
        create table ref_district as select '53.20.01' as code union all select '53.20.02';
        create table ref_village as select '53.20.01.1001' as code where false;
        create table mart_area_progress as select * from (values
            ('regency', '53', '53.20', 600), ('district', '53.20', '53.20.01', 300),
            ('district', '53.20', '53.20.02', 299)) v(level, parent_code, area_code, target);""")
    assert run_data_test(con, "area_targets_sum_to_parent") == [("regency", "53.20", 600, 599)]
