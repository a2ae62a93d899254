"""Load files into the warehouse: extract -> validate -> pseudonymise ->
dedupe -> insert or quarantine -> marts -> publish. One build per command:
all files load and the marts rebuild in a private copy that replaces the
published warehouse only when everything succeeded."""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from etl import marts, pseudo
from etl.contracts import CONTRACTS
from etl.extract import extract
from etl.validate import normalize
from etl.warehouse import LoadError, building, refresh_config

TARGET = {"members": "members", "contributions": "contributions", "claims": "claims", "subsidies": "subsidies"}


@dataclass
class FileResult:
    file_name: str
    kind: str = ""
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    rows_blank: int = 0
    rows_flagged: int = 0
    by_reason: dict[str, int] = field(default_factory=dict)
    skipped: str = ""
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_paths(paths, kind=None, mapping=None, dry_run=False, as_of=None, progress=print,
               warehouse=None) -> list[FileResult]:
    paths = [Path(p) for p in paths]
    as_of = month_start(as_of)
    for p in paths:
        if not p.is_file():
            raise LoadError(f"{p}: no such file.")
    results = []
    with building(warehouse, publish=not dry_run) as con:
        refresh_config(con)
        params = pseudo.pads(pseudo.key())
        for p in paths:
            progress(f"loading {p.name} ...")
            results.append(load_file(con, p, kind, mapping or {}, params, as_of, dry_run))
            progress(summary_line(results[-1]))
        if not dry_run:
            marts.build(con, progress)
    return results


