"""Validate and normalise: raw text columns (table raw_in, one per field) ->
typed rows with a reason for each row that cannot be loaded (view norm).

Every parser runs on the DISTINCT raw values of a column (lookup tables lk_*),
so the cost per row is a hash join. A reason is a code and its parameters
(JSON, the NIK masked), never an English sentence: etl/reasons.py renders it.
Codes: `<FIELD>_MISSING`, `<FIELD>_INVALID`, NIK_* (macros.sql), NIK_EXCEL_NUMBER,
REGENCY_UNKNOWN, REGENCY_AMBIGUOUS, SEGMENT_UNKNOWN, PAYER_UNKNOWN,
PROGRAMME_UNKNOWN, AMOUNT_NEGATIVE, DATE_IN_FUTURE, DATE_AFTER_AS_OF,
PERIOD_INVALID, DATES_INCONSISTENT, TRANCHE_INVALID, CONTRIBUTION_ABOVE_CEILING,
CLAIM_ABOVE_CEILING. Loaded rows may carry an issue (etl/targets.py).
"""
from __future__ import annotations

import datetime as dt

from etl import settings
from etl.contracts import CONTRACTS
from etl.extract import RAW, Extracted
from etl.sqlid import ident

PARSER = {"date": "parse_date(v)", "month": "parse_month(v)", "money": "parse_money(v)",
          "int": "parse_small_int(v)"}
ALIASED = {"segment": "ref_segment_alias", "payer": "ref_payer_alias", "programme": "ref_programme_alias"}
# dates that cannot lie more than a month after the file's as-of month; a contribution's end
# may (a budget pays a year ahead), its start may not
AFTER_AS_OF = {"members": ("registered_date", "last_paid_month"), "contributions": ("period_start",),
               "claims": ("filed_date", "paid_date"), "subsidies": ("paid_date",)}


def lit(s: str) -> str:
    """A string constant of this module (a field name or code), never outside text."""
    return "'" + s.replace("'", "''") + "'"


def params(**kv: str) -> str:
    """A JSON object of SQL expressions: params(field="'nik'", value="nik_raw")."""
    return "json_object(" + ", ".join(f"{lit(k)}, {v}" for k, v in kv.items()) + ")"


def lookup_sql(ftype: str, col: str) -> str | None:
    distinct = f"(select distinct {col} as v from {RAW} where {col} is not null)"   # cells come trimmed
    if ftype in PARSER:
        return f"select v, {PARSER[ftype]} as val from {distinct}"
    if ftype == "regency":
        # the spelling as written, else without a 'Kab.'/'Kabupaten' prefix ('Kab. TTS', 'Kab. Mabar')
        return (f"select d.v, coalesce(k.kemendagri_code, case when k.key is null then p.kemendagri_code end) as val, "
                f"k.key is not null or p.key is not null as known from {distinct} d "
                "left join ref_regency_key k on k.key = norm_key(d.v) "
                "left join ref_regency_key p on p.key = regexp_replace(norm_key(d.v), '^(kabupaten|kab) ', '') "
                "and p.key <> norm_key(d.v)")
    if ftype in ALIASED:
        return (f"select d.v, arg_max(a.code, length(a.alias)) as val from {distinct} d "
                f"left join {ALIASED[ftype]} a on norm_key(d.v) = a.alias "
                "or regexp_matches(norm_key(d.v), '(^| )' || a.alias || '( |$)') group by d.v")
    if ftype == "occupation":
        return (f"select d.v, coalesce(arg_min(o.sector_code, o.priority), 'lainnya') as val, "
                f"count(o.keyword) = 0 as fallback from {distinct} d left join ref_occupation o "
                "on regexp_matches(norm_key(d.v), '(^| )' || o.keyword) group by d.v")
    return None


def build_lookups(con, ex: Extracted) -> None:
    for f in ex.columns:
        sql = lookup_sql(CONTRACTS[ex.kind].field(f).type, ident(f))
        if sql:
            con.execute(f"create or replace temp table {ident('lk_' + f)} as {sql}")


def field_select(f: str, ftype: str, nik_number: bool) -> tuple[list[str], list[str]]:
    """Columns and joins of first_pass for one field."""
    col, lk = f"r.{ident(f)}", ident("lk_" + f)
    sel, joins = [f"{col} as {f}_raw"], []
    if ftype == "nik":
        reason = f"nik_reason({col})"
        if nik_number:
            reason = f"case when r._nik_number then 'NIK_EXCEL_NUMBER' else {reason} end"
        sel += [f"nik_text({col}) as nik", f"{reason} as nik_reason"]
    elif ftype in PARSER or ftype in ALIASED or ftype in ("regency", "occupation"):
        joins.append(f"left join {lk} on {lk}.v = {col}")
        sel.append(f"{lk}.val as {f}")
        if ftype == "regency":
            sel.append(f"coalesce({lk}.known, false) as {f}_known")
        if ftype == "occupation":
            sel.append(f"coalesce({lk}.fallback, true) as {f}_fallback")
    elif ftype == "text":
        sel.append(f"{col} as {f}")
    return sel, joins


