"""Property tests of the value parsers (etl/sql/macros.sql) and of the regency
lookup, run in a small in-memory DuckDB.

Each parser must read every way offices write a value, and for any other text
return NULL (the validator turns NULL into a reason code): never raise, since
one odd cell must not stop a load of a million rows.
"""
from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import reference, privacy
from etl.extract import RAW, Extracted
from etl.validate import build_lookups
from etl.warehouse import sql_file

MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
             "Agustus", "September", "Oktober", "November", "Desember"]
ABBR_ID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
EXCEL_EPOCH = dt.date(1899, 12, 30)

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect()
    privacy.register(c)
    c.execute(sql_file("macros.sql"))
    reg = reference.read_csv("regencies.csv")
    c.register("_keys", reference.regency_keys(reg))
    c.execute("create table ref_regency_key as select * from _keys")
    c.unregister("_keys")
    yield c
    c.close()


def one(con, fn: str, value):
    return con.execute(f"select {fn}($v)", {"v": value}).fetchall()[0][0]


def many(con, fn: str, values: list) -> list:
    """One query for a batch: binding the larger macros costs ~20 ms per query."""
    return con.execute(f"select [{fn}(x) for x in $v::varchar[]]", {"v": values}).fetchall()[0][0]


def check_all(con, fn: str, pairs: list[tuple[str, object]]) -> None:
    got = many(con, fn, [text for text, _ in pairs])
    wrong = [(text, want, g) for (text, want), g in zip(pairs, got) if g != want]
    assert not wrong, wrong[:5]


def indonesian_thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# --- dates -------------------------------------------------------------------------

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))


def written_dates(d: dt.date) -> list[str]:
    return [
        f"{d.day:02d}/{d.month:02d}/{d.year}",                 # 14/08/2020
        f"{d.day}/{d.month}/{d.year}",                         # 14/8/2020
        d.isoformat(),                                         # 2020-08-14
        f"{d.isoformat()} 00:00:00",                           # a datetime cell written as text
        f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}",          # 14 Agustus 2020
        f"{d.day} {MONTHS_ID[d.month - 1].upper()} {d.year}",  # 14 AGUSTUS 2020
        f"{d.day:02d}-{ABBR_ID[d.month - 1]}-{d.year}",        # 14-Agu-2020
        str((d - EXCEL_EPOCH).days),                           # Excel serial 44057
        f"{(d - EXCEL_EPOCH).days}.0",                         # ... read as a float
    ]


def two_digit_year(d: dt.date) -> str:
    return f"{d.day:02d}-{ABBR_ID[d.month - 1]}-{d.year % 100:02d}"      # 14-Agu-20


@FAST
@given(ds=st.lists(dates, min_size=1, max_size=30))
def test_parse_date_round_trips(con, ds):
    check_all(con, "parse_date", [(text, d) for d in ds for text in written_dates(d)])


@FAST
@given(ds=st.lists(st.dates(min_value=dt.date(1969, 1, 1), max_value=dt.date(2068, 12, 31)), min_size=1, max_size=30))
def test_parse_date_two_digit_year(con, ds):
    # a two-digit year is read in the window 1969..2068 (the POSIX pivot):
    # 69..99 -> 19xx, 00..68 -> 20xx
    check_all(con, "parse_date", [(two_digit_year(d), d) for d in ds])


def test_parse_date_every_day_1950_to_2099(con):
    """Exhaustive, beside the sampled properties: 54,787 days x every written form."""
    day, pairs = dt.date(1950, 1, 1), []
    while day <= dt.date(2099, 12, 31):
        pairs += [(text, day) for text in written_dates(day)]
        if dt.date(1969, 1, 1) <= day <= dt.date(2068, 12, 31):
            pairs.append((two_digit_year(day), day))
        day += dt.timedelta(days=1)
    con.register("_days", pa.table({"v": [p[0] for p in pairs], "want": pa.array([p[1] for p in pairs], pa.date32())}))
    try:
        wrong = con.execute("select v, want, parse_date(v) from _days "
                            "where parse_date(v) is distinct from want limit 5").fetchall()
    finally:
        con.unregister("_days")
    assert not wrong


