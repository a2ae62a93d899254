"""Validate and normalise: raw text columns (table raw_in) -> typed rows with
a reason code for each row that cannot be loaded (table norm).

Every parser runs on the DISTINCT raw values of a column (lookup tables lk_*),
so the cost per row is a hash join. Reason codes are `<FIELD>_MISSING`,
`<FIELD>_INVALID`, NIK_* (see macros.sql), REGENCY_UNKNOWN, REGENCY_AMBIGUOUS,
SEGMENT_UNKNOWN, PAYER_UNKNOWN, PROGRAMME_UNKNOWN, AMOUNT_NEGATIVE,
DATE_IN_FUTURE, PERIOD_INVALID, DATES_INCONSISTENT. Loaded rows may carry an
issue (load_issue): NIK_OUTSIDE_NTT, OCCUPATION_FALLBACK, DISTRICT_UNKNOWN,
VILLAGE_UNKNOWN.
"""
from __future__ import annotations

from etl.contracts import CONTRACTS
from etl.extract import Extracted

PARSER = {"date": "parse_date(v)", "month": "parse_month(v)", "money": "parse_money(v)",
          "int": "parse_small_int(v)"}
ALIASED = {"segment": "ref_segment_alias", "payer": "ref_payer_alias", "programme": "ref_programme_alias"}
EXPECT = {"date": "a date such as 14/08/2020, 2020-08-14 or 14 Agustus 2020",
          "month": "a month such as 08/2020, 2020-08 or Agustus 2020",
          "money": "an amount such as Rp 1.234.567 or 1234567",
          "int": "a whole number"}


def q(h: str) -> str:
    return '"' + h.replace('"', '""') + '"'


