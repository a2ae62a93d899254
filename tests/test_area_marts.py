"""Regency-view marts (mart_area_progress, mart_regency_goal_monthly, mart_regency_mix) on a
tiny hand-made fixture (tests/fixtures/regency), as of June 2024, suppress_below 5.

Sabu Raijua (53.20), target 600 (override); district Sabu Barat 150 (override), the other
five districts share 450 by their 2010 population (data/district_population.csv): Sabu Tengah
7,165, Sabu Timur 7,453, Sabu Liae 8,847, Hawu Mehara 15,361, Raijua 7,671 (46,497) ->
69.34, 72.13, 85.62, 148.67, 74.24 -> floors 448, the two largest remainders (Hawu Mehara .67,
Sabu Liae .62) get one more: 69, 72, 86, 149, 74. Village Ledeke of Raijua 40 (override), the
other four villages of Raijua share 34 equally -> 9, 9, 8, 8. Active BPU members at June 2024:

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

from etl import disclosure
from etl.warehouse import SQL
from tests.helpers import FIXTURES, loaded, query, settings_row

FIX = FIXTURES / "regency"
K = 5


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    with loaded(tmp_path_factory, "regency", [FIX / "peserta.csv", FIX / "iuran.csv"], "2024-06",
                target_overrides=FIX / "targets.csv") as path:
        yield path


def area(wh, code):
    return query(wh, """select target, n_active, attainment_pct, tier, next_tier, n_to_next_tier, is_suppressed
                        from mart_area_progress where area_code = $c""", c=code)[0]


# ---------------------------------------------------------------- targets

@pytest.mark.parametrize("code, target", [
    ("53.20", 600), ("53.20.01", 150), ("53.20.02", 69), ("53.20.03", 72), ("53.20.04", 86),
    ("53.20.05", 149), ("53.20.06", 74),
    ("53.20.06.1001", 40), ("53.20.06.1002", 9), ("53.20.06.2003", 9), ("53.20.06.2004", 8),
    ("53.20.06.2005", 8),
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
    # target, n_active, attainment, tier, next tier, members to next tier, hidden
    ("53.20", (600, 30, 5.0, 0, 1, 30, False)),                  # 10% of 600 = 60
    ("53.20.06", (74, 13, 17.56, 1, 2, 6, False)),               # Raijua: 25% of 74 = 18.5 -> 19
    ("53.20.01", (150, 8, 5.33, 0, 1, 7, False)),                # Sabu Barat 7 + 1 without village
    ("53.20.02", (69, None, None, None, None, None, True)),      # Sabu Tengah: 3
    ("53.20.04", (86, 0, 0.0, 0, 1, 9, False)),                  # Sabu Liae: 0, shown (nobody to protect)
    # hidden: Sabu Tengah 3 and the 1 member without a district = 4 < 5: the smallest
    # published district with members (Sabu Timur, 5) is hidden too
    ("53.20.03", (72, None, None, None, None, None, True)),
    ("53.20.06.1001", (40, 6, 15.0, 1, 2, 4, False)),            # Ledeke: 25% of 40 = 10
    ("53.20.06.1002", (9, None, None, None, None, None, True)),   # Ledeunu: 2
    ("53.20.06.2003", (9, None, None, None, None, None, True)),   # Bolua: 5
    # Mebba: 7, beside villages of 0 and 1 member without a village (never published, so
    # nothing small is shown: no complement needed)
    ("53.20.01.1001", (9, 7, 77.77, 4, 5, 2, False)),
    ("53.71", (100, 12, 12.0, 1, 2, 13, False)),
])
def test_area_progress(wh, code, expected):
    assert area(wh, code) == expected


@pytest.mark.parametrize("code, basis, population, per_1000", [
    ("53.20", "override", 72_960, 0.41),           # 30 / 72,960 (the six districts' sum)
    ("53.20.01", "override", 26_463, 0.30),        # Sabu Barat 8 / 26,463
    ("53.20.06", "population_2010", 7_671, 1.69),  # Raijua 13 / 7,671 = 1.6947
    ("53.20.02", "population_2010", 7_165, None),  # hidden: no figure derived from its count
    ("53.20.06.1001", "override", None, None),     # villages: no population figure exists
    ("53.20.06.1002", "equal", None, None),
    ("53.71", "override", 336_239, 0.04),          # 12 / 336,239
    ("53.01", "informal_workforce_est", 304_548, 0.0),
])
def test_split_basis_and_active_per_1000_inhabitants(wh, code, basis, population, per_1000):
    assert query(wh, """select split_basis, population_2010, active_per_1000_pop from mart_area_progress
                        where area_code = $c""", c=code) == [(basis, population, per_1000)]


def test_no_published_count_below_threshold(wh):
    assert query(wh, """select count(*) from mart_area_progress
                        where level <> 'regency' and not is_suppressed and n_active between 1 and 4""") == [(0,)]
    assert query(wh, "select count(*) from mart_regency_mix where not is_suppressed and n_active between 1 and 4") \
        == [(0,)]


def test_hidden_cells_look_the_same_whatever_the_reason(wh):
    """Sabu Tengah (3, below the threshold) and Sabu Timur (5, hidden beside it) are told
    apart by nothing a page can read: every column but the area's identity, target and
    population (reference figures, not derived from the count)."""
    cols = [d for d in query(wh, "select column_name from (describe mart_area_progress)")]
    shown = [c for (c,) in cols if c not in ("area_code", "area_name", "target", "population_2010")]
    rows = query(wh, f"select {', '.join(shown)} from mart_area_progress "
                     "where area_code in ('53.20.02', '53.20.03')")
    assert rows[0] == rows[1]


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

@pytest.mark.parametrize("dimension, category, n, share, end, hidden", [
    ("segment", "BPU", 30, 85.7, None, False),
    ("segment", "PU", 5, 14.3, None, False),
    ("segment", "JAKON", 0, 0.0, None, False),                # a zero is shown: nobody to protect
    ("payer", "MANDIRI", 19, 63.3, "2024-06-01", False),
    ("payer", "APBDES", 6, 20.0, "2024-12-01", False),
    ("payer", "APBD_KAB", 5, 16.7, "2024-09-01", False),
    ("payer_group", "budget", 11, 36.7, "2024-12-01", False),   # the village budget runs to Dec 2024
    ("payer_group", "own", 19, 63.3, "2024-06-01", False),
    ("sector", "pertanian", 20, 66.7, None, False),
    ("sector", "industri_rumahan", None, None, None, True),   # 3 weavers
    ("sector", "perikanan", None, None, None, True),          # 7 fishers, hidden beside them
])
def test_regency_mix(wh, dimension, category, n, share, end, hidden):
    rows = query(wh, """select n_active, share_pct, strftime(latest_end_month, '%Y-%m-%d'), is_suppressed
                        from mart_regency_mix where regency_code = '53.20' and dimension = $d
                        and category_code = $c""", d=dimension, c=category)
    assert rows == [(n, share, end, hidden)]


# ---------------------------------------------------------------- the suppression stage, on any counts

def stage(cells: list[tuple], k: int = K) -> list[tuple]:
    """Run the one suppression stage (int_disclosure) on synthetic cells
    (family, depth, parent_id, cell_id, n, is_pseudo); rows as etl.disclosure reads them."""
    con = duckdb.connect()
    settings_row(con, suppress_below=k)
    con.execute("""create table int_disclosure_cells (family varchar, depth integer, parent_id varchar,
                                                      cell_id varchar, n bigint, is_pseudo boolean)""")
    if cells:
        con.executemany("insert into int_disclosure_cells values (?, ?, ?, ?, ?, ?)", cells)
    con.execute("create table int_disclosure as " + (SQL / "intermediate" / "int_disclosure.sql").read_text())
    return con.execute(disclosure.CELLS).fetchall()


def tree(districts: list[list[int]], no_village: list[int], no_district: int) -> list[tuple]:
    """One regency 'R' whose districts hold villages with the given counts."""
    cells = [("area", 1, "R", "R:unlocated", no_district, True)] if no_district else []
    for d, villages in enumerate(districts):
        cells.append(("area", 1, "R", f"D{d}", sum(villages) + no_village[d], False))
        cells += [("area", 2, f"D{d}", f"D{d}.V{v}", n, False) for v, n in enumerate(villages)]
        if no_village[d]:
            cells.append(("area", 2, f"D{d}", f"D{d}:unlocated", no_village[d], True))
    return cells


counts = st.lists(st.lists(st.integers(0, 14), min_size=1, max_size=5), min_size=1, max_size=5)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(districts=counts, extra=st.lists(st.integers(0, 3), min_size=5, max_size=5), no_district=st.integers(0, 3))
@example(districts=[[10, 10], [0], [6, 6]], extra=[0] * 5, no_district=0)
@example(districts=[[40, 45, 40, 4, 4]], extra=[0] * 5, no_district=0)   # the Amanuban Timur case
def test_suppression_never_gives_a_count_away(districts, extra, no_district):
    rows = stage(tree(districts, extra, no_district))
    assert disclosure.exposed(rows) == []
    for family, depth, parent, cell, n, pseudo, hidden in rows:
        if not hidden and not pseudo:
            only_one = sum(1 for r in rows if r[2] == parent and r[4] > 0) == 1
            assert n == 0 or n >= K or only_one, (cell, n)
    groups = itertools.groupby(sorted(rows, key=lambda r: r[2]), key=lambda r: r[2])
    for parent, group in groups:
        group = list(group)
        hidden = [r for r in group if r[6]]
        if any(not r[5] for r in hidden) and any(not r[6] and r[4] > 0 for r in group):
            assert len(hidden) >= 2 and sum(r[4] for r in hidden) >= K, (parent, group)


def test_amanuban_timur_revealed_bounds_would_give_it_away():
    """District 133 = 125 published + two villages of 4 hidden. With hidden cells told apart
    as "<5" (bounds 0-4) a reader pins both at 4; shown alike, each is anywhere in 0-8."""
    rows = stage([("area", 1, "R", "D", 133, False), ("area", 1, "R", "E", 50, False)]
                 + [("area", 2, "D", f"V{i}", n, False) for i, n in enumerate([40, 45, 40, 4, 4])])
    assert disclosure.exposed(rows) == []
    below = {("area", c): (0, K - 1) for _, _, _, c, n, _, h in rows if h and n < K}
    assert sorted(disclosure.exposed(rows, below)) == [("area", "V3", 4), ("area", "V4", 4)]


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.integers(0, 4), min_size=2, max_size=4), hidden=st.lists(st.booleans(), min_size=4, max_size=4))
def test_attack_ranges_match_brute_force(values, hidden):
    """The propagated range of each hidden cell equals the range of values consistent with
    the published ones (enumerated), on one parent with a published total."""
    rows = [("f", 1, "P", f"c{i}", n, False, hidden[i]) for i, n in enumerate(values)]
    box = disclosure.ranges(rows)
    total = sum(values)
    free = [i for i, h in enumerate(hidden[:len(values)]) if h]
    rest = total - sum(n for i, n in enumerate(values) if i not in free)
    for i in free:
        feasible = [x for x in range(rest + 1)
                    if any(sum(c) == rest - x for c in itertools.product(range(rest + 1), repeat=len(free) - 1))]
        assert (box["f", f"c{i}"].lo, box["f", f"c{i}"].hi) == (min(feasible), max(feasible))


# ---------------------------------------------------------------- the data tests catch a bad mart

def run_data_test(con, name):
    sql = (SQL / "tests" / f"{name}.sql").read_text()
    if "suppress_threshold()" in sql:
        settings_row(con)
    return con.execute(sql).fetchall()


def test_data_test_catches_a_published_small_count():
    con = duckdb.connect()
    con.execute("""create table int_disclosure as select * from (values
            ('area', 1, '53.20', '53.20.01', 7, false, false), ('area', 1, '53.20', '53.20.02', 3, false, false),
            ('area', 1, '53.20', '53.20.03', 9, false, false))
            v(family, depth, parent_id, cell_id, n, is_pseudo, is_hidden);
        create table mart_area_progress as select * from (values
            ('district', '53.20.01', 7, false, 1.0, 0, 1, 3, 0.5), ('district', '53.20.02', 3, false, 1.0, 0, 1, 3, 0.2),
            ('district', '53.20.03', 9, false, 1.0, 0, 1, 3, 0.7))
            v(level, area_code, n_active, is_suppressed, attainment_pct, tier, next_tier, n_to_next_tier,
              active_per_1000_pop);
        create table mart_regency_mix (dimension varchar, regency_code varchar, category_code varchar,
            n_active bigint, is_suppressed boolean, share_pct double, latest_end_month date);
        create table mart_claims_cause_regency (programme_code varchar, paid_year integer, regency_code varchar,
            cause varchar, n_claims bigint, claims_rp bigint, is_suppressed boolean);
        create table mart_budget_regency (payer_code varchar, budget_year integer, regency_code varchar,
            n_workers bigint, worker_months bigint, contrib_rp bigint, is_suppressed boolean);
        create table mart_budget_retention_regency (payer_code varchar, budget_year integer, regency_code varchar,
            n_cohort bigint, n_observable_3 bigint, n_paying_3 bigint, n_observable_12 bigint, is_suppressed boolean);""")
    assert {r[-1] for r in run_data_test(con, "disclosure_applied")} == {"published below the threshold"}
    con.execute("update mart_area_progress set is_suppressed = true where area_code = '53.20.02'")
    assert {r[-1] for r in run_data_test(con, "disclosure_applied")} == {"marked unlike the stage",
                                                                         "hidden cell shows a figure"}
    # hidden by the stage, every figure gone but the rate per 1,000 inhabitants: still caught
    con.execute("""update int_disclosure set is_hidden = true where cell_id = '53.20.02';
                   update mart_area_progress set n_active = null, attainment_pct = null, tier = null,
                          next_tier = null, n_to_next_tier = null where area_code = '53.20.02'""")
    assert [r[-1] for r in run_data_test(con, "disclosure_applied")] == ["hidden cell shows a figure"]


def test_data_test_catches_targets_that_do_not_add_up():
    con = duckdb.connect()
    con.execute("""create table ref_regency as select '53.20' as kemendagri_code;
        create table ref_district as select '53.20.01' as code union all select '53.20.02';
        create table ref_village as select '53.20.01.1001' as code where false;
        create table mart_area_progress as select * from (values
            ('regency', '53', '53.20', 600), ('district', '53.20', '53.20.01', 300),
            ('district', '53.20', '53.20.02', 299)) v(level, parent_code, area_code, target);""")
    assert run_data_test(con, "area_targets_sum_to_parent") == [("regency", "53.20", 600, 599)]
