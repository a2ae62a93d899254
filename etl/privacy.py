"""Personal data, in one place: text normalised before any NIK check, hash or
mask (NFKC, every decimal digit to 0-9, format characters such as zero-width
spaces and stray BOMs removed), and the one masking function (a NIK keeps its
first six digits, the rest become '*'). It runs in Python and, registered as
the DuckDB function nik_mask, in SQL (quarantine, load_issue)."""
from __future__ import annotations

import re
import unicodedata

import duckdb

KEEP_DIGITS = 6
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def clean(text: str | None) -> str | None:
    """NFKC, any script's decimal digits as ASCII, no format characters (category Cf)."""
    if text is None or not _NON_ASCII.search(text):
        return text
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        if unicodedata.category(ch) == "Cf":
            continue
        out.append(str(unicodedata.decimal(ch)) if ch > "\x7f" and unicodedata.decimal(ch, None) is not None
                   else ch)
    return "".join(out)


def mask_nik(text: str | None) -> str | None:
    """'5302011203850001' -> '530201**********'; whatever else the text holds,
    every digit after the sixth is masked ('5302-0101-9000' -> '5302-01**-****')."""
    if text is None:
        return None
    text, seen, out = clean(text), 0, []
    for ch in text:
        if ch.isdigit():
            seen += 1
            ch = ch if seen <= KEEP_DIGITS else "*"
        out.append(ch)
    return "".join(out)


def mask_text(text: object, limit: int = 60) -> str:
    """A header or a sheet name as a message may show it: NIK-like digits masked, cut short."""
    s = mask_nik(str(text)) or ""
    return s if len(s) <= limit else s[: limit - 1] + "…"


def register(con: duckdb.DuckDBPyConnection) -> None:
    """nik_mask(varchar) in SQL is mask_nik."""
    try:
        con.create_function("nik_mask", mask_nik, [duckdb.sqltype("VARCHAR")], duckdb.sqltype("VARCHAR"),
                            null_handling="special", side_effects=False)
    except duckdb.CatalogException:
        pass
