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

BPU split at the sourced rates, with JKK and JKM at 1% in the PP 49/2020 relief months Aug 2020 -
Jan 2021: a spell crossing the relief's edges is cut there, its amount shared by months x the
monthly total in force. M1 2021 (Jan relieved): weights a month JKK 20,000 : JKM 6,800 : JHT 40,000
(66,800), Jan JKK 200 : JKM 68 : JHT 40,000 (40,268); Rp 100,000 -> Jan round(100,000 x 40,268 /
173,868) = 23,160 (JKK 115, JHT 23,006, JKM 39), Feb-Mar 76,840 (JKK 23,006, JHT 46,012, JKM 7,822:
11,503, 23,006, 3,911 a month). M2 2021 mandiri Rp 201,600: Jan 168 of 184,968 -> 183 (JKK 109, JKM
74), Feb-Dec 201,417 (JKK 119,891 = 10,900 x 2 + 10,899 x 9; JKM 81,526 = 7,412 x 5 + 7,411 x 6).
M2-M4 2020 APBD Rp 201,600: Jan-Jul 200,170 (JKK 119,149, JKM 81,021), Aug-Dec 1,430 (851, 579).
Claims: KLM-001 JKK M1 accident 25 Jan 2020, filed 28 Jan, paid 10 Feb 2020 (13 days), Rp 5 juta,
twice more in the file (an exact copy and a copy with Rp 5.5 juta: both quarantined); KLM-002 JKM
death 15 Mar 2021, paid Apr 2021, Rp 42 juta; KLM-003 JKK Rp 3 juta filed and paid Feb 2021 (no
accident date); KLM-004 JHT M1 (BPU) Rp 600,000 paid Dec 2021 (partial withdrawal, no filing date);
TTS JHT (PU) one claim a month Jan 2019 - Jul 2020, alternating Rp 1.0 / 1.2 juta, Jul 2020 Rp 5
juta; days to pay 10 in 2019, Jan-Jul 2020: 5, 10, 10, 20, 30, 40, 60.
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
    assert one(wh, "select count(*), count(distinct claim_id) from claims") == (23, 23)
    reasons = query(wh, "select reason_code from quarantine where file_name = 'klaim.csv' order by 1")
    assert reasons == [("DUPLICATE_CONFLICT",), ("DUPLICATE_ROW",)]
    # JHT 2019 6 x 1.0 + 6 x 1.2 = 13.2, 2020 6.6 + 5.0, 2021 0.6; JKK 5 + 3; JKM 42 (juta): 75.4, not 85.9
    assert one(wh, "select sum(n_claims), sum(claims_rp) from mart_claims_monthly") == (23, 75_400_000)


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


def test_few_claims_are_not_scored_for_anomalies(wh):
    # TTS PU JHT: 1 claim a month, far below the 5 expected claims a month needs to be scored;
    # the grid runs Jan 2019 (first claim) to Dec 2021 for every series, regencies and province
    assert one(wh, """select count(*), min(month), max(month), count(z_n), count(z_rp), bool_or(is_anomaly)
                      from mart_claims_anomaly where area_code = '53.02'""") \
        == (36, D(2019, 1, 1), D(2021, 12, 1), 0, 0, False)
    assert one(wh, "select count(distinct (segment_code, programme_code)) from mart_claims_anomaly "
                   "where level = 'province'") == (4,)     # PU JHT, BPU JKK, JKM, JHT


# ---------------------------------------------------------------- contributions

def test_contributions_split_by_programme_for_bpu(wh):
    # Kota Kupang 2020: JKK M1 3 x 20,000 + M2-M4 3 x 12 x 10,000 + M5 6 x 10,000; JKM with 6,800
    assert query(wh, """select programme_code, sum(contrib_rp) from mart_contrib_monthly
                        where regency_code = '53.71' and year(month) = 2020 group by 1 order by 1""") \
        == [("JHT", 120_000), ("JKK", 480_000), ("JKM", 306_000)]


