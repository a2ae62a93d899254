"""From the staged table to the warehouse: which typed column feeds which
table column, what a quarantined row keeps (NIK masked, no names), and which
loaded rows carry an issue."""
from __future__ import annotations

from etl.contracts import CONTRACTS
from etl.extract import Extracted

OUT = {
    "members": {
        "member_key": "member_key", "regency_code": "regency", "district_code": "{district}",
        "village_code": "{village}", "segment_code": "segment",
        "sector_code": "coalesce({occupation}, 'lainnya')", "occupation_text": "{occupation_raw}",
        "payer_code": "coalesce({payer}, case when segment = 'PU' then 'PEMBERI_KERJA' else 'MANDIRI' end)",
        "registered_date": "registered_date", "last_paid_month": "{last_paid_month}",
        "declared_income_rp": "{declared_income_rp}", "programmes": "{programmes}",
        "is_nik_outside_ntt": "left(nik, 2) <> '53'", "as_of_month": "$asof::date",
        "load_id": "$id", "row_number": "_row"},
    "contributions": {
        "member_key": "member_key", "period_start_month": "period_start",
        "period_end_month": "coalesce({period_end}, period_start)", "amount_rp": "amount_rp",
        "payer_code": "coalesce({payer}, 'MANDIRI')", "regency_code": "{regency}",
        "programmes": "{programmes}", "load_id": "$id", "row_number": "_row"},
    "claims": {
        "claim_id": "claim_id", "member_key": "member_key", "programme_code": "programme",
        "filed_date": "{filed_date}", "paid_date": "paid_date", "amount_rp": "amount_rp",
        "regency_code": "regency", "segment_code": "{segment}", "cause": "{cause}",
        "load_id": "$id", "row_number": "_row", "incident_date": "{incident_date}"},
    "subsidies": {
        "member_key": "member_key", "scheme": "coalesce({scheme}, 'BSU')", "tranche": "tranche",
        "paid_date": "paid_date", "amount_rp": "amount_rp", "regency_code": "regency",
        "load_id": "$id", "row_number": "_row"},
}


class Present(dict):
    """Columns of the file: a field the file lacks reads as NULL."""
    def __missing__(self, key):
        return "null"


def present(ex: Extracted) -> Present:
    cols = Present()
    for f in ex.columns:
        cols[f] = f
        cols[f + "_raw"] = f + "_raw"
    return cols


def insert_sql(ex: Extracted) -> str:
    out = OUT[ex.kind]
    cols = present(ex)
    exprs = ", ".join(f"{expr.format_map(cols)} as {name}" for name, expr in out.items())
    if ex.kind == "contributions":
        return runs_sql(exprs)
    return f"insert into {ex.kind} select {exprs} from staged where reason is null"


RUN_KEY = "member_key, payer_code, regency_code, programmes, amount_rp"


def runs_sql(exprs: str) -> str:
    """Contributions stored as runs: a month-by-month export (one row per member-month)
    becomes one row per run of consecutive months of one member with the same payer,
    regency, programmes and monthly amount (amount_rp = the run's Rupiah, n_rows = the
    file's rows in it, row_number = its first row), so the warehouse and every model
    downstream follow spells, not months. A row paying several months at once stays
    one row (n_rows 1). The valid rows of a file have one (member, months, payer) each
    (duplicates are quarantined before), so a run's months are its rows' months, each
    paid the run's monthly amount: amount_rp / n_rows. Rows paying several months go in as
    they are; only one-month rows are grouped (a file of spells spent 7 s of a 4.3M-row
    insert grouping each row alone). The one-month rows of a key are grouped once: a key
    whose months are as many as its first to last month span has no gap and is one run;
    only the rows of keys with a gap are numbered by a window (on a 2M-row part of a
    month-by-month export: 0.87 -> 0.71 s, the same rows)."""
    key = RUN_KEY.split(", ")
    same_key = " and ".join(f"o.{c} is not distinct from g.{c}" for c in key)
    return f"""insert into contributions by name
        with v as (select {exprs} from staged where reason is null),
        keys as (
            select {RUN_KEY}, load_id, min(period_start_month) as period_start_month,
                   max(period_end_month) as period_end_month, sum(amount_rp)::bigint as run_rp,
                   min(row_number) as row_number, count(*)::integer as n_rows
            from v where period_start_month = period_end_month
            group by all),
        gapped as (
            select * from keys where date_diff('month', period_start_month, period_end_month) + 1 <> n_rows),
        months as (
            select o.*, date_diff('month', date '2000-01-01', o.period_start_month)
                        - row_number() over (partition by {', '.join('o.' + c for c in key)}
                                             order by o.period_start_month) as _run
            from v o semi join gapped g on {same_key}
            where o.period_start_month = o.period_end_month)
        select *, 1::integer as n_rows from v where (period_start_month = period_end_month) is not true
        union all by name
        select * exclude (run_rp, amount_rp), run_rp as amount_rp from keys
        where date_diff('month', period_start_month, period_end_month) + 1 = n_rows
        union all by name
        select member_key, min(period_start_month) as period_start_month,
               max(period_end_month) as period_end_month, sum(amount_rp)::bigint as amount_rp,
               payer_code, regency_code, programmes, load_id, min(row_number) as row_number,
               count(*)::integer as n_rows
        from months
        group by {RUN_KEY}, load_id, _run"""


