"""The one place for formatting numbers, money, percentages, months and dates.

Indonesian ("id", default) uses a dot for thousands and a comma for decimals
(``Rp 1.234.567``, ``45,8%``, ``Rp 99,0 miliar``) and a dot in times
(``09.05``); English ("en") uses ``Rp 1,234,567``, ``45.8%``, ``09:05``.
Rounding is half-up (away from zero), as people round by hand. Missing
values (None, NaN, pandas NA/NaT, infinities) show as an en dash.
Pure functions: no Streamlit import.
"""
from __future__ import annotations

import datetime as _dt
import numbers
import re
from decimal import ROUND_HALF_UP, Decimal

MISSING = "–"
_INF = float("inf")
LANGS = ("id", "en")

MONTHS_ID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
             "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_ID_LONG = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                  "Agustus", "September", "Oktober", "November", "Desember"]
MONTHS_EN_LONG = ["January", "February", "March", "April", "May", "June", "July",
                  "August", "September", "October", "November", "December"]

# (factor, Indonesian word, English word, decimals, shown up to) for *_short.
# Below 10,000 the exact number reads better than "2 ribu" for 1,500.
_UNITS = [
    (10**0, "", "", 0, 10_000),
    (10**3, "ribu", "thousand", 0, 1000),
    (10**6, "juta", "million", 1, 1000),
    (10**9, "miliar", "billion", 1, 1000),
    (10**12, "triliun", "trillion", 1, None),
]


def _check(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGS}")
    return lang


def _missing(x) -> bool:
    """True for None, NaN, pandas NA/NaT and infinities."""
    if x is None:
        return True
    try:
        return bool(x != x) or x in (_INF, -_INF)  # NaN and NaT differ from themselves
    except TypeError:  # pandas NA: bool(NA) raises
        return True


def is_missing(x) -> bool:
    """What the formatters show as missing: None, NaN, pandas NA/NaT, infinities."""
    return _missing(x)


def _dec(x) -> Decimal:
    """Exact Decimal for ints, shortest-repr Decimal for floats (45.85 stays 45.85)."""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, numbers.Integral):  # int, bool, numpy integers
        return Decimal(int(x))
    return Decimal(repr(float(x)))


def _round(x, digits: int) -> Decimal:
    d = _dec(x).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return d if d != 0 else abs(d)  # no "-0"


def _localize(text: str, lang: str) -> str:
    """Turn Python's "1,234.5" into the Indonesian "1.234,5"."""
    if _check(lang) == "en":
        return text
    return text.translate(str.maketrans({",": ".", ".": ","}))


def number(n, lang: str = "id") -> str:
    """Whole number with thousands separators: 1234567 -> "1.234.567" / "1,234,567"."""
    return decimal(n, 0, lang)


def decimal(x, digits: int = 1, lang: str = "id") -> str:
    """Fixed decimals: 45.83 -> "45,8" / "45.8"; 1234.5 -> "1.234,5"."""
    if _missing(x):
        return MISSING
    return _localize(f"{_round(x, digits):,.{digits}f}", lang)


def pct(x, digits: int = 1, lang: str = "id") -> str:
    """Percentage of a 0-100 value: 45.83 -> "45,8%" / "45.8%"."""
    text = decimal(x, digits, lang)
    return text if text == MISSING else text + "%"


def pct_cut(x, digits: int = 1, lang: str = "id") -> str:
    """A share toward a threshold, cut (never rounded up): 49.996 -> "49,9%", so a shown
    "50,0%" has reached 50% and agrees with the tier it earned."""
    if _missing(x):
        return MISSING
    d = _dec(x).quantize(Decimal(1).scaleb(-digits), rounding="ROUND_FLOOR")
    return decimal(d, digits, lang) + "%"


def rupiah(n, lang: str = "id") -> str:
    """Integer Rupiah: 1234567 -> "Rp 1.234.567"; -5000 -> "-Rp 5.000"."""
    if _missing(n):
        return MISSING
    value = _round(n, 0)
    sign = "-" if value < 0 else ""
    return f"{sign}Rp {number(abs(value), lang)}"


def _short(n, lang: str) -> str:
    """Scale to ribu/juta/miliar/triliun; promote when rounding reaches the limit."""
    value = _dec(n)
    sign, value = ("-" if value < 0 else ""), abs(value)
    i = 0
    while _UNITS[i][4] is not None and _round(value / _UNITS[i][0], _UNITS[i][3]) >= _UNITS[i][4]:
        i += 1
    factor, word_id, word_en, digits, _limit = _UNITS[i]
    scaled = _round(value / factor, digits)
    word = word_en if _check(lang) == "en" else word_id
    return f"{sign if scaled else ''}{decimal(scaled, digits, lang)} {word}".rstrip()


def rupiah_short(n, lang: str = "id") -> str:
    """Compact money: 99e9 -> "Rp 99,0 miliar" / "Rp 99.0 billion"; 850000 -> "Rp 850 ribu"."""
    if _missing(n):
        return MISSING
    text = _short(n, lang)
    return f"-Rp {text[1:]}" if text.startswith("-") else f"Rp {text}"


