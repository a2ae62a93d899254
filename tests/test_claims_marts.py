"""Claims, contribution, subsidy and budget marts on a tiny hand-made fixture
(tests/fixtures/claims), loaded as of Dec 2021. Every expected figure is computed by hand:

member regency      seg  declared income, programmes   contribution spells (payer)
M1     Kota Kupang  BPU  Rp 2 juta, JKK+JKM+JHT         Jan-Mar 2020 Rp 200,400; Jan-Mar 2021 Rp 100,000 (mandiri)
M2     Kota Kupang  BPU  none (Rp 1 juta), JKK+JKM      2020 APBD Prov Rp 201,600; 2021 mandiri Rp 201,600 (stays)
M3     Kota Kupang  BPU  none, JKK+JKM                  2020 APBD Prov Rp 201,600 (lapses)
M4     Kota Kupang  BPU  none, JKK+JKM                  2020 APBD Prov; May-Jun 2021 mandiri Rp 33,600 (back at +6)
M5     Kota Kupang  BPU  none, JKK+JKM                  Jul-Dec 2020 Dana Desa Rp 100,800; 2021 APBD Kab (other payer)
M8     TTS          BPU  Rp 1.5 juta, JKK+JKM           none: member list says paid Jan-Jun 2021 (estimate)
M9-11  Kab. Kupang  PU   Rp 3 juta                      employer: 2020 Rp 1.2 juta; May-Sep 2020; Jul-Dec 2020

BPU split at the sourced rates: M1 weights JKK 20,000 : JKM 6,800 : JHT 40,000 (total 66,800);
Rp 100,000 -> JKK round(29,940.1) = 29,940, JHT round(59,880.2) = 59,880, JKM the rest 10,180;
spread over 3 months: JKK 9,980 x 3, JHT 19,960 x 3, JKM 3,394 + 3,393 + 3,393.
Claims: KLM-001 JKK M1 filed 28 Jan 2020, paid 10 Feb 2020 (13 days), Rp 5 juta, twice more in the
file (an exact copy and a copy with Rp 5.5 juta: both quarantined); KLM-002 JKM Rp 42 juta Apr 2021;
KLM-003 JKK Rp 3 juta Feb 2021; TTS JHT one claim a month Jan 2019 - Jul 2020, alternating Rp 1.0 /
1.2 juta, Jul 2020 Rp 5 juta; days to pay 10 in 2019, Jan-Jul 2020: 5, 10, 10, 20, 30, 40, 60.
BSU 2020: M9 tranches 1 and 2, M11 tranche 1 (twice in the file); eligible = PU active June 2020: M9, M10.
"""
import datetime as dt

import pytest

from tests.helpers import FIXTURES, loaded, query

CLAIMS = FIXTURES / "claims"
FILES = [CLAIMS / "peserta.csv", CLAIMS / "iuran.csv", CLAIMS / "klaim.csv", CLAIMS / "bsu.csv"]
D = dt.date


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    with loaded(tmp_path_factory, "claims", FILES, "2021-12") as path:
        yield path


def one(wh, sql, **params):
    rows = query(wh, sql, **params)
    assert len(rows) == 1, rows
    return rows[0]


# ---------------------------------------------------------------- claims

def test_claim_counted_in_month_paid_not_filed(wh):
    assert query(wh, """select month, n_claims, claims_rp from mart_claims_monthly
                        where regency_code = '53.71' and programme_code = 'JKK' and year(month) = 2020""") \
        == [(D(2020, 2, 1), 1, 5_000_000)]


def test_duplicate_claim_quarantined_and_counted_once(wh):
    assert one(wh, "select count(*), count(distinct claim_id) from claims") == (22, 22)
    reasons = query(wh, "select reason_code from quarantine where file_name = 'klaim.csv' order by 1")
    assert reasons == [("DUPLICATE_CONFLICT",), ("DUPLICATE_ROW",)]
    # JHT 2019 6 x 1.0 + 6 x 1.2 = 13.2, 2020 6.6 + 5.0; JKK 5 + 3; JKM 42 (juta): 74.8, not 85.3
    assert one(wh, "select sum(n_claims), sum(claims_rp) from mart_claims_monthly") == (22, 74_800_000)