@pytest.mark.parametrize("month, programme, rp", [
    ("2021-01-01", "JKK", 115 + 109),         # relief month: M1 + M2 (mandiri 2021) at 1%
    ("2021-01-01", "JKM", 39 + 74),
    ("2021-01-01", "JHT", 23_006),            # JHT is not relieved: as much as in Feb
    ("2021-02-01", "JKK", 11_503 + 10_900),
    ("2021-02-01", "JKM", 3_911 + 7_412),
    ("2021-02-01", "JHT", 23_006),
    ("2021-03-01", "JKK", 11_503 + 10_900),
])
def test_spell_spread_in_whole_rupiah(wh, month, programme, rp):
    assert one(wh, """select sum(contrib_rp) from mart_contrib_monthly where regency_code = '53.71'
                      and payer_code = 'MANDIRI' and month = $m::date and programme_code = $p""",
               m=month, p=programme) == (rp,)


def test_relief_split_into_pieces(wh):
    # M2-M4's 2020 APBD spell (Rp 201,600, no relief in the file's amount): Jan-Jul holds
    # 7 x 16,800 / (7 x 16,800 + 5 x 168) of it, Aug-Dec the rest, each split 10,000 : 6,800
    assert query(wh, """select start_month, end_month, is_relief, count(*), min(amount_rp), min(jkk_rp),
                               min(jkm_rp), sum(jht_rp)
                        from int_contrib_spells where payer_code = 'APBD_PROV' group by all order by 1""") == [
        (D(2020, 1, 1), D(2020, 7, 1), False, 3, 200_170, 119_149, 81_021, 0),
        (D(2020, 8, 1), D(2020, 12, 1), True, 3, 1_430, 851, 579, 0)]
    # JKK in Kota Kupang: Jul 2020 M2-M4 3 x 17,021 + M5 (Dana Desa, Jul alone) 57,143;
    # Aug 2020 M2-M4 3 x 171 (851 = 171 + 4 x 170) + M5 572 (2,857 over Aug-Dec)
    assert query(wh, """select month, sum(contrib_rp) from mart_contrib_monthly where regency_code = '53.71'
                        and programme_code = 'JKK' and month in ('2020-07-01', '2020-08-01')
                        group by 1 order by 1""") == [(D(2020, 7, 1), 108_206), (D(2020, 8, 1), 1_085)]


def test_other_segments_in_total_only(wh):
    # Jul 2020, Kab. Kupang: M9 1.2 juta / 12 + M10 500,000 / 5 + M11 600,000 / 6
    assert query(wh, """select programme_code, sum(contrib_rp) from mart_contrib_monthly
                        where regency_code = '53.01' and month = '2020-07-01' group by 1""") == [("TOTAL", 300_000)]


def test_member_without_contributions_is_estimated(wh):
    # M8: Rp 1.5 juta declared -> JKK 15,000 + JKM 6,800 a month, Jan-Jun 2021; Jan relieved:
    # JKK 150 + JKM 68
    assert query(wh, """select programme_code, count(*), sum(contrib_rp), bool_and(is_estimate)
                        from mart_contrib_monthly where regency_code = '53.02' group by 1 order by 1""") \
        == [("JKK", 6, 150 + 5 * 15_000, True), ("JKM", 6, 68 + 5 * 6_800, True)]
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


def test_claims_incurred_dated_by_accident_then_filing_then_payment(wh):
    # KLM-001: accident 25 Jan 2020 (paid Feb) -> Jan; KLM-003: no accident date, filed Feb 2021;
    # KLM-002: death 15 Mar 2021 (paid Apr) -> Mar; KLM-004 (JHT): a withdrawal, by payment, Dec
    assert query(wh, """select month, programme_group, n_claims, claims_rp, n_by_incident, n_by_filed, n_by_paid
                        from mart_claims_ratio where regency_code = '53.71' and n_claims > 0 order by 1""") == [
        (D(2020, 1, 1), "JKK_JKM", 1, 5_000_000, 1, 0, 0), (D(2021, 2, 1), "JKK_JKM", 1, 3_000_000, 0, 1, 0),
        (D(2021, 3, 1), "JKK_JKM", 1, 42_000_000, 1, 0, 0), (D(2021, 12, 1), "JHT_JP", 1, 600_000, 0, 0, 1)]


def test_contributions_by_programme_only_where_split(wh):
    # BPU: Kota Kupang JKK_JKM 24 months (2020-2021), JHT_JP 7 (M1's 2020 and 2021 months and
    # the Dec 2021 withdrawal), TTS JKK_JKM 6 (M8); PU (TTS claims, Kab. Kupang contributions):
    # no programme split -> NULL, never 0
    assert query(wh, """select segment_code, count(*), count(contrib_rp) from mart_claims_ratio
                        group by 1 order by 1""") == [("BPU", 37, 37), ("PU", 19, 0)]
    assert query(wh, """select distinct month from mart_claims_ratio where is_relief_month order by 1""") \
        == [(D(2020, m, 1),) for m in range(8, 13)] + [(D(2021, 1, 1),)]


