"""The demo is true to NTT: sourced facts measured in the warehouse it loads.

Figures and sources are written here, independently of etl/demo/facts.py, from
../shared/reference/bpjs_facts.md (C = BPJS facts, D = NTT progress), so a wrong
figure in the generator fails here. The facts hold at the default demo
(1,000,000 members, seed 7, as of 2026-10): those tests are marked `slow` (a few
minutes; `pytest -m slow tests/test_demo_facts.py`). Facts that do not depend on
scale (amounts by date, relief months, shares) also run on the small demo of the
default suite, and so do the BPU counts per 1,000,000 members.
"""
from __future__ import annotations

from datetime import date

import pytest

from etl.demo import build
from tests.helpers import query

MILLION = 1_000_000
SMALL = 20_000                           # tests/conftest.py DEMO_MEMBERS

# D: informal coverage 13.6% of BPJS's ~1 juta informal workers, June 2024 (derived ~136k);
# "about 141 ribu (13%)" covered, May 2025.
BPU_ACTIVE = [(date(2024, 6, 1), 136_000), (date(2025, 5, 1), 141_000)]
BPU_TOLERANCE = 0.10
# C: JKM Rp42 juta (PP 82/2019, signed 2 Dec 2019); before, PP 44/2015: Rp24 juta
# (e-Kliping Kemnaker 4 Nov 2019, p. 199). The benefit follows the date of death, which is
# at most a month before the claim is filed.
JKM_OLD, JKM_NEW, PP_82_2019 = 24_000_000, 42_000_000, date(2019, 12, 2)
# C: PP 49/2020: JKK and JKM contributions cut 99% for contribution months Aug 2020 - Jan 2021.
RELIEF_FIRST, RELIEF_LAST, RELIEF_KEEP = date(2020, 8, 1), date(2021, 1, 1), 0.01
# C: BPU JKK 1% of declared income, min Rp10,000; JKM Rp6,800; JHT 2%. PU JKK 0.54%
# (risk class 2, the demo's choice), JKM 0.30%, JHT 5.7%, JP 3%.
PU_RISK_RATE, PU_OTHER_RATE = 0.0054 + 0.0030, 0.057 + 0.03
# D: claims paid in NTT, 2022 (timexkupang 10 Feb 2023): JHT Rp342,869,184,542 of
# Rp381,049,853,774 (the four programmes' amounts), JKM Rp32,563,500,000; 2023 Rp402
# miliar (tribunnews 25 Jul 2024); Jan-Aug 2020 Rp99 miliar (KiblatNTT 14 Aug 2020).
JHT_SHARE_2022, JHT_SHARE_POINTS = 342_869_184_542 / 381_049_853_774, 0.03
CLAIMS_PAID = [  # (first month, last month, programme or None, Rupiah, tolerance)
    (date(2022, 1, 1), date(2022, 12, 1), None, 381_049_853_774, 0.05),
    (date(2022, 1, 1), date(2022, 12, 1), "JHT", 342_869_184_542, 0.05),
    (date(2022, 1, 1), date(2022, 12, 1), "JKM", 32_563_500_000, 0.10),
    (date(2023, 1, 1), date(2023, 12, 1), None, 402_000_000_000, 0.05),
    (date(2020, 1, 1), date(2020, 8, 1), None, 99_000_000_000, 0.05),
]


@pytest.fixture(scope="module")
def million(tmp_path_factory):
    """The default demo, built by the one recipe into a private warehouse."""
    tmp = tmp_path_factory.mktemp("million")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SEJUTA_WAREHOUSE", str(tmp / "warehouse.duckdb"))
        mp.setenv("SEJUTA_KEY_FILE", str(tmp / "nik.key"))
        built = build(MILLION, seed=7, as_of="2026-10", out=tmp / "raw", progress=lambda *_: None)
    return built.warehouse, MILLION


@pytest.fixture(scope="module", params=["20k", pytest.param("1M", marks=pytest.mark.slow)])
def demo(request):
    """(warehouse, members) of the small demo of the default suite, or of the default demo."""
    if request.param == "1M":
        return request.getfixturevalue("million")
    return request.getfixturevalue("demo_env")[2], SMALL