def test_article_period_jan_aug_2020(wh):
    # JKK Rp 5 juta + JHT Jan-Jul 2020: 1.0 + 1.2 + 1.0 + 1.2 + 1.0 + 1.2 + 5.0 = Rp 11.6 juta
    assert query(wh, """select programme_code, sum(n_claims), sum(claims_rp) from mart_claims_monthly
                        where month between '2020-01-01' and '2020-08-01' group by 1 order by 1""") \
        == [("JHT", 7, 11_600_000), ("JKK", 1, 5_000_000)]


def test_segment_and_cause(wh):
    assert query(wh, "select distinct segment_code from mart_claims_monthly order by 1") == [("BPU",), ("PU",)]
    assert query(wh, """select cause, n_claims from mart_claims_cause where programme_code = 'JKK'
                        order by month""") == [("Kecelakaan lalu lintas", 1), ("Jatuh dari pohon", 1)]


def test_processing_histogram(wh):
    assert query(wh, """select month, days_to_pay, n_claims from mart_claims_processing
                        where programme_code = 'JKK' order by month""") \
        == [(D(2020, 2, 1), 13, 1), (D(2021, 2, 1), 24, 1)]


@pytest.mark.parametrize("regency, month, history, median, mad, z, flagged", [
    ("53.02", "2019-12-01", 11, 1_000_000, 0, None, False),        # 11 months of history: not scored
    ("53.02", "2020-01-01", 12, 1_100_000, 100_000, -0.6745, False),  # 6 x 1.0 and 6 x 1.2 juta
    ("53.02", "2020-07-01", 18, 1_100_000, 100_000, 26.3051, True),   # (5.0 - 1.1) / 0.14826
    ("53.02", "2020-08-01", 19, 1_200_000, 200_000, -4.0469, True),   # nothing paid: far below
    ("53.71", "2020-02-01", 13, 0, 0, None, False),                 # history all zero: no scale
    ("53.71", "2021-02-01", 24, 0, 0, 11.4897, True),               # MAD 0 -> 1.2533 x mean |dev| (5 juta / 24)
])
def test_anomaly_robust_score(wh, regency, month, history, median, mad, z, flagged):
    row = one(wh, """select n_history, history_median_rp, history_mad_rp, robust_z, is_anomaly
                     from mart_claims_anomaly where regency_code = $r and month = $m::date""", r=regency, m=month)
    assert row[:3] == (history, median, mad)
    assert (row[3] is None) if z is None else row[3] == pytest.approx(z, abs=1e-4)
    assert row[4] is flagged


def test_anomaly_grid_every_regency_month(wh):
    # 22 regencies x Jan 2019 .. Dec 2021 (36 months)
    assert one(wh, "select count(*), count(distinct regency_code), min(month), max(month) from mart_claims_anomaly") \
        == (22 * 36, 22, D(2019, 1, 1), D(2021, 12, 1))


# ---------------------------------------------------------------- contributions

def test_contributions_split_by_programme_for_bpu(wh):
    # Kota Kupang 2020: JKK M1 3 x 20,000 + M2-M4 3 x 12 x 10,000 + M5 6 x 10,000; JKM with 6,800
    assert query(wh, """select programme_code, sum(contrib_rp) from mart_contrib_monthly
                        where regency_code = '53.71' and year(month) = 2020 group by 1 order by 1""") \
        == [("JHT", 120_000), ("JKK", 480_000), ("JKM", 306_000)]


