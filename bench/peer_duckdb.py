"""Peer (plain DuckDB SQL): active members per regency at a month, from the raw files.

    .venv/bin/python bench/peer_duckdb.py peserta_2026-10.csv iuran_*.csv --as-of 2026-10
    .venv/bin/python bench/peer_duckdb.py peserta_2026-10.csv iuran_*.csv --as-of 2026-10 --segments BPU

The same count as bench/peer_pandas.py (read its docstring for the definition
of active and of a valid row), written as one DuckDB query over read_csv
(parallel, all columns as text): no warehouse, no pseudonym, no quarantine
kept, no marts. The spellings of regencies, segments and payers come from
data/*.csv as three small in-memory tables.

Prints regency_code,active as CSV on stdout and its own seconds on stderr.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import sys
import time
from pathlib import Path

import duckdb
import peer_args

DATA = Path(__file__).resolve().parents[1] / "data"
CEILING_RP = 5_000_000          # per member-month (setting contribution_ceiling_rp)
NORM = r"trim(regexp_replace(regexp_replace(lower(trim({x})), '[.,_/\\\-:()]+', ' ', 'g'), '\s+', ' ', 'g'))"


def norm(s: str) -> str:
    s = re.sub(r"[.,_/\\\-:()]+", " ", str(s).strip().lower())
    return re.sub(r"\s+", " ", s).strip()


def rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def reference(con) -> None:
    """regency_key(key, code: NULL for the ambiguous 'kupang'), segment_alias and payer_alias(alias, code)."""
    keys = {}
    for r in rows("regencies.csv"):
        names = {r["name"], r["short_name"], r["label"], r["kemendagri_code"], r["bps_code"],
                 *filter(None, r["aliases"].split("|"))}
        if not r["name"].lower().startswith("kota"):
            names |= {f"Kab {r['short_name']}", f"Kabupaten {r['short_name']}"}
        keys.update({norm(n): r["kemendagri_code"] for n in names})
    keys["kupang"] = None
    con.execute("create table regency_key (key varchar, code varchar)")
    con.executemany("insert into regency_key values (?, ?)", list(keys.items()))
    for table, name, col in (("segment_alias", "segments.csv", "segment_code"),
                             ("payer_alias", "payers.csv", "payer_code")):
        aliases = {norm(a): r[col] for r in rows(name) for a in [r[col], *r["aliases"].split("|")] if a}
        con.execute(f"create table {table} (alias varchar, code varchar)")
        con.executemany(f"insert into {table} values (?, ?)", list(aliases.items()))


def lookups(col: str, source: str, kind: str) -> str:
    """A CTE body: each distinct raw value of `col` -> its code (NULL when unknown)."""
    d = f"(select distinct {col} as v from {source} where {col} is not null)"
    n = NORM.format(x="d.v")
    if kind == "regency":
        return (f"select d.v, case when k.key is not null then k.code else p.code end as code from {d} d "
                f"left join regency_key k on k.key = {n} "
                f"left join regency_key p on p.key = regexp_replace({n}, '^(kabupaten|kab) ', '')")
    return (f"select d.v, arg_max(a.code, length(a.alias)) as code from {d} d left join {kind}_alias a "
            f"on {n} = a.alias or regexp_matches({n}, '(^| )' || a.alias || '( |$)') group by d.v")


QUERY = """
with
m_raw as materialized (
    select row_number() over () as _row, trim(nik) as nik, "Tgl Kepesertaan" as reg_raw, "Kab/Kota" as regency_raw,
           segmen as segment_raw, "Sumber Iuran" as payer_raw, "BLTH Iuran Terakhir" as lpm_raw
    from read_csv($members, delim = ';', header = true, all_varchar = true, parallel = true, normalize_names = false)
),
m_regency as ({m_regency}),
m_segment as ({m_segment}),
m_payer as ({m_payer}),
members as (
    select m.nik, r.code as regency, s.code as segment,
           date_trunc('month', try_strptime(m.reg_raw, '%d/%m/%Y'))::date as reg_month,
           try_strptime(m.reg_raw, '%d/%m/%Y')::date as reg_date,
           try_strptime('01/' || m.lpm_raw, '%d/%m/%Y')::date as last_paid, m.lpm_raw, m.payer_raw, p.code as payer,
           m._row
    from m_raw m
    left join m_regency r on r.v = m.regency_raw
    left join m_segment s on s.v = m.segment_raw
    left join m_payer p on p.v = m.payer_raw
),
valid_members as (
    select * from members
    where regexp_full_match(nik, '[0-9]{{16}}') and reg_date is not null and reg_date <= current_date
      and reg_month < $bound and regency is not null and segment is not null
      and (payer_raw is null or payer is not null)
      and (lpm_raw is null or (last_paid is not null and last_paid < $bound))
    qualify row_number() over (partition by nik order by _row) = 1
),
c_raw as materialized (
    select trim(nik) as nik, "Periode Awal" as start_raw, "Periode Akhir" as end_raw, "Jumlah Iuran" as amount_raw,
           "Kab/Kota" as regency_raw, "Sumber Iuran" as payer_raw
    from read_csv($contributions, header = true, all_varchar = true, parallel = true, union_by_name = true)
),
c_regency as ({c_regency}),
c_payer as ({c_payer}),
contributions as (
    select c.nik, try_strptime(c.start_raw, '%Y-%m')::date as start_month,
           try_strptime(c.end_raw, '%Y-%m')::date as end_parsed,
           coalesce(end_parsed, start_month) as end_month,
           try_cast(c.amount_raw as bigint) as amount, c.end_raw, c.regency_raw, r.code as regency,
           c.payer_raw, p.code as payer
    from c_raw c
    left join c_regency r on r.v = c.regency_raw
    left join c_payer p on p.v = c.payer_raw
),
valid_contributions as (
    select nik, start_month, end_month from contributions
    where regexp_full_match(nik, '[0-9]{{16}}') and start_month is not null and start_month < $load_bound
      and (end_raw is null or (end_parsed is not null and end_parsed >= start_month))
      and amount >= 0 and amount // (date_diff('month', start_month, end_month) + 1) <= $ceiling
      and (regency_raw is null or regency is not null) and (payer_raw is null or payer is not null)
),
paying as (select distinct nik from valid_contributions),
covering as (select distinct nik from valid_contributions where $month between start_month and end_month),
active as (
    select m.regency from valid_members m
    left join covering c using (nik)
    left join paying p using (nik)
    where m.reg_month <= $month and m.segment in (select unnest($segments))
      and (c.nik is not null or (p.nik is null and m.last_paid >= $month))
)
select regency as regency_code, count(*) as active from active group by 1 order by 1
"""


def month_after(d, n: int) -> dt.date:
    y, m = divmod(d[0] * 12 + d[1] - 1 + n, 12)
    return dt.date(y, m + 1, 1)


def main() -> None:
    a = peer_args.parse(__doc__)
    t0 = time.perf_counter()
    con = duckdb.connect()
    reference(con)
    segs = a.segments or ["BPU", "PU", "JAKON", "PMI"]
    y, m = map(int, a.as_of.split("-"))
    today = time.localtime()
    sql = QUERY.format(m_regency=lookups("regency_raw", "m_raw", "regency"),
                       m_segment=lookups("segment_raw", "m_raw", "segment"),
                       m_payer=lookups("payer_raw", "m_raw", "payer"),
                       c_regency=lookups("regency_raw", "c_raw", "regency"),
                       c_payer=lookups("payer_raw", "c_raw", "payer"))
    res = con.execute(sql, {"members": a.members, "contributions": a.contributions,
                            "month": dt.date(y, m, 1), "bound": month_after((y, m), 2),
                            "load_bound": month_after((today.tm_year, today.tm_mon), 2),
                            "ceiling": CEILING_RP, "segments": segs}).fetchall()
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["regency_code", "active"])
    w.writerows(res)
    print(f"peer_duckdb: {time.perf_counter() - t0:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