def count_short(n, lang: str = "id") -> str:
    """Compact count for axes/headlines: 1234567 -> "1,2 juta" / "1.2 million"."""
    if _missing(n):
        return MISSING
    return _short(n, lang)


def signed(n, lang: str = "id", digits: int = 0) -> str:
    """Change with explicit sign: 1234 -> "+1.234", -1234 -> "-1.234", 0 -> "0"."""
    if _missing(n):
        return MISSING
    value = _round(n, digits)
    text = decimal(value, digits, lang)
    return "+" + text if value > 0 else text


_YM = re.compile(r"^\s*(\d{4})-(\d{1,2})")


def _ym(m) -> tuple[int, int] | None:
    """(year, month) from "YYYY-MM[-DD...]", date, datetime, Timestamp or Period."""
    if _missing(m):
        return None
    if isinstance(m, str):
        found = _YM.match(m)
        if not found or not 1 <= int(found.group(2)) <= 12:
            raise ValueError(f"not a YYYY-MM month: {m!r}")
        return int(found.group(1)), int(found.group(2))
    if hasattr(m, "year") and hasattr(m, "month"):
        return int(m.year), int(m.month)
    import pandas as pd  # numpy datetime64 and the like

    ts = pd.Timestamp(m)
    return None if _missing(ts) else (ts.year, ts.month)


def _names(lang: str, long: bool) -> list[str]:
    if _check(lang) == "en":
        return MONTHS_EN_LONG if long else MONTHS_EN
    return MONTHS_ID_LONG if long else MONTHS_ID


def month(m, lang: str = "id") -> str:
    """Short month: "2020-08" -> "Agu 2020" / "Aug 2020"."""
    ym = _ym(m)
    return MISSING if ym is None else f"{_names(lang, False)[ym[1] - 1]} {ym[0]}"


def month_long(m, lang: str = "id") -> str:
    """Long month: "2020-08" -> "Agustus 2020" / "August 2020"."""
    ym = _ym(m)
    return MISSING if ym is None else f"{_names(lang, True)[ym[1] - 1]} {ym[0]}"


def _as_datetime(d):
    if _missing(d):
        return None
    if isinstance(d, str):
        return _dt.datetime.fromisoformat(d.strip())
    if isinstance(d, _dt.date):  # also datetime and pandas Timestamp
        return d
    import pandas as pd

    ts = pd.Timestamp(d)
    return None if _missing(ts) else ts


def date(d, lang: str = "id") -> str:
    """Day month year: 2020-08-14 -> "14 Agu 2020" / "14 Aug 2020"."""
    value = _as_datetime(d)
    if value is None:
        return MISSING
    return f"{value.day} {_names(lang, False)[value.month - 1]} {value.year}"


def datetime_(dt, lang: str = "id") -> str:
    """Date and time: "14 Agu 2020 09.05" (Indonesian dot) / "14 Aug 2020 09:05"."""
    value = _as_datetime(dt)
    if value is None:
        return MISSING
    return f"{date(value, lang)} {time_(value, lang)}"


def time_(dt, lang: str = "id") -> str:
    """Time of day: "09.05" (Indonesian dot) / "09:05"."""
    value = _as_datetime(dt)
    if value is None:
        return MISSING
    hour, minute = getattr(value, "hour", 0), getattr(value, "minute", 0)
    return f"{hour:02d}{':' if _check(lang) == 'en' else '.'}{minute:02d}"


def plotly_separators(lang: str = "id") -> str:
    """Plotly layout ``separators``: decimal mark then thousands mark."""
    return ".," if _check(lang) == "en" else ",."


class NotWhole(ValueError):
    """Text that is not a whole number of people; args[0] is why: empty, not_number,
    fraction, negative or too_large."""


def parse_whole(text, lang: str = "id", most: int = 10_000_000) -> int:
    """A count typed the page's way: "14.845" (id) or "14,845" (en), "14845", "14 845".
    A decimal mark ("14,5" in Indonesian) is a fraction; thousands groups must have three
    digits ("1.23" is not a number in Indonesian)."""
    thousands, decimal_mark = (".", ",") if _check(lang) == "id" else (",", ".")
    raw = str(text or "").strip().replace(" ", "").replace("\u00a0", "")
    if not raw:
        raise NotWhole("empty")
    sign = -1 if raw[0] in "-−" else 1
    raw = raw.lstrip("+-−")
    if re.fullmatch(r"\d+" + re.escape(decimal_mark) + r"\d+", raw) or \
            re.fullmatch(r"\d{1,3}(" + re.escape(thousands) + r"\d{3})+" + re.escape(decimal_mark) + r"\d+", raw):
        raise NotWhole("fraction")
    if not re.fullmatch(r"\d+|\d{1,3}(" + re.escape(thousands) + r"\d{3})+", raw):
        raise NotWhole("not_number")
    value = sign * int(raw.replace(thousands, ""))
    if value < 0:
        raise NotWhole("negative")
    if value > most:
        raise NotWhole("too_large")
    return value