def month_start(value):
    """'2024-06' or '2024-06-15' -> date(2024, 6, 1); None stays None."""
    if value is None:
        return None
    import re
    from datetime import date
    m = re.fullmatch(r"(\d{4})-(\d{2})(-\d{2})?", str(value).strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise LoadError(f"--as-of '{value}': write the month as YYYY-MM.")
    return date(int(m.group(1)), int(m.group(2)), 1)


def summary_line(r: FileResult) -> str:
    if r.skipped:
        return f"  {r.file_name}: skipped ({r.skipped})"
    return (f"  {r.file_name}: {r.kind}, {r.rows_read:,} rows read, {r.rows_loaded:,} loaded, "
            f"{r.rows_quarantined:,} quarantined, {r.rows_flagged:,} flagged ({r.seconds:.1f} s)")


def load_file(con, path: Path, kind, mapping, params, as_of, dry_run) -> FileResult:
    t0, started = time.perf_counter(), datetime.now()
    digest = sha256(path)
    seen = con.execute("select file_name from load_log where sha256 = $s and status = 'loaded'",
                       {"s": digest}).fetchone()
    if seen:
        return FileResult(path.name, skipped=f"same content already loaded as {seen[0]}")
    ex = extract(con, path, kind, mapping)
    normalize(con, ex)
    load_id = con.execute("select coalesce(max(load_id), 0) + 1 from load_log").fetchone()[0]
    stage(con, ex.kind, params)
    file_as_of = as_of or default_as_of(con, ex.kind)
    mark_existing(con, ex.kind, file_as_of)
    r = FileResult(path.name, ex.kind, rows_blank=ex.rows_blank, notes=ex.notes)
    r.rows_read = con.execute("select count(*) from staged").fetchone()[0]
    r.by_reason = dict(con.execute("select (reason).code, count(*) from staged where reason is not null "
                                   "group by 1 order by 2 desc").fetchall())
    r.rows_quarantined = sum(r.by_reason.values())
    r.rows_loaded = r.rows_read - r.rows_quarantined
    r.rows_flagged = write(con, ex, load_id, path.name, file_as_of)
    r.seconds = time.perf_counter() - t0
    log(con, r, load_id, digest, ex, file_as_of, started, "dry-run" if dry_run else "loaded")
    return r


def default_as_of(con, kind: str):
    if kind != "members":
        return None
    return con.execute("select max(date_trunc('month', registered_date))::date from staged "
                       "where reason is null").fetchone()[0]


def key_cols(kind: str) -> list[str]:
    return ["member_key" if k == "nik" else k for k in CONTRACTS[kind].natural_key]


def stage(con, kind: str, params) -> None:
    """norm + member_key + duplicate detection within the file, materialised once.
    Of valid rows sharing a natural key the first is kept; a later one is an exact
    duplicate (same typed values) or a conflict."""
    names = [d[0] for d in con.execute("select * from norm limit 0").description]
    typed = [n for n in names if not n.endswith(("_raw", "_reason", "_known", "_fallback"))
             and n not in ("_row", "_sheet", "reason", "nik")]
    key = "concat_ws('|', " + ", ".join(f"coalesce({k}::varchar, '')" if k in names or k == "member_key"
                                       else "''" for k in key_cols(kind)) + ")"
    con.execute(f"""
        create or replace temp table staged as
        with k as materialized (
            select *, {key} as _key, hash({', '.join(typed) or "''"}) as content,
                   struct_pack(s := coalesce(_sheet, ''), r := _row) as _pos
            from (select *, {pseudo.HMAC_SQL.format(x='nik')} as member_key from norm) n
        ),
        repeated as (
            select _key, min(_pos) as first_pos, arg_min(content, _pos) as first_content
            from k where reason is null group by _key having count(*) > 1
        )
        select k.* exclude (_key, _pos) replace (
            case when k.reason is not null or r.first_pos is null or k._pos = r.first_pos then k.reason
                 when k.content = r.first_content then
                      struct_pack(code := 'DUPLICATE_ROW', msg := 'same as row ' || r.first_pos.r)
                 else struct_pack(code := 'DUPLICATE_CONFLICT',
                                  msg := 'same key as row ' || r.first_pos.r || ' with different values')
            end as reason)
        from k left join repeated r on k.reason is null and r._key = k._key""", params)


def mark_existing(con, kind: str, file_as_of) -> None:
    """Rows whose key is already in the warehouse: duplicates, conflicts, or older member data."""
    keys = key_cols(kind)
    table = TARGET[kind]
    on = " and ".join(f"t.{tk} is not distinct from s.{k}" for k, tk in zip(keys, target_key_cols(kind)))
    if kind == "members":
        cond = "t.as_of_month > $asof"
        reason = ("struct_pack(code := 'SUPERSEDED', msg := 'a newer member list (load ' || t.load_id "
                  "|| ') already holds this member')")
    else:
        cond = "true"
        reason = ("case when t.amount_rp = s.amount_rp then struct_pack(code := 'DUPLICATE_LOADED', "
                  "msg := 'already loaded (load ' || t.load_id || ', row ' || t.row_number || ')') "
                  "else struct_pack(code := 'CONFLICT_LOADED', msg := 'same key loaded before (load ' "
                  "|| t.load_id || ', row ' || t.row_number || ') with amount ' || t.amount_rp) end")
    con.execute(f"""
        update staged s set reason = {reason}
        from {table} t where s.reason is null and {on} and {cond}""", {"asof": file_as_of} if kind == "members" else {})


def target_key_cols(kind: str) -> list[str]:
    return {"members": ["member_key"],
            "contributions": ["member_key", "period_start_month", "period_end_month", "payer_code"],
            "claims": ["claim_id"], "subsidies": ["member_key", "scheme", "tranche"]}[kind]


def write(con, ex, load_id, file_name, file_as_of) -> int:
    from etl import targets
    con.execute(targets.quarantine_sql(ex), {"id": load_id, "f": file_name})
    params = {"id": load_id, "asof": file_as_of} if ex.kind == "members" else {"id": load_id}
    if targets.supersede_sql(ex):
        con.execute(targets.supersede_sql(ex))
    con.execute(targets.insert_sql(ex), params)
    return targets.issues(con, ex, load_id)


def log(con, r: FileResult, load_id, digest, ex, as_of, started, status) -> None:
    con.execute("""insert into load_log values ($id, $f, $sha, $kind, $status, $read, $loaded, $q,
                   $blank, $flag, $asof, $start, now()::timestamp, $used, $ignored)""",
                {"id": load_id, "f": r.file_name, "sha": digest, "kind": r.kind, "status": status,
                 "read": r.rows_read, "loaded": r.rows_loaded, "q": r.rows_quarantined,
                 "blank": r.rows_blank, "flag": r.rows_flagged, "asof": as_of, "start": started,
                 "used": "; ".join(f"{h} -> {f}" for f, h in ex.columns.items()),
                 "ignored": "; ".join(ex.ignored)})