def first_pass(con, ex: Extracted, where: str = "true") -> None:
    """raw_in + lookups -> norm1: one column <field>_raw and <field> per field, of the rows
    `where` takes (a part of the file, etl/load.py slices). Under such a filter DuckDB's
    planner built its hash tables on the file's rows instead of the small lookups (8 s for a
    part of 1.7M rows instead of 1.5 s): the lookups are kept as the build side."""
    sel, joins = ["r._row", "r._sheet"], []
    for f in ex.columns:
        ftype = CONTRACTS[ex.kind].field(f).type
        if ftype != "pii":
            s, j = field_select(f, ftype, ex.nik_number)
            sel += s
            joins += j
    sql = f"create or replace temp table norm1 as select {', '.join(sel)} from {RAW} r {' '.join(joins)} where {where}"
    if where == "true":
        con.execute(sql)
        return
    con.execute("set disabled_optimizers = 'build_side_probe_side'")
    try:
        con.execute(sql)
    finally:
        con.execute("reset disabled_optimizers")


def area_pass(con, ex: Extracted) -> None:
    """Districts and villages, resolved by code or by name within the regency."""
    cols = ex.columns
    district, village, joins = "null::varchar", "null::varchar", []
    if "district" in cols:
        con.execute(area_lookup("lk_district", "select distinct regency, null::varchar as district, district_raw as v "
                                "from norm1 where district_raw is not null", "ref_district", "kecamatan|kec",
                                "x.regency_code = d.regency"))
        district = "case when ld.n = 1 then ld.val end"
        joins.append("left join lk_district ld on ld.regency = n.regency and ld.v = n.district_raw")
    if "village" in cols:
        con.execute(area_lookup("lk_village", f"select distinct n.regency, {district} as district, n.village_raw as v "
                                f"from norm1 n {' '.join(joins)} where n.village_raw is not null",
                                "ref_village", "desa|kelurahan|kel|ds", "x.regency_code = d.regency and "
                                "(d.district is null or x.district_code = d.district)"))
        village = "case when lv.n = 1 then lv.val end"
        joins.append(f"left join lk_village lv on lv.regency = n.regency and lv.district is not distinct from "
                     f"{district} and lv.v = n.village_raw")
    extra = "".join(f", {e} as {n}" for e, n in ((district, "district"), (village, "village"))
                    if n in cols)
    con.execute(f"create or replace temp view norm2 as select n.*{extra} from norm1 n {' '.join(joins)}")


def area_lookup(table: str, distinct: str, ref: str, prefixes: str, scope: str) -> str:
    """A lookup of distinct (regency, district, v) written values to the area code: v is the
    code, or the name without a 'Kec.'/'Desa' prefix, among the areas `scope` allows (x: the
    reference row, d: the written one); n = how many areas match (1: resolved, more:
    ambiguous). Two equi-joins (code, name key), each key computed once per distinct value:
    an OR in the join condition compared every written value with every area of its regency
    (1.2 s of a 1M-member load)."""
    return f"""
        create or replace temp table {table} as
        with d as (select *, norm_key(v) as k_code, regexp_replace(norm_key(v), '^({prefixes}) ', '') as k_name
                   from ({distinct})),
        x as (select *, norm_key(code) as code_key from {ref}),
        m as (select d.regency, d.district, d.v, x.code from d join x on {scope} and x.code_key = d.k_code
              union
              select d.regency, d.district, d.v, x.code from d join x on {scope} and x.key = d.k_name)
        select d.regency, d.district, d.v, any_value(m.code) as val, count(m.code) as n
        from d left join m on m.regency = d.regency and m.district is not distinct from d.district and m.v = d.v
        group by all"""