def supersede_sql(ex: Extracted) -> str | None:
    """A newer member list replaces the older status of its members (no index:
    a hash semi-join is faster on a million rows than a primary key's upsert;
    the data test members_unique checks the key)."""
    if ex.kind != "members":
        return None
    return "delete from members where member_key in (select member_key from staged where reason is null)"


def masked_nik() -> str:
    """Never the NIK in clear, not even a malformed one ('5302-0101-...', 17 digits)."""
    return "nik_mask(coalesce(case when nik_reason is null then nik end, nik_raw))"


def quarantine_sql(ex: Extracted) -> str:
    fields = [f for f in CONTRACTS[ex.kind].fields if f.type != "pii" and f.name in ex.columns]
    parts = [f"{f.name} := {masked_nik() if f.type == 'nik' else f.name + '_raw'}" for f in fields]
    return f"""insert into quarantine (load_id, file_name, sheet, row_number, reason_code, content, params)
        select $id, $f, _sheet, _row, (reason).code, to_json(struct_pack({', '.join(parts)}))::varchar,
               (reason).params
        from staged where reason is not null"""


# issue code -> (fields the file must have, kind or None for any, condition, params)
ISSUES = {
    "NIK_OUTSIDE_NTT": (("nik",), None, "left(nik, 2) <> '53'", "json_object('region', left(nik, 4))"),
    "OCCUPATION_FALLBACK": (("occupation",), "members", "occupation_fallback and occupation_raw is not null",
                            "json_object('value', occupation_raw)"),
    "DISTRICT_UNKNOWN": (("district",), None, "district_raw is not null and district is null",
                         "json_object('value', district_raw, 'regency', regency)"),
    "VILLAGE_UNKNOWN": (("village",), None, "village_raw is not null and village is null",
                        "json_object('value', village_raw, 'regency', regency)"),
    "JKM_AMOUNT_UNUSUAL": (("programme", "amount_rp"), "claims",
                           "programme = 'JKM' and amount_rp <> jkm_regulated_rp({date})",
                           "json_object('value', amount_rp, 'regulated', jkm_regulated_rp({date}), 'date', {date})"),
}


def issue_checks(ex: Extracted) -> list[tuple[str, str, str]]:
    date = "coalesce(filed_date, paid_date)" if "filed_date" in ex.columns else "paid_date"
    return [(code, cond.format(date=date), p.format(date=date))
            for code, (needs, kind, cond, p) in ISSUES.items()
            if all(f in ex.columns for f in needs) and kind in (None, ex.kind)]


def record_issues(con, ex: Extracted, load_id: int) -> None:
    """Record fallbacks and flags of the loaded rows of the staged table."""
    for code, cond, p in issue_checks(ex):
        con.execute(f"insert into load_issue (load_id, sheet, row_number, issue_code, params) "
                    f"select $id, _sheet, _row, $code, {p} from staged where reason is null and {cond}",
                    {"id": load_id, "code": code})


def issue_counts(con, load_id: int) -> tuple[int, dict[str, int]]:
    """How many loaded rows of a load have an issue, and the issues by code."""
    n = con.execute("""select count(distinct (i.sheet, i.row_number)) from load_issue i
                       where i.load_id = $id and not exists (select 1 from quarantine q where q.load_id = i.load_id
                             and q.row_number = i.row_number and q.sheet is not distinct from i.sheet)""",
                    {"id": load_id}).fetchone()[0]
    by_code = dict(con.execute("select issue_code, count(*) from load_issue where load_id = $id "
                               "group by 1 order by 2 desc, 1", {"id": load_id}).fetchall())
    return n, by_code


CONFLICT_FIELDS = {"REGENCY": ("regency", "regency_code"), "SEGMENT": ("segment", "segment_code"),
                   "REGISTERED": ("registered_date", "registered_date")}


def member_conflicts(con, ex: Extracted, load_id: int, file_as_of) -> None:
    """The same member with another regency, segment or registration date in the
    warehouse (an earlier file): recorded with both values, which one is kept and why
    (the newer as-of month; equal months: the later load)."""
    for code, (new, old) in CONFLICT_FIELDS.items():
        con.execute(f"""
            insert into load_issue (load_id, sheet, row_number, issue_code, params)
            select $id, s._sheet, s._row, $code, json_object(
                       'nik', nik_mask(s.nik), 'field', $field, 'value', s.{new}, 'other_value', t.{old},
                       'other_load_id', t.load_id,
                       'kept', case when (s.reason).code = 'SUPERSEDED' then 'other' else 'this' end,
                       'decided_by', case when t.as_of_month is not distinct from $asof::date then 'LATER_LOAD'
                                          else 'NEWER_AS_OF' end)
            from staged s join members t on t.member_key = s.member_key
            where (s.reason is null or (s.reason).code = 'SUPERSEDED')
              and s.{new} is distinct from t.{old}""",
                    {"id": load_id, "code": "MEMBER_CONFLICT_" + code, "field": new, "asof": file_as_of})