@pytest.mark.parametrize("text, expected", [
    ("14/08/2020", dt.date(2020, 8, 14)),
    ("14-08-2020", dt.date(2020, 8, 14)),
    ("14.08.2020", dt.date(2020, 8, 14)),
    ("2020-08-14", dt.date(2020, 8, 14)),
    ("14 Agustus 2020", dt.date(2020, 8, 14)),
    ("14 August 2020", dt.date(2020, 8, 14)),
    ("14-Agu-20", dt.date(2020, 8, 14)),
    ("14-Aug-20", dt.date(2020, 8, 14)),
    ("1 Pebruari 2021", dt.date(2021, 2, 1)),
    ("44057", dt.date(2020, 8, 14)),
    ("44057.75", dt.date(2020, 8, 14)),       # Excel serial with a time of day
    ("2020-08-14 10:30:00", dt.date(2020, 8, 14)),
    ("31/02/2020", None),                      # no such day
    ("14/13/2020", None),                      # no such month
    ("2020-08", None),                         # a month, not a date
    ("Agustus", None),
    ("kemarin", None),
    ("", None),
    (None, None),
])
def test_parse_date_examples(con, text, expected):
    assert one(con, "parse_date", text) == expected


# --- months ------------------------------------------------------------------------

months = st.builds(lambda y, m: dt.date(y, m, 1), st.integers(1950, 2099), st.integers(1, 12))


def written_months(m: dt.date) -> list[str]:
    return [f"{m.year}-{m.month:02d}", f"{m.month:02d}/{m.year}", f"{m.month}/{m.year}",
            f"{MONTHS_ID[m.month - 1]} {m.year}", f"{MONTHS_ID[m.month - 1].upper()} {m.year}",
            f"{ABBR_ID[m.month - 1]} {m.year}", f"{m.year}{m.month:02d}", m.isoformat()]


@FAST
@given(ms=st.lists(months, min_size=1, max_size=30))
def test_parse_month_round_trips(con, ms):
    check_all(con, "parse_month", [(text, m) for m in ms for text in written_months(m)])


def test_parse_month_every_month_1950_to_2099(con):
    check_all(con, "parse_month", [(text, dt.date(y, mo, 1)) for y in range(1950, 2100) for mo in range(1, 13)
                                   for text in written_months(dt.date(y, mo, 1))])


@pytest.mark.parametrize("text, expected", [
    ("2020-08", dt.date(2020, 8, 1)),
    ("08/2020", dt.date(2020, 8, 1)),
    ("Agustus 2020", dt.date(2020, 8, 1)),
    ("Agu-20", dt.date(2020, 8, 1)),
    ("14/08/2020", dt.date(2020, 8, 1)),       # a full date gives its month
    ("13/2020", None),
    ("2020", None),
    ("bulan lalu", None),
])
def test_parse_month_examples(con, text, expected):
    assert one(con, "parse_month", text) == expected


# --- money -------------------------------------------------------------------------

@FAST
@given(ns=st.lists(st.integers(0, 10**13), min_size=1, max_size=30))
def test_parse_money_round_trips(con, ns):
    check_all(con, "parse_money", [(text, n) for n in ns for text in [
        f"Rp {indonesian_thousands(n)}", f"Rp{indonesian_thousands(n)}", f"Rp. {indonesian_thousands(n)}",
        f"{indonesian_thousands(n)},00", str(n), f"{n:,}.00", f"{n}.0"]])