def lit(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def build_lookups(con, ex: Extracted) -> None:
    for f, h in ex.columns.items():
        ftype = CONTRACTS[ex.kind].field(f).type
        distinct = f"(select distinct trim({q(h)}) as v from raw_in where nullif(trim({q(h)}), '') is not null)"
        if ftype in PARSER:
            sql = f"select v, {PARSER[ftype]} as val from {distinct}"
        elif ftype == "regency":
            # the spelling as written, else without a 'Kab.'/'Kabupaten' prefix ('Kab. TTS', 'Kab. Mabar')
            sql = (f"select d.v, coalesce(k.kemendagri_code, case when k.key is null then p.kemendagri_code end) as val, "
                   f"k.key is not null or p.key is not null as known from {distinct} d "
                   "left join ref_regency_key k on k.key = norm_key(d.v) "
                   "left join ref_regency_key p on p.key = regexp_replace(norm_key(d.v), '^(kabupaten|kab) ', '') "
                   "and p.key <> norm_key(d.v)")
        elif ftype in ALIASED:
            sql = (f"select d.v, arg_max(a.code, length(a.alias)) as val from {distinct} d "
                   f"left join {ALIASED[ftype]} a on norm_key(d.v) = a.alias "
                   "or regexp_matches(norm_key(d.v), '(^| )' || a.alias || '( |$)') group by d.v")
        elif ftype == "occupation":
            sql = (f"select d.v, coalesce(arg_min(o.sector_code, o.priority), 'lainnya') as val, "
                   f"count(o.keyword) = 0 as fallback from {distinct} d left join ref_occupation o "
                   "on regexp_matches(norm_key(d.v), '(^| )' || o.keyword) group by d.v")
        else:
            continue
        con.execute(f"create or replace temp table lk_{f} as {sql}")


def first_pass(con, ex: Extracted) -> None:
    """raw_in + lookups -> norm1: one column <field>_raw and <field> per field."""
    sel, joins = ["r._row", "r._sheet"], []
    for f, h in ex.columns.items():
        ftype = CONTRACTS[ex.kind].field(f).type
        if ftype == "pii":
            continue
        sel.append(f"nullif(trim(r.{q(h)}), '') as {f}_raw")
        if ftype == "nik":
            sel += [f"nik_text(r.{q(h)}) as nik", f"nik_reason(r.{q(h)}) as nik_reason"]
        elif ftype in PARSER or ftype in ALIASED or ftype in ("regency", "occupation"):
            joins.append(f"left join lk_{f} on lk_{f}.v = trim(r.{q(h)})")
            sel.append(f"lk_{f}.val as {f}")
            if ftype == "regency":
                sel.append(f"coalesce(lk_{f}.known, false) as {f}_known")
            if ftype == "occupation":
                sel.append(f"coalesce(lk_{f}.fallback, true) as {f}_fallback")
        elif ftype == "text":
            sel.append(f"nullif(trim(r.{q(h)}), '') as {f}")
    con.execute(f"create or replace temp table norm1 as select {', '.join(sel)} from raw_in r {' '.join(joins)}")
    con.execute("drop table raw_in")


def area_pass(con, ex: Extracted) -> None:
    """Districts and villages, resolved by code or by name within the regency."""
    cols = ex.columns
    district, village, joins = "null::varchar", "null::varchar", []
    if "district" in cols:
        con.execute("""
            create or replace temp table lk_district as
            select d.regency, d.v, any_value(x.code) as val, count(x.code) as n from
              (select distinct regency, district_raw as v from norm1 where district_raw is not null) d
            left join ref_district x on x.regency_code = d.regency and
                 (norm_key(x.code) = norm_key(d.v) or x.key = regexp_replace(norm_key(d.v), '^(kecamatan|kec) ', ''))
            group by all""")
        district = "case when ld.n = 1 then ld.val end"
        joins.append("left join lk_district ld on ld.regency = n.regency and ld.v = n.district_raw")
    if "village" in cols:
        con.execute(f"""
            create or replace temp table lk_village as
            select d.regency, d.district, d.v, any_value(x.code) as val, count(x.code) as n from
              (select distinct n.regency, {district} as district, n.village_raw as v
               from norm1 n {' '.join(joins)} where n.village_raw is not null) d
            left join ref_village x on x.regency_code = d.regency
                 and (d.district is null or x.district_code = d.district)
                 and (norm_key(x.code) = norm_key(d.v) or x.key = regexp_replace(norm_key(d.v), '^(desa|kelurahan|kel|ds) ', ''))
            group by all""")
        village = "case when lv.n = 1 then lv.val end"
        joins.append(f"left join lk_village lv on lv.regency = n.regency and lv.district is not distinct from "
                     f"{district} and lv.v = n.village_raw")
    extra = "".join(f", {e} as {n}" for e, n in ((district, "district"), (village, "village"))
                    if n in cols)
    con.execute(f"create or replace temp view norm2 as select n.*{extra} from norm1 n {' '.join(joins)}")


def reason_sql(ex: Extracted) -> str:
    c = CONTRACTS[ex.kind]
    whens = []
    for f in c.fields:
        h = ex.columns.get(f.name)
        if f.type == "pii" or h is None:
            continue
        label = lit(h)
        if f.type == "nik":
            whens.append(("nik_reason is not null", "nik_reason",
                          f"{label} || ' ' || coalesce('''' || nik_mask(nik_raw) || '''', 'empty') || ' is not a 16-digit NIK'"))
            continue
        if f.required:
            whens.append((f"{f.name}_raw is null", lit(f.name.upper() + "_MISSING"), f"{label} || ' is empty'"))
        if f.type in PARSER:
            whens.append((f"{f.name}_raw is not null and {f.name} is null", lit(f.name.upper() + "_INVALID"),
                          f"{label} || ' ''' || {f.name}_raw || ''' is not {EXPECT[f.type]}'"))
        if f.type == "regency":
            whens.append((f"{f.name}_raw is not null and {f.name}_known and {f.name} is null", "'REGENCY_AMBIGUOUS'",
                          f"{label} || ' ''' || {f.name}_raw || ''' may be Kabupaten Kupang or Kota Kupang: write Kab. Kupang, Kota Kupang or a code'"))
            whens.append((f"{f.name}_raw is not null and {f.name} is null", "'REGENCY_UNKNOWN'",
                          f"{label} || ' ''' || {f.name}_raw || ''' is not an NTT regency (BPS code, Kemendagri code or name)'"))
        if f.type in ALIASED:
            whens.append((f"{f.name}_raw is not null and {f.name} is null", lit(f.type.upper() + "_UNKNOWN"),
                          f"{label} || ' ''' || {f.name}_raw || ''' is not a known {f.type}'"))
        if f.type == "money":
            whens.append((f"{f.name} < 0", "'AMOUNT_NEGATIVE'", f"{label} || ' is negative: ' || {f.name}"))
    whens += KIND_CHECKS.get(ex.kind, lambda ex: [])(ex)
    body = "\n".join(f"when {w} then struct_pack(code := {code}, msg := {msg})" for w, code, msg in whens)
    return f"case {body} end" if whens else "null"


def member_checks(ex):
    return [("registered_date > current_date", "'DATE_IN_FUTURE'",
             f"{lit(ex.columns['registered_date'])} || ' ' || registered_date || ' is in the future'")]


def contribution_checks(ex):
    if "period_end" not in ex.columns:
        return []
    return [("period_end < period_start", "'PERIOD_INVALID'",
             "'period ends (' || strftime(period_end, '%Y-%m') || ') before it starts (' || strftime(period_start, '%Y-%m') || ')'")]


def claim_checks(ex):
    if "filed_date" not in ex.columns:
        return []
    return [("paid_date < filed_date", "'DATES_INCONSISTENT'",
             "'paid ' || paid_date || ' before filed ' || filed_date")]


def subsidy_checks(ex):
    return [("tranche < 1", "'TRANCHE_INVALID'", "'tranche ' || tranche || ' is not 1 or more'")]


KIND_CHECKS = {"members": member_checks, "contributions": contribution_checks,
               "claims": claim_checks, "subsidies": subsidy_checks}


def normalize(con, ex: Extracted) -> None:
    build_lookups(con, ex)
    first_pass(con, ex)
    area_pass(con, ex)
    con.execute(f"create or replace temp view norm as select *, {reason_sql(ex)} as reason from norm2")