@pytest.mark.parametrize("month, programme, rp", [
    ("2021-01-01", "JKM", 3_394 + 6_800),   # M1's remainder month + M2 (mandiri 2021)
    ("2021-02-01", "JKM", 3_393 + 6_800),
    ("2021-03-01", "JKM", 3_393 + 6_800),
    ("2021-01-01", "JKK", 9_980 + 10_000),
    ("2021-01-01", "JHT", 19_960),
])
def test_spell_spread_in_whole_rupiah(wh, month, programme, rp):
    assert one(wh, """select sum(contrib_rp) from mart_contrib_monthly where regency_code = '53.71'
                      and payer_code = 'MANDIRI' and month = $m::date and programme_code = $p""",
               m=month, p=programme) == (rp,)


def test_other_segments_in_total_only(wh):
    # Jul 2020, Kab. Kupang: M9 1.2 juta / 12 + M10 500,000 / 5 + M11 600,000 / 6
    assert query(wh, """select programme_code, sum(contrib_rp) from mart_contrib_monthly
                        where regency_code = '53.01' and month = '2020-07-01' group by 1""") == [("TOTAL", 300_000)]


def test_member_without_contributions_is_estimated(wh):
    # M8: Rp 1.5 juta declared -> JKK 15,000 + JKM 6,800 a month, Jan-Jun 2021
    assert query(wh, """select programme_code, count(*), sum(contrib_rp), bool_and(is_estimate)
                        from mart_contrib_monthly where regency_code = '53.02' group by 1 order by 1""") \
        == [("JKK", 6, 90_000, True), ("JKM", 6, 40_800, True)]
    assert one(wh, "select sum(contrib_rp) from mart_contrib_monthly where not is_estimate") \
        == one(wh, "select sum(amount_rp) from contributions")


# ---------------------------------------------------------------- subsidies and budgets

def test_bsu_tranches_and_reach(wh):
    assert query(wh, "select regency_code, tranche, n_recipients, subsidy_rp from mart_subsidy_tranche order by 2") \
        == [("53.01", 1, 2, 2_400_000), ("53.01", 2, 1, 1_200_000)]
    assert query(wh, """select regency_code, eligibility_month, n_recipients, n_eligible, n_reached
                        from mart_subsidy_reach where n_eligible > 0 or n_recipients > 0""") \
        == [("53.01", D(2020, 6, 1), 2, 2, 1)]   # M11 joined in July: paid, but outside the rule


def test_budget_year(wh):
    assert query(wh, """select payer_code, regency_code, budget_year, n_workers, worker_months, contrib_rp,
                               contrib_est_rp from int_budget_year order by budget_year, payer_code""") == [
        ("APBDES", "53.71", 2020, 1, 6, 100_800, 0),
        ("APBD_PROV", "53.71", 2020, 3, 36, 604_800, 0),     # Rp 16,800 per worker-month
        ("APBD_KAB", "53.71", 2021, 1, 12, 201_600, 0),
    ]


def test_budget_cohort_retention(wh):
    # APBD Prov cohort ends Dec 2020: Mar 2021 only M2 pays; Jun 2021 M2 and M4; Dec 2021 = the
    # as-of month: not observable yet. M5's village funds end, the regency budget takes over.
    # APBD Kab ends in Dec 2021, the as-of month: not an end yet.
    assert query(wh, """select payer_code, budget_year, n_cohort, n_observable_3, n_paying_3, n_observable_6,
                               n_paying_6, n_observable_12, n_paying_12
                        from mart_budget_retention order by payer_code""") == [
        ("APBDES", 2020, 1, 1, 1, 1, 1, 0, 0),
        ("APBD_PROV", 2020, 3, 3, 1, 3, 2, 0, 0),
    ]


# ---------------------------------------------------------------- the query layer (ui/queries/claims.py)

@pytest.fixture(scope="module")
def q(wh):
    from ui.queries import claims
    return claims


