"""Sector and tier marts on a tiny hand-made fixture (tests/fixtures/tiers), answers by hand.

member  segment regency (target)      district / village        occupation       paid (payer)
A       BPU     TTS 53.02 (4)         Kota Soe / SoE            Petani           Jan-Jun 2024
B       BPU     TTS                   Kota Soe / Cendana        nelayan          Mar-Jun (registered 10 Mar)
C, D    BPU     Kota Kupang 53.71 (4) Alak / Namosain           PENENUN, penenun. Jan-Mar APBD Provinsi (cohort lapses)
E       BPU     Kota Kupang           Maulafa                   Pedagang         Jan-Jun
F       BPU     Sumba Barat 53.12 (10) -                        Peternak sapi    Feb-Jun
G       PU      Sumba Barat           -                         Karyawan swasta  Jan-Jun (not a goal segment)
H       BPU     Kab. Kupang 53.01 (3) -                         Penjaga malam    Jan-Jun (unmatched -> lainnya)
I       BPU     Sabu Raijua 53.20     -                         (blank)          Jan-Jun (blank -> lainnya)
Default tiers: 0 | 10% Perintis | 25% Perunggu | 50% Perak | 75% Emas | 100% Sejuta Terlindungi.
TTS: 1 of 4 in Jan = exactly 25% -> 2; 2 of 4 from Mar = exactly 50% -> 3.
Kota Kupang: 3 of 4 = exactly 75% -> 4 in Jan-Mar; the APBD cohort lapses: 1 of 4 -> 2 from Apr (a drop).
Sumba Barat: 1 of 10 = exactly 10% -> 1 from Feb. Kab. Kupang: 1 of 3 = 33.3% -> 2. Data as of Jun 2024.
"""
import pytest
from hypothesis import given, settings as hsettings, strategies as st

from tests.helpers import FIXTURES, loaded, query

TIERS = FIXTURES / "tiers"
FILES = [TIERS / "peserta.csv", TIERS / "iuran.csv"]
D = "2024-{:02d}-01".format


def load(tmp_path_factory, name, **settings):
    return loaded(tmp_path_factory, name, FILES, "2024-06", target_overrides=TIERS / "targets.csv", **settings)


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    """suppress_below 0: nothing hidden, so every count can be checked by hand."""
    with load(tmp_path_factory, "tiers", suppress_below=0) as path:
        yield path


@pytest.fixture(scope="module")
def wh_private(tmp_path_factory):
    """suppress_below 2: small counts hidden below regency level, rare texts folded."""
    with load(tmp_path_factory, "tiers_k2", suppress_below=2) as path:
        yield path


# --- the tier rule (macros tier_of, tier_min_members) --------------------------------------

@pytest.mark.parametrize("n, target, tier", [
    (0, 4, 0), (1, 4, 2), (2, 4, 3), (3, 4, 4), (4, 4, 5), (5, 4, 5),   # 25/50/75/100% exactly
    (0, 10, 0), (1, 10, 1), (2, 10, 1), (3, 10, 2),                      # 10% exactly, 20%, 30%
    (99_999, 1_000_000, 0), (100_000, 1_000_000, 1), (249_999, 1_000_000, 1),
    (0, 0, 5),                                                            # no target: every minimum is met
])
def test_tier_of(wh, n, target, tier):
    assert query(wh, "select tier_of($n, $t)", n=n, t=target) == [(tier,)]


@pytest.mark.parametrize("pct, target, members", [
    (10, 4, 1), (25, 4, 1), (50, 4, 2), (75, 4, 3), (100, 4, 4), (25, 10, 3), (10, 10, 1),
    (10, 1_000_000, 100_000), (10, 22_761, 2_277), (0, 50, 0),
])
def test_tier_min_members(wh, pct, target, members):
    assert query(wh, "select tier_min_members($p::double, $t)", p=pct, t=target) == [(members,)]


@hsettings(max_examples=60, deadline=None)
@given(pct=st.decimals(min_value=0, max_value=150, places=2).map(float),
       target=st.integers(min_value=0, max_value=3_000_000))
def test_tier_min_members_is_where_the_rule_switches(wh, pct, target):
    (ok,), = query(wh, """select tier_min_members($p, $t) * 100.0 >= $p * $t
                                 and (tier_min_members($p, $t) = 0
                                      or (tier_min_members($p, $t) - 1) * 100.0 < $p * $t)""",
                   p=pct, t=target)
    assert ok


# --- tiers month by month, first reached, drops ----------------------------------------------