@pytest.mark.parametrize("start, end, regency, loss, withdrawal", [
    # 2020, Kota Kupang: JKK Rp 5 juta / JKK + JKM 480,000 + 306,000 = 636.13%; no JHT withdrawal
    # against M1's JHT 120,000 = 0%
    ("2020-01-01", "2020-12-01", "53.71", (5_000_000, 786_000, 636.1323), (0, 120_000, 0.0)),
    # 2021: Rp 45 juta incurred / M1 115 + 39 + 23,006 + 7,822 + M2 201,600 + M4 33,600 + M5
    # 201,600 = 467,782 (9,619.87%); JHT Rp 600,000 / M1 3 x 23,006 = 869.34%
    ("2021-01-01", "2021-12-01", "53.71", (45_000_000, 467_782, 9619.8657), (600_000, 69_018, 869.3384)),
    # TTS 2021: M8's estimated 109,218, no claims
    ("2021-01-01", "2021-12-01", "53.02", (0, 109_218, 0.0), (0, None, None)),
    # Jan 2020 alone: the Jan accident counts although paid in Feb; M1 26,800 + M2-M4 3 x 28,597
    ("2020-01-01", "2020-01-01", "53.71", (5_000_000, 112_591, 4440.8523), (0, 40_000, 0.0)),
])
def test_claims_ratio_bpu(q, start, end, regency, loss, withdrawal):
    df = q.claims_ratio(start, end).set_index("regency_code")
    row = df.loc[regency]
    got = (row["risk_claims_rp"], row["risk_contrib_rp"], row["loss_ratio_pct"])
    assert got[:2] == loss[:2] and got[2] == pytest.approx(loss[2], abs=1e-4)
    got = (row["savings_claims_rp"], row["savings_contrib_rp"], row["withdrawal_pct"])
    assert got[0] == withdrawal[0]
    assert (pd_isna(got[1]) and pd_isna(got[2])) if withdrawal[1] is None else \
        (got[1] == withdrawal[1] and got[2] == pytest.approx(withdrawal[2], abs=1e-4))


def test_claims_ratio_province_sums_regencies(q):
    df = q.claims_ratio("2021-01-01", "2021-12-01")
    # 45,000,000 / (467,782 + 109,218) = 7,798.96%
    assert (df["risk_claims_rp"].sum(), df["risk_contrib_rp"].sum()) == (45_000_000, 577_000)
    assert df[["n_by_incident", "n_by_filed", "n_by_paid"]].sum().tolist() == [1, 1, 0]
    assert bool(df["has_relief_month"].iloc[0])                 # Jan 2021
    assert not bool(q.claims_ratio("2021-02-01", "2021-12-01")["has_relief_month"].iloc[0])
    pu = q.claims_ratio("2020-01-01", "2020-12-01", "PU")
    assert pu["risk_contrib_rp"].isna().all() and pu["savings_contrib_rp"].isna().all()
    assert pu["savings_claims_rp"].sum() == 11_600_000        # TTS withdrawals are still counted


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


# ---------------------------------------------------------------- the incident date field

@pytest.mark.parametrize("header", ["Tgl Kejadian", "TANGGAL KEJADIAN", "tgl_kecelakaan", "Tgl. Meninggal"])
def test_incident_date_headers(header):
    from etl.contracts import CONTRACTS, alias_index, norm_header
    assert alias_index(CONTRACTS["claims"])[norm_header(header)] == "incident_date"


def test_warehouse_from_before_the_incident_date_gains_it(tmp_path):
    """A warehouse whose claims table predates incident_date gets the column (last, where the
    loader's insert puts it) when a build opens it."""
    import duckdb

    from etl.warehouse import open_build
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("""create table claims (claim_id varchar not null, member_key varchar not null,
                   programme_code varchar not null, filed_date date, paid_date date not null,
                   amount_rp bigint not null, regency_code varchar not null, segment_code varchar,
                   cause varchar, load_id integer not null, row_number bigint not null)""")
    con.close()
    con = open_build(path)
    assert [r[0] for r in con.execute("describe claims").fetchall()][-2:] == ["row_number", "incident_date"]
    con.close()