def test_same_period_last_year(q):
    df = q.claims_by_programme("2020-01-01", "2020-08-01").set_index("programme_code")
    assert df.loc["JHT", ["n_claims", "claims_rp", "n_claims_prev", "claims_rp_prev"]].tolist() \
        == [7, 11_600_000, 8, 8_800_000]        # Jan-Aug 2019: 4 x 1.0 + 4 x 1.2 juta
    assert bool(df["prev_complete"].iloc[0])
    assert not bool(q.claims_by_programme("2019-01-01", "2019-06-01")["prev_complete"].iloc[0])


def test_loss_ratio_jkk_bpu(q):
    # Jan-Aug 2020, Kota Kupang: JKK claims Rp 5 juta; BPU JKK contributions M1 3 x 20,000
    # + M2-M4 3 x 8 x 10,000 + M5 2 x 10,000 = 320,000 -> 1,562.5%
    df = q.loss_ratio("2020-01-01", "2020-08-01", "JKK").set_index("regency_code")
    assert df.loc["53.71", ["claims_rp", "contrib_rp"]].tolist() == [5_000_000, 320_000]
    assert df.loc["53.71", "loss_ratio_pct"] == pytest.approx(1562.5)
    assert df["loss_ratio_pct"].isna().sum() == 21     # no BPU JKK contributions elsewhere in 2020


def test_loss_ratio_all_programmes(q):
    df = q.loss_ratio("2020-01-01", "2020-08-01").set_index("regency_code")
    # Kota Kupang: 200,400 + 3 x 8 x 16,800 + 2 x 16,800; Kab. Kupang PU: 800,000 + 400,000 + 200,000
    assert df.loc["53.71", "contrib_rp"] == 637_200 and df.loc["53.01", "contrib_rp"] == 1_400_000
    assert df.loc["53.01", "loss_ratio_pct"] == 0
    assert pd_isna(df.loc["53.02", "loss_ratio_pct"])  # TTS: JHT claims but no contributions yet


def pd_isna(x) -> bool:
    import pandas as pd
    return bool(pd.isna(x))


def test_processing_percentiles(q):
    df = q.claims_processing("2020-01-01", "2020-08-01")
    top = df[df["regency_code"].isna()].set_index("programme_code")
    # JHT days 5, 10, 10, 20, 30, 40, 60: half paid by day 20, 90% (6.3 claims) by day 60
    assert top.loc["JHT", ["n_claims", "p50_days", "p90_days"]].tolist() == [7, 20, 60]
    assert top.loc["JKK", ["n_claims", "p50_days", "p90_days"]].tolist() == [1, 13, 13]
    # all months: 14 claims at 10 days -> median 10; 90% = 17.1 claims -> day 40
    allm = q.claims_processing("2019-01-01", "2021-12-01")
    assert allm[allm["regency_code"].isna()].set_index("programme_code").loc["JHT", "p90_days"] == 40


def test_small_cells_hidden_below_regency(q):
    # one regency, by calendar year: 2021's single JKK cause only repeats the regency's JKK
    # count (published by regency anyway), so it is shown although it is 1 < 2
    df = q.claims_causes("2021-01-01", "2021-12-01", "53.71")
    assert df[["cause", "n_claims", "is_suppressed"]].values.tolist() == [["Jatuh dari pohon", 1, False]]
    # the province shows each cause
    assert sorted(q.claims_causes("2020-01-01", "2021-12-01")["cause"]) == ["Jatuh dari pohon", "Kecelakaan lalu lintas"]
    # every budget payer paid in one regency only (Kota Kupang): its regency row repeats the
    # province row, so it is shown whatever its size
    reg = q.budget_regencies(2020)
    prov = q.budget_years()
    assert not reg["is_suppressed"].any()
    assert reg["n_workers"].tolist() == prov[prov.budget_year == 2020]["n_workers"].tolist() == [1, 3]
    ret = q.budget_retention(by_regency=True)
    assert not ret["is_suppressed"].any() and ret["n_cohort"].tolist() == [1, 3]
    assert q.budget_retention()["n_cohort"].tolist() == [1, 3]     # province level: shown
