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
    return f"insert into {ex.kind} select {exprs} from staged where reason is null"


def supersede_sql(ex: Extracted) -> str | None:
    """A newer member list replaces the older status of its members (no index:
    a hash semi-join is faster on a million rows than a primary key's upsert;
    the data test members_unique checks the key)."""
    if ex.kind != "members":
        return None
    return "delete from members where member_key in (select member_key from staged where reason is null)"


def masked_nik() -> str:
    """Never the NIK in clear, not even a malformed one ('5302-0101-...', 17 digits)."""
    return ("case when nik_raw is null then null when nik_reason is null "
            "then left(nik, 6) || repeat('*', length(nik) - 6) "
            "else nik_mask(nik_raw) end")


def quarantine_sql(ex: Extracted) -> str:
    fields = [f for f in CONTRACTS[ex.kind].fields if f.type != "pii" and f.name in ex.columns]
    parts = [f"{f.name} := {masked_nik() if f.type == 'nik' else f.name + '_raw'}" for f in fields]
    return f"""insert into quarantine
        select $id, $f, _sheet, _row, (reason).code, (reason).msg,
               to_json(struct_pack({', '.join(parts)}))::varchar
        from staged where reason is not null"""


ISSUES = {
    "nik": ("NIK_OUTSIDE_NTT", "left(nik, 2) <> '53'",
            "'NIK region ' || left(nik, 4) || ' is outside NTT (province 53)'"),
    "occupation": ("OCCUPATION_FALLBACK", "occupation_fallback",
                   "'occupation ''' || occupation_raw || ''' mapped to lainnya'"),
    "district": ("DISTRICT_UNKNOWN", "district_raw is not null and district is null",
                 "'district ''' || district_raw || ''' not found in regency ' || regency"),
    "village": ("VILLAGE_UNKNOWN", "village_raw is not null and village is null",
                "'village ''' || village_raw || ''' not found (or not unique) in the regency'"),
}


def issues(con, ex: Extracted, load_id: int) -> int:
    """Record fallbacks and flags of loaded rows; return how many rows have one."""
    checks = [v for f, v in ISSUES.items() if f in ex.columns and (f != "occupation" or ex.kind == "members")]
    for code, cond, msg in checks:
        cond = cond.replace("occupation_fallback", "occupation_fallback and occupation_raw is not null")
        con.execute(f"insert into load_issue select $id, _sheet, _row, '{code}', {msg} "
                    f"from staged where reason is null and {cond}", {"id": load_id})
    return con.execute("select count(distinct (sheet, row_number)) from load_issue where load_id = $id",
                       {"id": load_id}).fetchone()[0]