@pytest.mark.parametrize("code, tiers", [
    ("53.02", [2, 2, 3, 3, 3, 3]),
    ("53.71", [4, 4, 4, 2, 2, 2]),
    ("53.12", [0, 1, 1, 1, 1, 1]),
    ("53.01", [2, 2, 2, 2, 2, 2]),
    ("53.20", [0, 0, 0, 0, 0, 0]),
])
def test_tier_monthly(wh, code, tiers):
    rows = query(wh, "select month, tier from mart_tier_monthly where regency_code = $c order by month", c=code)
    assert [str(m) for m, _ in rows] == [D(i) for i in range(1, 7)]
    assert [t for _, t in rows] == tiers


def test_budget_cohort_lapse_is_a_drop(wh):
    rows = query(wh, """select month, regency_code, tier_from, tier_to, n_active_before, n_active,
                               n_budget_paid_before, n_budget_paid
                        from mart_tier_transitions where is_drop""")
    assert [(str(r[0]), *r[1:]) for r in rows] == [(D(4), "53.71", 4, 2, 3, 1, 2, 0)]


def test_transitions(wh):
    rows = query(wh, "select month, regency_code, tier_from, tier_to from mart_tier_transitions order by all")
    assert [(str(m), c, a, b) for m, c, a, b in rows] == [
        (D(1), "53.01", 0, 2), (D(1), "53.02", 0, 2), (D(1), "53.71", 0, 4),
        (D(2), "53.12", 0, 1), (D(3), "53.02", 2, 3), (D(4), "53.71", 4, 2)]


@pytest.mark.parametrize("code, tier, first, held_now, months_held", [
    ("53.02", 2, D(1), True, 6), ("53.02", 3, D(3), True, 4), ("53.02", 4, None, False, 0),
    ("53.71", 4, D(1), False, 3), ("53.71", 2, D(1), True, 6), ("53.71", 5, None, False, 0),
    ("53.12", 1, D(2), True, 5), ("53.20", 1, None, False, 0),
])
def test_first_reached(wh, code, tier, first, held_now, months_held):
    row = query(wh, """select first_reached_month, is_held_now, n_months_held from mart_tier_reached
                       where regency_code = $c and tier = $t""", c=code, t=tier)
    assert [(None if f is None else str(f), h, n) for f, h, n in row] == [(first, held_now, months_held)]


def test_reached_grid_is_every_regency_times_tiers_above_zero(wh):
    assert query(wh, "select count(*), min(tier), max(tier) from mart_tier_reached") == [(22 * 5, 1, 5)]


def test_distribution_counts_regencies(wh):
    from_sql = query(wh, """select month, tier, count(*) from mart_tier_monthly
                            where month in (date '2024-01-01', date '2024-06-01') group by all order by all""")
    assert [(str(m), t, n) for m, t, n in from_sql] == [
        (D(1), 0, 19), (D(1), 2, 2), (D(1), 4, 1),
        (D(6), 0, 18), (D(6), 1, 1), (D(6), 2, 2), (D(6), 3, 1)]


# --- where each region stands, distance to the next tier --------------------------------------

@pytest.mark.parametrize("code, n, pct, tier, since, nxt, to_next, pace, months, eta", [
    ("53.02", 2, 50.0, 3, D(3), 4, 1, 0.3, 3, "2024-09-01"),     # 3 of 4 = 75%; +2 in 6 months: 1 * 6 / 2
    ("53.71", 1, 25.0, 2, D(4), 3, 1, 0.2, 6, "2024-12-01"),     # since the drop in April
    ("53.12", 1, 10.0, 1, D(2), 2, 2, 0.2, 12, "2025-06-01"),    # 25% of 10 needs 3 (2.5 rounded up)
    ("53.01", 1, 33.33, 2, D(1), 3, 1, 0.2, 6, "2024-12-01"),    # held since the first month
    ("53.20", 1, 0.0, 0, None, 1, 2276, 0.2, None, None),        # 10% of 22,761 = 2,277; beyond 50 years
])
def test_regency_tier_progress(wh, code, n, pct, tier, since, nxt, to_next, pace, months, eta):
    row = query(wh, """select n_active, attainment_pct, tier, tier_since_month, next_tier, n_to_next_tier,
                              pace_6m, months_to_next, next_tier_eta_month
                       from mart_tier_progress where level = 'regency' and area_code = $c""", c=code)
    got = [tuple(None if v is None else str(v) if i in (3, 8) else v for i, v in enumerate(r)) for r in row]
    assert got == [(n, pct, tier, since, nxt, to_next, pace, months, eta)]


def test_no_pace_no_months(wh):
    # Alor has no members: no pace, so no month estimate (never 'infinite' or a division error)
    assert query(wh, """select n_active, pace_6m, months_to_next, next_tier_eta_month from mart_tier_progress
                        where area_code = '53.05'""") == [(0, 0.0, None, None)]