@pytest.mark.parametrize("text, expected", [
    ("Rp 1.234.567", 1_234_567),
    ("1.234.567,00", 1_234_567),
    ("1234567", 1_234_567),
    ("IDR 600.000", 600_000),
    ("-16.800", -16_800),                      # parsed; the validator quarantines AMOUNT_NEGATIVE
    ("1.234.567.890.123.456.789.012", None),   # too large for any Rupiah amount: NULL, not an error
    ("1,234,567,890,123,456,789,012", None),
    ("12.34.567", None),
    ("enam ratus ribu", None),
    ("", None),
])
def test_parse_money_examples(con, text, expected):
    assert one(con, "parse_money", text) == expected


# --- NIK ---------------------------------------------------------------------------

digits = st.text(alphabet="0123456789", min_size=16, max_size=16)


@FAST
@given(niks=st.lists(digits, min_size=1, max_size=30))
def test_nik_reason_accepts_16_digits(con, niks):
    check_all(con, "nik_reason", [(text, None) for n in niks for text in [n, "'" + n, f" {n} ", f"{n}.0"]])
    check_all(con, "nik_text", [(f"'{n} ", n) for n in niks])


@FAST
@given(niks=st.lists(st.text(alphabet="0123456789", min_size=15, max_size=15), min_size=1, max_size=30),
       extra=st.sampled_from("0123456789"))
def test_nik_reason_rejects_lost_or_extra_digits(con, niks, extra):
    check_all(con, "nik_reason", [(n, "NIK_TOO_SHORT") for n in niks] +
              [(n + extra + extra, "NIK_TOO_LONG") for n in niks])


@FAST
@given(niks=st.lists(digits, min_size=1, max_size=30))
def test_nik_reason_rejects_scientific_notation(con, niks):
    # what Excel shows for a NIK kept as a number: '5.30101E+15' (digits lost)
    check_all(con, "nik_reason", [(text, "NIK_EXCEL_SCIENTIFIC") for n in niks for text in [
        f"{n[0]}.{n[1:6]}E+15", f"{float(n):.5E}", f"{float(n):.14e}", f"{n[0]},{n[1:6]}E+15"]])


@FAST
@given(texts=st.lists(st.one_of(digits, st.text(alphabet="0123456789-. E+',", max_size=25)), min_size=1, max_size=30))
def test_nik_mask_keeps_at_most_six_digits(con, texts):
    """What the quarantine may show of a rejected NIK: its shape, and no more than the
    first six digits (province, regency, district)."""
    for raw, masked in zip(texts, many(con, "nik_mask", texts)):
        assert len(masked) == len(raw)
        assert sum(ch in "0123456789" for ch in masked) <= 6
        assert [ch for ch in masked if ch not in "0123456789*"] == [ch for ch in raw if ch not in "0123456789"]


@pytest.mark.parametrize("text, masked", [
    ("5302-0101-9000-01", "5302-01**-****-**"),
    ("5.302010101E+15", "5.30201****E+**"),
    ("53020101019000044", "530201***********"),
    ("NIK 5302010101900001", "NIK 530201**********"),
])
def test_nik_mask_examples(con, text, masked):
    assert one(con, "nik_mask", text) == masked


@pytest.mark.parametrize("text, reason", [
    ("5301012345678901", None),
    ("5.30101E+15", "NIK_EXCEL_SCIENTIFIC"),
    ("530101234567890", "NIK_TOO_SHORT"),
    ("53010123456789012", "NIK_TOO_LONG"),
    ("5301-0123-4567", "NIK_NOT_DIGITS"),
    ("", "NIK_MISSING"),
    (None, "NIK_MISSING"),
])
def test_nik_reason_examples(con, text, reason):
    assert one(con, "nik_reason", text) == reason


# --- regency lookup ----------------------------------------------------------------

def regency_lookup(con, values: list[str]) -> dict[str, tuple]:
    """The validator's own lookup (validate.build_lookups) on a one-column file text (RAW)."""
    con.execute("attach if not exists ':memory:' as file_rows")
    con.execute(f"create or replace table {RAW} as select unnest($v) as regency", {"v": values})
    build_lookups(con, Extracted("members", {"regency": "Kab/Kota"}, []))
    return {v: (code, known) for v, code, known in con.execute("select v, val, known from lk_regency").fetchall()}


