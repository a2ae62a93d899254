"""ui.fmt: hand-computed tables plus property tests."""
import datetime as dt
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, strategies as st

from ui import fmt


@pytest.mark.parametrize("n, id_, en", [
    (0, "0", "0"),
    (7, "7", "7"),
    (1_000, "1.000", "1,000"),
    (1_234_567, "1.234.567", "1,234,567"),
    (-1_234_567, "-1.234.567", "-1,234,567"),
    (1_000_000.0, "1.000.000", "1,000,000"),
    (2.5, "3", "3"),          # half-up, not banker's rounding
    (-0.4, "0", "0"),         # no "-0"
    (np.int64(5000), "5.000", "5,000"),
    (None, "–", "–"),
    (float("nan"), "–", "–"),
    (pd.NA, "–", "–"),
    (float("inf"), "–", "–"),
])
def test_number(n, id_, en):
    assert fmt.number(n) == id_
    assert fmt.number(n, "en") == en


@pytest.mark.parametrize("x, digits, id_, en", [
    (45.83, 1, "45,8", "45.8"),
    (45.85, 1, "45,9", "45.9"),
    (1234.5, 1, "1.234,5", "1,234.5"),
    (3, 2, "3,00", "3.00"),
    (-0.04, 1, "0,0", "0.0"),
    (None, 1, "–", "–"),
])
def test_decimal(x, digits, id_, en):
    assert fmt.decimal(x, digits) == id_
    assert fmt.decimal(x, digits, "en") == en


@pytest.mark.parametrize("x, digits, id_, en", [
    (45.83, 1, "45,8%", "45.8%"),
    (100, 1, "100,0%", "100.0%"),
    (0, 0, "0%", "0%"),
    (12.345, 2, "12,35%", "12.35%"),
    (float("nan"), 1, "–", "–"),
])
def test_pct(x, digits, id_, en):
    assert fmt.pct(x, digits) == id_
    assert fmt.pct(x, digits, lang="en") == en


@pytest.mark.parametrize("n, id_, en", [
    (1_234_567, "Rp 1.234.567", "Rp 1,234,567"),
    (16_800, "Rp 16.800", "Rp 16,800"),
    (0, "Rp 0", "Rp 0"),
    (-5_000, "-Rp 5.000", "-Rp 5,000"),
    (600_000.4, "Rp 600.000", "Rp 600,000"),
    (None, "–", "–"),
])
def test_rupiah(n, id_, en):
    assert fmt.rupiah(n) == id_
    assert fmt.rupiah(n, "en") == en


@pytest.mark.parametrize("n, id_, en", [
    (99_000_000_000, "Rp 99,0 miliar", "Rp 99.0 billion"),
    (999_950_000, "Rp 1,0 miliar", "Rp 1.0 billion"),      # not "1.000,0 juta"
    (999_949_999, "Rp 999,9 juta", "Rp 999.9 million"),
    (1_200_000, "Rp 1,2 juta", "Rp 1.2 million"),
    (1_250_000, "Rp 1,3 juta", "Rp 1.3 million"),          # half-up
    (1_500_000_000_000, "Rp 1,5 triliun", "Rp 1.5 trillion"),
    (850_000, "Rp 850 ribu", "Rp 850 thousand"),
    (999_500, "Rp 1,0 juta", "Rp 1.0 million"),            # not "1.000 ribu"
    (12_345, "Rp 12 ribu", "Rp 12 thousand"),
    (9_999, "Rp 9.999", "Rp 9,999"),                       # exact below 10 ribu
    (1_500, "Rp 1.500", "Rp 1,500"),
    (950, "Rp 950", "Rp 950"),
    (0, "Rp 0", "Rp 0"),
    (-1_200_000, "-Rp 1,2 juta", "-Rp 1.2 million"),
    (2_000_000_000_000_000, "Rp 2.000,0 triliun", "Rp 2,000.0 trillion"),  # no larger unit
    (None, "–", "–"),
])
def test_rupiah_short(n, id_, en):
    assert fmt.rupiah_short(n) == id_
    assert fmt.rupiah_short(n, "en") == en


@pytest.mark.parametrize("n, id_, en", [
    (1_234_567, "1,2 juta", "1.2 million"),
    (1_000_000, "1,0 juta", "1.0 million"),
    (245_000, "245 ribu", "245 thousand"),
    (999_999, "1,0 juta", "1.0 million"),
    (950, "950", "950"),
    (-245_000, "-245 ribu", "-245 thousand"),
    (float("nan"), "–", "–"),
])
def test_count_short(n, id_, en):
    assert fmt.count_short(n) == id_
    assert fmt.count_short(n, "en") == en


@pytest.mark.parametrize("n, kwargs, id_, en", [
    (1_234, {}, "+1.234", "+1,234"),
    (-1_234, {}, "-1.234", "-1,234"),
    (0, {}, "0", "0"),
    (0.4, {}, "0", "0"),
    (2.25, {"digits": 1}, "+2,3", "+2.3"),
    (None, {}, "–", "–"),
])
def test_signed(n, kwargs, id_, en):
    assert fmt.signed(n, **kwargs) == id_
    assert fmt.signed(n, "en", **kwargs) == en