def field_whens(f) -> list[tuple[str, str, str]]:
    """(condition, code, params) of one field's own checks."""
    name, raw, fl = f.name, f"{f.name}_raw", lit(f.name)
    if f.type == "nik":
        return [("nik_reason is not null", "nik_reason", params(field=fl, value="nik_mask(nik_raw)"))]
    whens = []
    if f.required:
        whens.append((f"{raw} is null", lit(name.upper() + "_MISSING"), params(field=fl)))
    if f.type in PARSER:
        whens.append((f"{raw} is not null and {name} is null", lit(name.upper() + "_INVALID"),
                      params(field=fl, value=raw)))
    if f.type == "regency":
        whens += [(f"{raw} is not null and {name}_known and {name} is null", "'REGENCY_AMBIGUOUS'",
                   params(field=fl, value=raw)),
                  (f"{raw} is not null and {name} is null", "'REGENCY_UNKNOWN'", params(field=fl, value=raw))]
    if f.type in ALIASED:
        whens.append((f"{raw} is not null and {name} is null", lit(f.type.upper() + "_UNKNOWN"),
                      params(field=fl, value=raw)))
    if f.type == "money":
        whens.append((f"{name} < 0", "'AMOUNT_NEGATIVE'", params(field=fl, value=name)))
    return whens


def reason_sql(ex: Extracted) -> str:
    whens = []
    for f in CONTRACTS[ex.kind].fields:
        if f.type != "pii" and f.name in ex.columns:
            whens += field_whens(f)
    whens += KIND_CHECKS[ex.kind](ex)
    whens += [(f"{f} >= lp.bound", "'DATE_AFTER_AS_OF'", params(field=lit(f), value=f, as_of="lp.as_of"))
              for f in AFTER_AS_OF[ex.kind] if f in ex.columns]
    whens += CEILINGS.get(ex.kind, lambda ex: [])(ex)
    body = "\n".join(f"when {w} then struct_pack(code := {code}, params := {p})" for w, code, p in whens)
    return f"case {body} end" if whens else "null"


def member_checks(ex):
    return [("registered_date > current_date", "'DATE_IN_FUTURE'",
             params(field="'registered_date'", value="registered_date"))]


def contribution_checks(ex):
    if "period_end" not in ex.columns:
        return []
    return [("period_end < period_start", "'PERIOD_INVALID'",
             params(start="strftime(period_start, '%Y-%m')", end="strftime(period_end, '%Y-%m')"))]


def claim_checks(ex):
    if "filed_date" not in ex.columns:
        return []
    return [("paid_date < filed_date", "'DATES_INCONSISTENT'", params(filed="filed_date", paid="paid_date"))]


def subsidy_checks(ex):
    return [("tranche < 1", "'TRANCHE_INVALID'", params(field="'tranche'", value="tranche"))]


KIND_CHECKS = {"members": member_checks, "contributions": contribution_checks,
               "claims": claim_checks, "subsidies": subsidy_checks}


def months_sql(ex) -> str:
    end = "coalesce(period_end, period_start)" if "period_end" in ex.columns else "period_start"
    return f"(date_diff('month', period_start, {end}) + 1)"


def contribution_ceiling(ex):
    per_month = f"amount_rp // {months_sql(ex)}"
    return [(f"{per_month} > lp.contribution_ceiling", "'CONTRIBUTION_ABOVE_CEILING'",
             params(value=per_month, months=months_sql(ex), ceiling="lp.contribution_ceiling"))]


def claim_ceiling(ex):
    return [("amount_rp > lp.claim_ceiling", "'CLAIM_ABOVE_CEILING'",
             params(value="amount_rp", ceiling="lp.claim_ceiling"))]


CEILINGS = {"contributions": contribution_ceiling, "claims": claim_ceiling}


def bound(as_of: dt.date | None) -> dt.date:
    """First day of the month two months after the as-of month (or the current month):
    a date on or after it is after 'the as-of month plus one month'."""
    m = as_of or dt.date.today().replace(day=1)
    y, mo = divmod(m.year * 12 + m.month - 1 + 2, 12)
    return dt.date(y, mo + 1, 1)


def prepare(con, ex: Extracted, where: str = "true") -> None:
    """Typed values beside the raw ones (view norm2) of the rows `where` takes; the lookups
    (build_lookups) come first, once for the whole file."""
    first_pass(con, ex, where)
    area_pass(con, ex)


def judge(con, ex: Extracted, as_of: dt.date | None) -> None:
    """The reason of every row (view norm), against the file's as-of month and the ceilings."""
    con.execute("create or replace temp table load_params as select $as_of::date as as_of, $bound::date as bound, "
                "$contrib::bigint as contribution_ceiling, $claim::bigint as claim_ceiling",
                {"as_of": as_of, "bound": bound(as_of), "contrib": settings.get_int("contribution_ceiling_rp", 0),
                 "claim": settings.get_int("claim_ceiling_rp", 0)})
    con.execute(f"create or replace temp view norm as select n.*, {reason_sql(ex)} as reason "
                "from norm2 n cross join load_params lp")
