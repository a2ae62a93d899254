"""Unusual months of claims (mart_claims_anomaly) on claims files written here, Jan 2018 -
Dec 2021 (as of Dec 2021), every series growing 60% a year:

series                      claims a month                    planted
TTS, PU, JHT (Rp 1 juta)    round(20 x 1.6^(t/12)), t = 0..47  Jun 2020: three times as many claims;
                                                               Mar 2021: one claim of Rp 400 juta
                                                               in place of a Rp 1 juta one
TTU, PU, JKK (Rp 5 juta)    round(10 x 1.6^(t/12)), December   a December peak every year
                            twice that
Kota Kupang, BPU, JKM       one Rp 42 juta claim every other   May 2021: three claims (Rp 126 juta)
(Rp 42 juta)                month

Recall: both planted JHT months are flagged, the first on the count and the Rupiah, the
second on the Rupiah only. Steady 60% growth raises no alarm anywhere else. The December peak
is flagged in Dec 2020 (35 months of history: no season yet) and expected in Dec 2021 (three
Decembers back). The JKM series never has 5 expected claims: never scored.
"""
from __future__ import annotations

import datetime as dt
import math

import pytest

from tests.helpers import loaded, query

D = dt.date
MONTHS = [D(2018 + t // 12, t % 12 + 1, 1) for t in range(48)]


def jht(t: int) -> int:
    n = round(20 * 1.6 ** (t / 12))
    return 3 * n if MONTHS[t] == D(2020, 6, 1) else n


def jkk(t: int) -> int:
    return round(10 * 1.6 ** (t / 12)) * (2 if MONTHS[t].month == 12 else 1)


def rows() -> list[str]:
    out = []
    for t, m in enumerate(MONTHS):
        day = f"15/{m.month:02d}/{m.year}"
        amounts = [("JHT", "TTS", "PU", 1_000_000)] * jht(t) + [("JKK", "TTU", "PU", 5_000_000)] * jkk(t)
        if m == D(2021, 3, 1):
            amounts[0] = ("JHT", "TTS", "PU", 400_000_000)
        amounts += [("JKM", "Kota Kupang", "BPU", 42_000_000)] * (3 if m == D(2021, 5, 1) else t % 2)
        out += [f"A-{t}-{i},53020101{t:02d}{i:06d},{prog},{day},{rp},{reg},{seg}"
                for i, (prog, reg, seg, rp) in enumerate(amounts)]
    return out


def files(folder):
    members = folder / "peserta.csv"
    members.write_text("NIK;Tgl Kepesertaan;Kab/Kota;Segmen\n5302010101900001;15/01/2018;TTS;PU\n")
    claims = folder / "klaim.csv"
    claims.write_text("No. Klaim,NIK,Program,Tgl Bayar,Nominal,Kab/Kota,Segmen\n" + "\n".join(rows()) + "\n")
    return [members, claims]


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    with loaded(tmp_path_factory, "anomaly", files, "2021-12") as path:
        yield path


def flagged(wh, level, programme):
    return query(wh, """select month, is_anomaly_n, is_anomaly_rp from mart_claims_anomaly
                        where level = $l and programme_code = $p and is_anomaly order by month""",
                 l=level, p=programme)


@pytest.mark.parametrize("level", ["regency", "province"])
def test_planted_spikes_flagged_and_steady_growth_quiet(wh, level):
    assert flagged(wh, level, "JHT") == [(D(2020, 6, 1), True, True),     # three times the claims
                                         (D(2021, 3, 1), False, True)]    # one Rp 400 juta claim


def test_december_peak_expected_once_three_years_are_known(wh):
    assert flagged(wh, "regency", "JKK") == [(D(2020, 12, 1), True, True)]
    (season, z_n), = query(wh, """select season_factor, z_n from mart_claims_anomaly where level = 'regency'
                                  and programme_code = 'JKK' and month = '2021-12-01'""")
    assert season > 1.5 and abs(z_n) < 3.5


def test_few_claims_are_never_scored(wh):
    # one Rp 42 juta death claim every other month: 0.5 expected, never 5
    assert query(wh, """select count(*), count(z_n), count(z_rp), bool_or(is_anomaly), max(n_claims)
                        from mart_claims_anomaly where programme_code = 'JKM'""") == [(2 * 48, 0, 0, False, 3)]


def median3(a, b, c):
    return sorted([a, b, c])[1]


def test_baseline_by_hand(wh):
    """Jan 2021 (t = 36) of the JHT series, from the documented method: the three yearly
    totals of 2018, 2019, 2020 (with the Jun 2020 spike), Theil-Sen growth, the trend carried
    6.5 months forward, the season of the same month 1-3 years back (median, shrunk), and the
    scores with Poisson plus 15% variation; m2 = mean squared claim of the 36 months before."""
    n = [jht(t) for t in range(48)]
    y1, y2, y3 = sum(n[0:12]), sum(n[12:24]), sum(n[24:36])
    g = median3(math.log(y2 / y1), math.log(y3 / y2), math.log(y3 / y1) / 2)

    def trend(k):
        return y3 / 12 * math.exp(g * (6.5 - k) / 12)

    back = [trend(k) for k in (12, 24, 36)]
    ratio = median3(n[24] / back[0], n[12] / back[1], n[0] / back[2])
    season = 1 + (ratio - 1) * sum(back) / (sum(back) + 30)
    expected = trend(0) * season
    z_n = (n[36] - expected) / math.sqrt(expected + (0.15 * expected) ** 2)
    # every JHT claim before Mar 2021 is Rp 1 juta: the Rupiah series is the count x 1 juta
    z_rp = (n[36] * 1e6 - expected * 1e6) / math.sqrt(expected * 1e12 + (0.15 * expected * 1e6) ** 2)
    (growth, s, e_n, e_rp, zn, zrp, hist), = query(wh, """
        select growth_pct_year, season_factor, expected_n, expected_rp, z_n, z_rp, n_history
        from mart_claims_anomaly where level = 'regency' and programme_code = 'JHT' and month = '2021-01-01'""")
    assert hist == 36
    assert growth == pytest.approx(100 * (math.exp(g) - 1))
    # the spike inflates 2020: from 2019 to 2020 alone +86%; the median of the three slopes
    # (+60%, +86%, +73% a year) keeps closer to the true 60%
    assert 60 < growth < 75 < 100 * (y3 / y2 - 1)
    assert (s, e_n, e_rp / 1e6) == pytest.approx((season, expected, expected))
    assert (zn, zrp) == pytest.approx((z_n, z_rp))


def test_claims_page_lists_them(wh):
    from tests.helpers import open_app, shown
    at = open_app("pages/claims.py", **{"from": "2020-01", "to": "2021-12"})
    assert not at.exception and not at.error
    table, = [shown(d) for d in at.dataframe if "Yang tidak biasa" in d.value.columns]
    # furthest out first; each flagged month of a regency also at the province (its only regency)
    assert table[["Bulan", "Wilayah", "Segmen", "Program", "Yang tidak biasa"]].values.tolist() == [
        ["Mar 2021", "NTT (provinsi)", "PU", "JHT", "Nilai klaim"],
        ["Mar 2021", "Kabupaten Timor Tengah Selatan", "PU", "JHT", "Nilai klaim"],
        ["Jun 2020", "NTT (provinsi)", "PU", "JHT", "Kasus dan nilai"],
        ["Jun 2020", "Kabupaten Timor Tengah Selatan", "PU", "JHT", "Kasus dan nilai"],
        ["Des 2020", "NTT (provinsi)", "PU", "JKK", "Kasus dan nilai"],
        ["Des 2020", "Kabupaten Timor Tengah Utara", "PU", "JKK", "Kasus dan nilai"]]
    jun = table.iloc[3]
    # 3 x round(20 x 1.6^(29/12)) = 3 x 62 claims of Rp 1 juta, about 62.9 expected
    assert (jun["Kasus"], jun["Kasus diharapkan"], jun["Nilai klaim"], jun["Arah"]) \
        == ("186", "62,9", "Rp 186.000.000", "Jauh di atas biasanya")
    # JHT and JKK, regency and province, 24 months each (2020-2021) can be scored; JKM never
    assert "6 dari 96 seri-bulan yang dinilai ditandai" in " ".join(c.value for c in at.caption)