def test_province_tier(wh):
    assert query(wh, """select target, n_active, tier, n_for_next_tier, n_to_next_tier, months_to_next,
                               next_tier_eta_month from mart_tier_progress where level = 'province'""") == [
        (1_000_000, 6, 0, 100_000, 99_994, None, None)]   # 99,994 months: beyond the horizon


def test_monthly_tier_agrees_with_regency_progress(wh):
    assert query(wh, """select count(*) from mart_regency_progress r join mart_tier_monthly m
                        on m.regency_code = r.regency_code and m.month = r.as_of_month
                        where m.tier = r.tier and m.n_active = r.n_active""") == [(22,)]


@pytest.mark.parametrize("code, level, target, n, tier, to_next", [
    ("53.02.01", "district", 4, 2, 3, 1),        # Kota Soe holds all of TTS's target: A and B
    ("53.71.01", "district", 1, 0, 0, 1),        # Alak: C and D lapsed
    ("53.71.02", "district", 1, 1, 5, None),     # Maulafa: E = 100%, top tier
    ("53.02.01.1001", "village", 2, 1, 3, 1),    # SoE: A
    ("53.02.01.1002", "village", 2, 1, 3, 1),    # Cendana: B
    ("53.71.01.1001", "village", 1, 0, 0, 1),    # Namosain
])
def test_district_and_village_tiers(wh, code, level, target, n, tier, to_next):
    from_mart = query(wh, """select target, n_active, tier, n_to_next_tier from mart_area_progress
                             where area_code = $c and level = $l""", c=code, l=level)
    assert from_mart == [(target, n, tier, to_next)]


def test_areas_with_a_target(wh):
    rows = query(wh, """select level, count(*) from mart_area_progress
                        where level <> 'regency' and target > 0 and regency_code in ('53.02', '53.71')
                        group by all order by all""")
    assert rows == [("district", 5), ("village", 6)]   # Kota Kupang's 4 split over its first 4 districts


def test_small_counts_hidden_below_regency(wh_private):
    rows = query(wh_private, """select area_code, n_active, tier, is_suppressed from mart_area_progress
                                where area_code in ('53.02.01', '53.71.02', '53.02.01.1001')
                                order by area_code""")
    # Kota Soe holds TTS's 2 members (= the published regency total; its other districts have 0);
    # Maulafa holds Kota Kupang's 1 (its only district with members): both only repeat the
    # regency, so they are shown; the village SoE (1 of Kota Soe's 2) is hidden
    assert rows == [("53.02.01", 2, 3, False), ("53.02.01.1001", None, None, True), ("53.71.02", 1, 5, False)]
    assert query(wh_private, "select n_active from mart_tier_progress where area_code = '53.02'") == [(2,)]


# --- changed tier table: SEJUTA_TIERS_FILE, rebuild -> other tiers --------------------------------

@pytest.fixture(scope="module")
def wh_alt(tmp_path_factory):
    from etl.__main__ import main
    with load(tmp_path_factory, "tiers_alt", suppress_below=0) as path, pytest.MonkeyPatch().context() as mp:
        mp.setenv("SEJUTA_TIERS_FILE", str(TIERS / "tiers_alt.csv"))
        assert main(["rebuild"]) == 0
        yield path


def test_alternative_tier_table(wh_alt):
    # 0 Awal | 30% Madya | 60% Utama | 90% Paripurna
    assert query(wh_alt, "select tier, min_pct, label_id from cfg_tiers order by tier") == [
        (0, 0.0, "Awal"), (1, 30.0, "Madya"), (2, 60.0, "Utama"), (3, 90.0, "Paripurna")]
    rows = query(wh_alt, """select area_code, tier, tier_label_id, n_to_next_tier from mart_tier_progress
                            where area_code in ('53.02', '53.71', '53.12', '53.01') order by area_code""")
    assert rows == [("53.01", 1, "Madya", 1),      # 1 of 3 = 33.3%; 60% of 3 = 1.8 -> 2
                    ("53.02", 1, "Madya", 1),      # 2 of 4 = 50%; 60% -> 3
                    ("53.12", 0, "Awal", 2),       # 1 of 10; 30% -> 3
                    ("53.71", 0, "Awal", 1)]       # 1 of 4 = 25%; 30% -> 2
    drops = query(wh_alt, "select month, regency_code, tier_from, tier_to from mart_tier_transitions where is_drop")
    assert [(str(m), c, a, b) for m, c, a, b in drops] == [(D(4), "53.71", 2, 0)]
    assert query(wh_alt, """select count(*) from mart_regency_progress r join mart_tier_progress p
                            on p.area_code = r.regency_code where p.tier = r.tier""") == [(22,)]