def bpu_active(wh, month: date) -> int:
    return query(wh, "select n_active_bpu from mart_province_monthly where month = $m", m=month)[0][0]


@pytest.mark.parametrize("month, expected", BPU_ACTIVE)
def test_bpu_active_members_per_million(demo, month, expected):
    wh, members = demo
    per_million = bpu_active(wh, month) * MILLION / members
    assert abs(per_million / expected - 1) <= BPU_TOLERANCE, (month, round(per_million))


def test_jkm_benefit_is_the_amount_in_force_on_the_date(demo):
    rows = query(demo[0], "select filed_date, amount_rp from claims where programme_code = 'JKM'")
    assert {a for _, a in rows} == {JKM_OLD, JKM_NEW}
    assert all(a == JKM_OLD for d, a in rows if d < PP_82_2019)
    assert all(a == JKM_NEW for d, a in rows if d.toordinal() >= PP_82_2019.toordinal() + 32)


RISK_PAID = """
    with c as (
        select c.period_start_month as s, c.period_end_month as e, m.segment_code as seg,
               c.amount_rp / (date_diff('month', c.period_start_month, c.period_end_month) + 1) as monthly,
               m.declared_income_rp as income, coalesce(m.programmes, '') like '%JHT%' as jht
        from contributions c join members m using (member_key)
        where m.segment_code in ('BPU', 'PU')
    ),
    risk as (   -- JKK + JKM paid per month, and what the normal rates ask
        select *, case when seg = 'BPU' then monthly - jht::int * income * 0.02
                       else monthly - income * $pu_other end as paid,
                  case when seg = 'BPU' then greatest(income * 0.01, 10000) + 6800
                       else income * $pu_risk end as normal
        from c
    )
    select seg, s >= $first and e <= $last as relieved, count(*) as n_rows,
           min(paid / normal) as lo, max(paid / normal) as hi,
           count(*) filter (where s < $first and e >= $first or s <= $last and e > $last) as straddling
    from risk group by all order by all
"""


def test_relief_months_pay_one_percent_of_jkk_and_jkm(demo):
    rows = query(demo[0], RISK_PAID, first=RELIEF_FIRST, last=RELIEF_LAST,
                 pu_risk=PU_RISK_RATE, pu_other=PU_OTHER_RATE)
    got = {(seg, relieved): (n, lo, hi, straddling) for seg, relieved, n, lo, hi, straddling in rows}
    assert set(got) == {("BPU", False), ("BPU", True), ("PU", False), ("PU", True)}
    for (seg, relieved), (n, lo, hi, straddling) in got.items():
        keep = RELIEF_KEEP if relieved else 1.0
        slack = 1e-9 if seg == "BPU" else 0.001     # PU wages: whole Rupiah per month
        assert keep - slack <= lo <= hi <= keep + slack, (seg, relieved, lo, hi)
        assert straddling == 0


def claims_paid(wh, first: date, last: date, programme: str | None = None) -> int:
    return query(wh, """select coalesce(sum(claims_rp), 0) from mart_claims_monthly
                        where month between $a and $b and ($p is null or programme_code = $p)""",
                 a=first, b=last, p=programme)[0][0]


def test_jht_share_of_claim_money_2022(demo):
    wh = demo[0]
    a, b = date(2022, 1, 1), date(2022, 12, 1)
    share = claims_paid(wh, a, b, "JHT") / claims_paid(wh, a, b)
    assert abs(share - JHT_SHARE_2022) <= JHT_SHARE_POINTS, share


@pytest.mark.slow
@pytest.mark.parametrize("first, last, programme, expected, tolerance", CLAIMS_PAID)
def test_claims_paid_at_a_million(million, first, last, programme, expected, tolerance):
    paid = claims_paid(million[0], first, last, programme)
    assert abs(paid / expected - 1) <= tolerance, (first, programme, paid)
