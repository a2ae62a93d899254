"""Peer (plain pandas): active members per regency at a month, from the raw files.

    .venv/bin/python bench/peer_pandas.py peserta_2026-10.csv iuran_*.csv --as-of 2026-10
    .venv/bin/python bench/peer_pandas.py peserta_2026-10.csv iuran_*.csv --as-of 2026-10 --segments BPU

What a data analyst would write without the project: read the member list
(semicolon, UTF-8 BOM, dd/mm/yyyy) and the contribution CSVs (comma, YYYY-MM
months) as text, keep the valid rows, drop repeated members, and count per
regency the members active in the --as-of month, by the project's definition
(etl/sql/intermediate/int_member_spells.sql):

  active in month M = registered on or before M, and M lies in one of the
  member's paid spells: its contribution rows; a member without any (valid)
  contribution row has one spell from registration to the member list's
  last paid month (BLTH Iuran Terakhir).

Valid member row: NIK of 16 digits, a registration date that parses (and lies
neither in the future nor after the month following --as-of), a known
regency (bare "Kupang" is ambiguous), a known segment, a known payer and a
readable last paid month when given. Valid contribution row: NIK of 16 digits,
a readable start month, end >= start, amount >= 0 and at most the ceiling a
month, a known regency and payer when given. Of rows repeating a NIK the first
valid one is kept. Regency, segment and payer names come from data/*.csv.

Prints regency_code,active (Kemendagri code, regencies with members) as CSV on
stdout, and its own seconds on stderr. --segments limits the count to some
segments (the dashboard's goal counts BPU only); default: all segments.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
import time
from functools import lru_cache
from pathlib import Path

import pandas as pd
import peer_args

DATA = Path(__file__).resolve().parents[1] / "data"
CEILING_RP = 5_000_000          # per member-month (setting contribution_ceiling_rp)


def norm(s: str) -> str:
    s = re.sub(r"[.,_/\\\-:()]+", " ", str(s).strip().lower())
    return re.sub(r"\s+", " ", s).strip()


@lru_cache(maxsize=None)
def regency_lookup() -> dict[str, str | None]:
    """Every spelling of a regency -> Kemendagri code; 'kupang' alone names two."""
    keys: dict[str, str | None] = {}
    for r in pd.read_csv(DATA / "regencies.csv", dtype=str, keep_default_na=False).itertuples():
        names = {r.name, r.short_name, r.label, r.kemendagri_code, r.bps_code, *filter(None, r.aliases.split("|"))}
        if not r.name.lower().startswith("kota"):
            names |= {f"Kab {r.short_name}", f"Kabupaten {r.short_name}"}
        keys.update({norm(n): r.kemendagri_code for n in names})
    keys["kupang"] = None
    return keys


@lru_cache(maxsize=None)
def alias_lookup(name: str, code_col: str) -> dict[str, str]:
    out = {}
    for r in pd.read_csv(DATA / name, dtype=str, keep_default_na=False).itertuples():
        code = getattr(r, code_col)
        out.update({norm(a): code for a in [code, *r.aliases.split("|")] if a})
    return out


def resolve_regency(raw: str, keys: dict) -> str | None:
    k = norm(raw)
    if k in keys:
        return keys[k]
    return keys.get(re.sub(r"^(kabupaten|kab) ", "", k))


def resolve_alias(raw: str, aliases: dict) -> str | None:
    """The alias the text is, else the longest alias among its words."""
    k = norm(raw)
    if k in aliases:
        return aliases[k]
    hits = [a for a in aliases if re.search(rf"(^| ){re.escape(a)}( |$)", k)]
    return aliases[max(hits, key=len)] if hits else None


def mapped(col: pd.Series, fn) -> pd.Series:
    """fn applied once per distinct value (the columns repeat a few dozen spellings)."""
    return col.map({v: fn(v) for v in col.dropna().unique()})


def month_number(d: pd.Series) -> pd.Series:
    return d.dt.year * 12 + d.dt.month - 1


def header_of(columns, *names: str) -> str:
    """The column whose normalised header is one of names."""
    return next(c for c in columns if norm(c.replace("\ufeff", "")) in names)


def read_members(path: str, as_of: int, today: dt.date) -> pd.DataFrame:
    df = pd.read_csv(path, sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False, na_values=[""])
    c = lambda *names: header_of(df.columns, *names)  # noqa: E731
    nik = df[c("nik")].str.strip()
    reg_date = pd.to_datetime(df[c("tgl kepesertaan")], format="%d/%m/%Y", errors="coerce")
    lpm_raw = df[c("blth iuran terakhir")]
    lpm = month_number(pd.to_datetime(lpm_raw, format="%m/%Y", errors="coerce"))
    payer_raw = df[c("sumber iuran")]
    payer = mapped(payer_raw, lambda v: resolve_alias(v, alias_lookup("payers.csv", "payer_code")))
    out = pd.DataFrame({
        "nik": nik,
        "regency": mapped(df[c("kab kota")], lambda v: resolve_regency(v, regency_lookup())),
        "segment": mapped(df[c("segmen")], lambda v: resolve_alias(v, alias_lookup("segments.csv", "segment_code"))),
        "reg_month": month_number(reg_date),
        "last_paid": lpm,
    })
    bound = as_of + 2                          # the month after the as-of month is still fine
    ok = (nik.str.fullmatch(r"\d{16}", na=False) & reg_date.notna() & (reg_date <= pd.Timestamp(today))
          & (out.reg_month < bound) & out.regency.notna() & out.segment.notna()
          & (payer_raw.isna() | payer.notna()) & (lpm_raw.isna() | (lpm.notna() & (lpm < bound))))
    return out[ok].drop_duplicates("nik", keep="first")


def read_contributions(path: str, today: dt.date) -> pd.DataFrame:
    with open(path, encoding="utf-8-sig") as f:
        sep = ";" if f.readline().count(";") > 0 else ","
    df = pd.read_csv(path, sep=sep, dtype=str, encoding="utf-8-sig", keep_default_na=False, na_values=[""])
    c = lambda *names: header_of(df.columns, *names)  # noqa: E731
    nik = df[c("nik")].str.strip()
    start = month_number(pd.to_datetime(df[c("periode awal")], format="%Y-%m", errors="coerce"))
    end_raw = df[c("periode akhir")]
    end_parsed = month_number(pd.to_datetime(end_raw, format="%Y-%m", errors="coerce"))
    end = end_parsed.fillna(start)
    amount = pd.to_numeric(df[c("jumlah iuran")], errors="coerce")
    reg_raw, payer_raw = df[c("kab kota")], df[c("sumber iuran")]
    regency = mapped(reg_raw, lambda v: resolve_regency(v, regency_lookup()))
    payer = mapped(payer_raw, lambda v: resolve_alias(v, alias_lookup("payers.csv", "payer_code")))
    months = end - start + 1
    ok = (nik.str.fullmatch(r"\d{16}", na=False) & start.notna() & (start < today.year * 12 + today.month + 1)
          & (end_raw.isna() | (end_parsed.notna() & (end >= start)))
          & amount.notna() & (amount >= 0) & (amount // months <= CEILING_RP)
          & (reg_raw.isna() | regency.notna()) & (payer_raw.isna() | payer.notna()))
    return pd.DataFrame({"nik": nik, "start": start, "end": end})[ok]


def active_per_regency(members: str, contributions: list[str], as_of: str,
                       segments: list[str] | None) -> pd.Series:
    y, m = map(int, as_of.split("-"))
    month = y * 12 + m - 1
    mem = read_members(members, month, dt.date.today())
    con = pd.concat([read_contributions(p, dt.date.today()) for p in contributions], ignore_index=True)
    paying = set(con.nik)
    covering = set(con.nik[(con.start <= month) & (con.end >= month)])
    fallback = ~mem.nik.isin(paying) & (mem.reg_month <= month) & (mem.last_paid >= month)
    active = (mem.reg_month <= month) & (mem.nik.isin(covering) | fallback)
    if segments:
        active &= mem.segment.isin(segments)
    return mem[active].groupby("regency").size().rename("active")


def main() -> None:
    a = peer_args.parse(__doc__)
    t0 = time.perf_counter()
    segs = a.segments
    counts = active_per_regency(a.members, a.contributions, a.as_of, segs)
    counts.rename_axis("regency_code").to_csv(sys.stdout)
    print(f"peer_pandas: {time.perf_counter() - t0:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