# --- sectors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sector, active, registered, all_segments, estimate, change, share, new_12m", [
    ("pertanian", 1, 1, 1, 885_464, 1, 16.7, 1),          # 2,213,660 informal workers x 0.40
    ("industri_rumahan", 0, 2, 0, 199_229, 0, 0.0, 2),    # C and D lapsed
    ("lainnya", 2, 2, 2, 44_273, 2, 33.3, 2),              # H unmatched, I blank
    ("jasa", 0, 0, 1, 132_820, 0, 0.0, 0),                 # G is PU: beside the goal, not in it
])
def test_sector_progress(wh, sector, active, registered, all_segments, estimate, change, share, new_12m):
    row = query(wh, """select n_active, n_registered, n_active_all_segments, workforce_est, change_12m,
                              growth_share_pct, n_new_12m
                       from mart_sector_progress where sector_code = $s""", s=sector)
    assert row == [(active, registered, all_segments, estimate, change, share, new_12m)]


def test_agriculture_group(wh):
    assert query(wh, "select sum(n_active) from mart_sector_progress where is_agriculture") == [(3,)]  # A, B, F


@pytest.mark.parametrize("month, pertanian, perikanan, industri", [
    (D(1), 1, 0, 2), (D(3), 1, 1, 2), (D(4), 1, 1, 0), (D(6), 1, 1, 0)])
def test_sector_monthly(wh, month, pertanian, perikanan, industri):
    rows = dict(query(wh, "select sector_code, n_active from mart_sector_monthly where month = $m::date", m=month))
    assert (rows["pertanian"], rows["perikanan"], rows["industri_rumahan"]) == (pertanian, perikanan, industri)


@pytest.mark.parametrize("code, sector, n, estimate, coverage", [
    ("53.20", "lainnya", 1, 778, 0.13),      # 38,878 x 0.02 = 777.56 -> 778; 1 / 778
    ("53.01", "lainnya", 1, 3_119, 0.03),
    ("53.12", "peternakan", 1, 5_086, 0.02),
    ("53.71", "industri_rumahan", 0, 7_986, 0.0),  # lapsed: 0 shown, not hidden
])
def test_sector_regency_cells(wh, code, sector, n, estimate, coverage):
    assert query(wh, """select n_active, workforce_est, coverage_pct, is_suppressed from mart_sector_regency
                        where regency_code = $c and sector_code = $s""", c=code, s=sector) == [
        (n, estimate, coverage, False)]


def test_sector_regency_small_cells_hidden(wh_private):
    rows = query(wh_private, """select regency_code, sector_code, n_active, coverage_pct, is_suppressed
                                from mart_sector_regency where n_active is null order by all""")
    assert {(c, s) for c, s, *_ in rows} >= {("53.02", "pertanian"), ("53.02", "perikanan")}
    # Sabu Raijua's one member (lainnya) repeats the regency's published total: shown
    assert query(wh_private, "select n_active, is_suppressed from mart_sector_regency "
                             "where regency_code = '53.20' and sector_code = 'lainnya'") == [(1, False)]
    assert all(cov is None and sup for *_, cov, sup in rows)


def test_occupation_mapping_all_texts(wh):
    rows = query(wh, """select sector_code, occupation_norm, is_blank, n_members from mart_occupation_mapping
                        order by sort_order, is_blank, occupation_norm""")
    assert rows == [("pertanian", "petani", False, 1), ("peternakan", "peternak sapi", False, 1),
                    ("perikanan", "nelayan", False, 1), ("industri_rumahan", "penenun", False, 2),
                    ("perdagangan", "pedagang", False, 1), ("jasa", "karyawan swasta", False, 1),
                    ("lainnya", "penjaga malam", False, 1), ("lainnya", None, True, 1)]


def test_occupation_mapping_folds_rare_texts(wh_private):
    rows = query(wh_private, """select sector_code, occupation_norm, is_rare_group, is_blank, n_texts, n_members
                                from mart_occupation_mapping where sector_code in ('industri_rumahan', 'lainnya')
                                order by sort_order, is_blank, is_rare_group""")
    assert rows == [("industri_rumahan", "penenun", False, False, 1, 2),   # 'PENENUN' and 'penenun.'
                    ("lainnya", None, True, False, 1, 1),                   # 'penjaga malam' held by 1 < 2
                    ("lainnya", None, False, True, 0, 1)]
    shown = query(wh_private, "select occupation_norm from mart_occupation_mapping where occupation_norm is not null")
    assert shown == [("penenun",)]