@pytest.mark.parametrize("m, id_, en, id_long, en_long", [
    ("2020-08", "Agu 2020", "Aug 2020", "Agustus 2020", "August 2020"),
    ("2021-05-31", "Mei 2021", "May 2021", "Mei 2021", "May 2021"),
    ("2026-12", "Des 2026", "Dec 2026", "Desember 2026", "December 2026"),
    (dt.date(2020, 10, 1), "Okt 2020", "Oct 2020", "Oktober 2020", "October 2020"),
    (dt.datetime(2020, 8, 14, 9, 5), "Agu 2020", "Aug 2020", "Agustus 2020", "August 2020"),
    (pd.Timestamp("2022-02-01"), "Feb 2022", "Feb 2022", "Februari 2022", "February 2022"),
    (pd.Period("2020-08", "M"), "Agu 2020", "Aug 2020", "Agustus 2020", "August 2020"),
    (np.datetime64("2020-08-01"), "Agu 2020", "Aug 2020", "Agustus 2020", "August 2020"),
    (None, "–", "–", "–", "–"),
    (pd.NaT, "–", "–", "–", "–"),
])
def test_month(m, id_, en, id_long, en_long):
    assert fmt.month(m) == id_
    assert fmt.month(m, "en") == en
    assert fmt.month_long(m) == id_long
    assert fmt.month_long(m, "en") == en_long


@pytest.mark.parametrize("bad", ["2020-13", "Agustus", "20-08"])
def test_month_rejects_garbage(bad):
    with pytest.raises(ValueError):
        fmt.month(bad)


@pytest.mark.parametrize("d, id_, en", [
    (dt.date(2020, 8, 14), "14 Agu 2020", "14 Aug 2020"),
    (dt.date(2020, 8, 4), "4 Agu 2020", "4 Aug 2020"),
    ("2020-08-14", "14 Agu 2020", "14 Aug 2020"),
    (pd.Timestamp("2021-05-01 13:00"), "1 Mei 2021", "1 May 2021"),
    (None, "–", "–"),
])
def test_date(d, id_, en):
    assert fmt.date(d) == id_
    assert fmt.date(d, "en") == en


@pytest.mark.parametrize("d, id_, en", [
    (dt.datetime(2020, 8, 14, 9, 5), "14 Agu 2020 09.05", "14 Aug 2020 09:05"),
    ("2020-08-14T23:59:59", "14 Agu 2020 23.59", "14 Aug 2020 23:59"),
    (pd.Timestamp("2021-05-01 13:00"), "1 Mei 2021 13.00", "1 May 2021 13:00"),
    (pd.NaT, "–", "–"),
])
def test_datetime(d, id_, en):
    assert fmt.datetime_(d) == id_
    assert fmt.datetime_(d, "en") == en
    assert fmt.time_(d) == (id_.rsplit(" ", 1)[-1] if id_ != "–" else "–")
    assert fmt.time_(d, "en") == (en.rsplit(" ", 1)[-1] if en != "–" else "–")


def test_plotly_separators_and_month_lists():
    assert fmt.plotly_separators("id") == ",."
    assert fmt.plotly_separators("en") == ".,"
    assert fmt.MONTHS_ID == ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
                             "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    assert len(fmt.MONTHS_EN) == 12 and fmt.MONTHS_EN[7] == "Aug"


@pytest.mark.parametrize("func", [fmt.number, fmt.pct, fmt.rupiah, fmt.rupiah_short])
def test_unknown_language_is_an_error(func):
    with pytest.raises(ValueError):
        func(1, lang="fr")


# --- properties ----------------------------------------------------------

@given(st.integers(min_value=-10**18, max_value=10**18))
def test_number_round_trips(n):
    assert int(fmt.number(n).replace(".", "")) == n
    assert int(fmt.number(n, "en").replace(",", "")) == n


@given(st.integers(min_value=-10**18, max_value=10**18))
def test_rupiah_round_trips(n):
    text = fmt.rupiah(n)
    assert re.fullmatch(r"-?Rp \d{1,3}(\.\d{3})*", text)
    assert int(text.replace("Rp ", "").replace(".", "")) == n


_SHORT = re.compile(r"-?Rp (\d{1,3}(?:\.\d{3})*)(?:,(\d))?(?: (ribu|juta|miliar|triliun))?")
_FACTOR = {None: 1, "ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}


@given(st.one_of(st.integers(min_value=-10**17, max_value=10**17),
                 st.floats(min_value=-1e17, max_value=1e17)))
def test_rupiah_short_never_overflows_and_stays_close(n):
    text = fmt.rupiah_short(n)
    found = _SHORT.fullmatch(text)
    assert found, text
    whole, dec, unit = found.groups()
    shown = int(whole.replace(".", "")) + (int(dec) / 10 if dec else 0)
    limit = 10_000 if unit is None else 1000
    if unit != "triliun":  # no larger unit to promote to
        assert shown < limit, text
    assert "1.000,0" not in text or unit == "triliun"
    # within half a display step of the true value
    step = _FACTOR[unit] * (0.1 if dec else 1)
    assert math.isclose(shown * _FACTOR[unit], abs(n), abs_tol=step / 2 + 1e-6 * abs(n))


@given(st.integers(min_value=1900, max_value=2100), st.integers(min_value=1, max_value=12))
def test_month_contains_year(year, m):
    for lang in ("id", "en"):
        assert str(year) in fmt.month(f"{year}-{m:02d}", lang)
        assert fmt.month(f"{year}-{m:02d}", lang) == fmt.month(dt.date(year, m, 1), lang)
        assert str(year) in fmt.month_long(f"{year}-{m:02d}", lang)