def regency_spellings() -> list[tuple[str, str]]:
    out = []
    for r in reference.read_csv("regencies.csv").itertuples():
        out += [(r.bps_code, r.kemendagri_code), (r.kemendagri_code, r.kemendagri_code),
                (r.name.upper(), r.kemendagri_code), (r.name, r.kemendagri_code), (r.label, r.kemendagri_code)]
        out += [(a, r.kemendagri_code) for a in r.aliases.split("|") if a]
        if not r.name.startswith("Kota"):     # 'Kab. TTS', 'KAB SBD', 'Kabupaten Mabar'
            out += [(f"Kab. {r.label}", r.kemendagri_code), (f"KAB {r.label.upper()}", r.kemendagri_code)]
            out += [(f"Kabupaten {a}", r.kemendagri_code) for a in r.aliases.split("|")
                    if a and not a.lower().startswith(("kab", "kota"))]
    return out


def test_every_regency_found_by_each_code_name_and_alias(con):
    spellings = regency_spellings()
    found = regency_lookup(con, [s for s, _ in spellings])
    wrong = [(s, code, found.get(s)) for s, code in spellings if found.get(s) != (code, True)]
    assert not wrong
    assert len({c for _, c in spellings}) == 22


@pytest.mark.parametrize("text, expected", [
    ("5301", ("53.12", True)),        # BPS 5301 is Sumba Barat, not Kemendagri 53.01
    ("53.01", ("53.01", True)),       # Kemendagri 53.01 is Kabupaten Kupang (BPS 5303)
    ("5304", ("53.02", True)),        # BPS 5304 is TTS; Kemendagri 53.04 is Belu
    ("53.04", ("53.04", True)),
    ("Kab. TTS", ("53.02", True)),
    ("KABUPATEN KUPANG", ("53.01", True)),
    ("kota  kupang", ("53.71", True)),
    ("Kupang", (None, True)),         # Kabupaten or Kota: ambiguous, never guessed
    ("53.99", (None, False)),
    ("5399", (None, False)),
    ("5322", (None, False)),
    ("Jakarta", (None, False)),
])
def test_regency_examples(con, text, expected):
    assert regency_lookup(con, [text])[text] == expected


# --- any text: a value or NULL, never an error -------------------------------------

PARSERS = ["parse_date", "parse_month", "parse_money", "parse_small_int", "nik_reason", "nik_text", "norm_key",
           "nik_mask"]

messy = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789.,-/ :eE+RpIDR'", max_size=40),
    st.from_regex(r"\d{1,3}([.,]\d{3}){0,8}([.,]\d{1,4})?", fullmatch=True),
    st.from_regex(r"\d{1,2}[ /.-](\w{1,9})[ /.-]\d{1,4}", fullmatch=True),
)


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(messy, min_size=1, max_size=25))
def test_parsers_never_raise(con, texts):
    rows = con.execute(f"select {', '.join(f'{p}(v)' for p in PARSERS)} from unnest($v::varchar[]) t(v)",
                       {"v": texts}).fetchall()
    assert len(rows) == len(texts)
    for date, month, money, small, reason, *_ in rows:
        assert date is None or dt.date(1900, 1, 1) <= date <= dt.date(2100, 12, 31)
        assert month is None or month.day == 1
        assert money is None or isinstance(money, int)
        assert small is None or isinstance(small, int)
        assert reason is None or reason.startswith("NIK_")


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(st.text(max_size=30), min_size=1, max_size=8))
def test_regency_lookup_never_raises(con, texts):
    found = regency_lookup(con, texts)
    assert len(found) <= len(set(texts))
    assert all(code is None or code.startswith("53.") for code, _ in found.values())
