"""Load files into the warehouse: extract -> validate -> pseudonymise ->
dedupe -> insert or quarantine -> marts -> publish. One build per command,
under the writer lock: all files load and the marts rebuild in a private copy
that replaces the published warehouse only when everything succeeded. Every
file's problem is reported, not only the first."""
from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from etl import asof, marts, pseudo, settings
from etl.digests import Digests, all_may_be_loaded, already_loaded, loaded_sizes, may_be_loaded
from etl.extract import RAW, drop_raw, extract
from etl.parts import part_key
from etl.privacy import mask_nik, mask_text
from etl.sqlid import ident
from etl.validate import build_lookups, judge, prepare
from etl.warehouse import LoadError, building, file_rows_in_memory, out_of_memory, refresh_config

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
    by_issue: dict[str, int] = field(default_factory=dict)
    skipped: str = ""
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    as_of: dt.date | None = None
    as_of_rule: str = ""
    load_id: int | None = None
    columns: dict[str, str] = field(default_factory=dict)     # field -> header as written
    ignored: list[str] = field(default_factory=list)          # headers no field took
    steps: dict[str, float] = field(default_factory=dict)     # seconds per load step (bench/bench_load.py)


def load_paths(paths, kind=None, mapping=None, dry_run=False, as_of=None, progress=print,
               warehouse=None, wait=True, fresh=False, by=None, per_file=None, inspect=None) -> list[FileResult]:
    """fresh: build from an empty warehouse (--new-key, the demo), replacing the published one.
    by: who loads (load_log.loaded_by; default `cli:<os user>`). per_file: {path: (kind, mapping)}
    overriding kind and mapping for one file (the load page). inspect(con, result, path): called
    inside the build after each file (the load page's preview reads its quarantine there).
    Files that cannot be loaded raise FilesRefused, naming each one's problem."""
    from etl.history import cli_user
    by = by or cli_user()
    paths = [Path(p) for p in paths]
    per_file = {Path(p): v for p, v in (per_file or {}).items()}
    as_of = month_start(as_of)
    refused = {p: f"{mask_text(p)}: no such file." for p in paths if not p.is_file()}
    if refused:
        raise FilesRefused(refused)
    with Digests(paths) as digests:
        published = Path(warehouse or settings.get_path("warehouse"))
        if not fresh and all_may_be_loaded(published, paths):
            found = digests.wait_all()
            seen = already_loaded(published, found) if all(isinstance(d, str) for d in found.values()) else {}
            if len(seen) == len(paths):
                progress("nothing new: every file is already in the warehouse")
                return [FileResult(p.name, skipped=f"same content already loaded as {seen[p]}") for p in paths]
        return build_from(paths, digests, kind, mapping, dry_run, as_of, progress, warehouse, wait, fresh, by,
                          per_file, inspect)


def build_from(paths, digests, kind, mapping, dry_run, as_of, progress, warehouse, wait, fresh, by, per_file,
               inspect) -> list[FileResult]:
    """The build of load_paths: every file loaded (or refused) in one private copy, then the marts."""
    refused = {}
    results = []
    who = "load " + ", ".join(mask_text(p.name) for p in paths)
    new = lambda: not dry_run and not all(r.skipped for r in results)   # noqa: E731
    with building(warehouse, publish=new, who=who, wait=wait, fresh=fresh, progress=progress,
                  extra_bytes=sum(p.stat().st_size for p in paths), by=by) as con:
        refresh_config(con)
        params = pseudo.pads(pseudo.key_for(con))
        with file_rows_in_memory(con):
            for p in paths:
                progress(f"loading {mask_text(p.name)} ...")
                k, m = per_file.get(p, (kind, mapping))
                try:
                    results.append(load_file(con, p, k, m or {}, params, as_of, dry_run, digests.of(p), progress))
                except LoadError as e:
                    refused[p] = str(e)
                    continue
                except duckdb.OutOfMemoryException:    # the build stops: its memory is spent
                    raise LoadError(f"{mask_text(p.name)}: {out_of_memory()}") from None
                audit(con, results[-1], p, by)
                if inspect:
                    inspect(con, results[-1], p)
        if refused:
            raise FilesRefused(refused)
        if new():
            marts.build(con, progress)
    return results


class FilesRefused(LoadError):
    """Files of one command that could not be loaded (nothing was published): by_file =
    {path: sentence}."""
    def __init__(self, by_file: dict[Path, str]):
        super().__init__(joined(list(by_file.values())))
        self.by_file = by_file


def audit(con, r: FileResult, path: Path, by: str) -> None:
    """Who loaded the file and its size, beside its SHA-256 (load_log)."""
    if r.load_id is not None:
        con.execute("update load_log set loaded_by = $by, size_bytes = $size where load_id = $id",
                    {"by": by, "size": path.stat().st_size, "id": r.load_id})


def joined(problems: list[str]) -> str:
    if len(problems) == 1:
        return problems[0]
    return (f"{len(problems)} files could not be loaded, so nothing was published:\n  - "
            + "\n  - ".join(problems))


def month_start(value):
    """'2024-06' or '2024-06-15' -> date(2024, 6, 1); None stays None."""
    if value is None:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})(-\d{2})?", str(value).strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise LoadError(f"--as-of '{mask_text(value)}': write the month as YYYY-MM.")
    return dt.date(int(m.group(1)), int(m.group(2)), 1)


def load_file(con, path: Path, kind, mapping, params, as_of, dry_run, digest,
              progress=lambda *_: None) -> FileResult:
    """digest(): the file's SHA-256 (Digests.of), asked for only when the file may be loaded
    already (may_be_loaded), and when the load is logged."""
    t0, started = time.perf_counter(), datetime.now()
    seen = may_be_loaded(loaded_sizes(con), path) and con.execute("select file_name from load_log where sha256 = $s and status = 'loaded' "
                                     "limit 1", {"s": digest()}).fetchall()     # fetched whole: register() follows
    if seen:
        return FileResult(path.name, skipped=f"same content already loaded as {seen[0][0]}")
    steps, tick = {}, [time.perf_counter()]

    def step(name):
        now = time.perf_counter()
        steps[name] = steps.get(name, 0.0) + now - tick[0]
        tick[0] = now
    ex = extract(con, path, kind, mapping)
    step("extract")
    build_lookups(con, ex)
    file_as_of, rule = asof.decide(con, ex, path, as_of)
    step("prepare")
    load_id = con.execute("select coalesce(max(load_id), 0) + 1 from load_log").fetchone()[0]
    r = FileResult(path.name, ex.kind, rows_blank=ex.rows_blank, notes=ex.notes, as_of=file_as_of, as_of_rule=rule,
                   load_id=load_id, columns=dict(ex.columns), ignored=list(ex.ignored))
    parts = slices(con, ex)
    for i, where in enumerate(parts, 1):
        if len(parts) > 1:
            progress(f"  {mask_text(path.name)}: part {i} of {len(parts)}")
        prepare(con, ex, where)
        if i == len(parts):
            drop_raw(con)     # the file's text, NIKs in clear: no longer needed
        judge(con, ex, file_as_of)
        step("prepare")
        stage(con, ex, params)
        step("stage")
        mark_existing(con, ex.kind, file_as_of)
        step("existing")
        for code, k in con.execute("select (reason).code, count(*) from staged group by 1").fetchall():
            r.rows_read += k
            if code is not None:
                r.by_reason[code] = r.by_reason.get(code, 0) + k
        step("count")
        write(con, ex, load_id, path.name, file_as_of)
        con.execute("drop table staged")
        step("write")
    r.by_reason = dict(sorted(r.by_reason.items(), key=lambda kv: (-kv[1], kv[0])))
    r.rows_quarantined = sum(r.by_reason.values())
    r.rows_loaded = r.rows_read - r.rows_quarantined
    from etl import targets
    r.rows_flagged, r.by_issue = targets.issue_counts(con, load_id)
    step("write")
    r.steps = steps
    r.seconds = time.perf_counter() - t0
    log(con, r, load_id, digest(), ex, started, "dry-run" if dry_run else "loaded")
    drop_temporary(con)
    return r


SLICE_ROWS = 2_000_000


def slices(con, ex) -> list[str]:
    """A file of more than SLICE_ROWS rows is validated, deduplicated and written in parts
    of about that many rows, so a load's memory follows the part, not the file. Rows are
    dealt to parts by a hash of what their key is made of (the NIK as it will be read, or
    the claim number): rows sharing a key, and a member's months, always meet in one part,
    so duplicates within the file and runs of months are found exactly as in one piece. The
    hash is taken once, as the file is read (etl/parts.py): a filter hashing every key
    again for each part took 37 s more at 42M rows in 21 parts, and a column added by an update
    is kept by DuckDB as update data beside the table (about 33 bytes a row)."""
    rows = con.execute(f"select count(*) from {RAW}").fetchone()[0]
    n = -(-rows // SLICE_ROWS)
    if n <= 1 or part_key(ex.kind) not in ex.columns:
        return ["true"]
    return [f"r._bucket % {n} = {i}" for i in range(n)]     # hash(NULL) is a number too


def drop_temporary(con) -> None:
    """The file's working tables (its rows, NIKs included) dropped as soon as it is loaded:
    the next file and the models get their memory, and no clear NIK outlives its file."""
    for (name,) in con.execute("select table_name from duckdb_tables() where temporary").fetchall():
        con.execute(f"drop table if exists temp.main.{ident(name)}")
    con.execute("detach database if exists file_rows")     # RAW's database


def stage(con, ex, params) -> None:
    """norm + member_key + the target table's key columns (tk_*, as they will be stored),
    materialised once; then duplicates within the file. The NIK is pseudonymised once per
    distinct NIK (a month-by-month export repeats each NIK dozens of times), and duplicate
    detection carries only a hash of the key and of the content, so its memory follows the
    keys, not the columns. Of valid rows sharing a key the first is kept; a later one is an
    exact duplicate (same typed values) or a conflict."""
    from etl.targets import OUT, present
    con.execute("create or replace temp table nik_key as select nik, "
                f"{pseudo.HMAC_SQL.format(x='nik')} as member_key "
                "from (select distinct nik from norm1 where nik_reason is null)", params)
    names = [d[0] for d in con.execute("select * from norm limit 0").description]
    typed = [n for n in names if not n.endswith(("_raw", "_reason", "_known", "_fallback"))
             and n not in ("_row", "_sheet", "reason", "nik")]
    cols = target_key_cols(ex.kind)
    tks = [f"{OUT[ex.kind][c].format_map(present(ex))} as tk_{c}" for c in cols]
    con.execute(f"""
        create or replace temp table staged as
        select *, {', '.join(tks)}, hash({', '.join(typed) or "''"}) as _content
        from (select n.*, k.member_key from norm n left join nik_key k on k.nik = n.nik and n.nik_reason is null)""")
    con.execute("drop table nik_key")
    con.execute("drop table norm1")      # staged holds every column of it: its memory is freed now
    mark_duplicates(con, cols)


def mark_duplicates(con, cols: list[str]) -> None:
    """Valid rows whose key an earlier row of the file has: candidates by a 64-bit hash of
    the key (8 bytes a row), then the exact key among the few candidates."""
    key = ", ".join(f"tk_{c}" for c in cols)
    con.execute(f"""
        create or replace temp table dup_rows as
        with h as (select hash({key}) as kh from staged where reason is null),
        cand as (select kh from h group by kh having count(*) > 1),
        rows as (select _sheet, _row, struct_pack(s := coalesce(_sheet, ''), r := _row) as _pos, _content,
                        {key}
                 from staged where reason is null and hash({key}) in (select kh from cand)),
        firsts as (select {key}, min(_pos) as first_pos, arg_min(_content, _pos) as first_content
                   from rows group by all having count(*) > 1)
        select r._sheet, r._row,
               struct_pack(code := case when r._content = f.first_content then 'DUPLICATE_ROW'
                                        else 'DUPLICATE_CONFLICT' end,
                           params := json_object('row', f.first_pos.r)) as reason
        from rows r join firsts f on {' and '.join(f"r.tk_{c} is not distinct from f.tk_{c}" for c in cols)}
        where r._pos <> f.first_pos""")
    if con.execute("select count(*) from dup_rows").fetchone()[0]:
        con.execute("""update staged s set reason = d.reason from dup_rows d
                       where s._row = d._row and s._sheet is not distinct from d._sheet""")
    con.execute("drop table dup_rows")


def mark_existing(con, kind: str, file_as_of) -> None:
    """Rows whose key is already in the warehouse: duplicates, conflicts, or older member data.
    A member row loses to the warehouse's only when its list's as-of month is older. A
    one-month contribution row also meets a stored run of one-month rows (etl/targets.py
    runs_sql) holding its month: the run's row, compared at its monthly amount."""
    on = " and ".join(f"t.{c} is not distinct from s.tk_{c}" for c in target_key_cols(kind))
    if kind == "members":
        cond = "t.as_of_month > $asof"
        reason = ("struct_pack(code := 'SUPERSEDED', params := json_object('load_id', t.load_id, "
                  "'as_of', t.as_of_month))")
    else:
        cond = "true"
        amount = "t.amount_rp"
        if kind == "contributions":
            on = ("t.member_key = s.tk_member_key and t.payer_code is not distinct from s.tk_payer_code and "
                  "(t.n_rows = 1 and t.period_start_month = s.tk_period_start_month "
                  "and t.period_end_month = s.tk_period_end_month or t.n_rows > 1 "
                  "and s.tk_period_start_month = s.tk_period_end_month "
                  "and s.tk_period_start_month between t.period_start_month and t.period_end_month)")
            amount = "t.amount_rp // t.n_rows"
        reason = (f"case when {amount} = s.amount_rp then struct_pack(code := 'DUPLICATE_LOADED', "
                  "params := json_object('load_id', t.load_id, 'row', t.row_number)) "
                  "else struct_pack(code := 'CONFLICT_LOADED', params := json_object('load_id', t.load_id, "
                  f"'row', t.row_number, 'value', {amount})) end")
    con.execute(f"""
        update staged s set reason = {reason}
        from {TARGET[kind]} t where s.reason is null and {on} and {cond}""",
                {"asof": file_as_of} if kind == "members" else {})


def target_key_cols(kind: str) -> list[str]:
    return {"members": ["member_key"],
            "contributions": ["member_key", "period_start_month", "period_end_month", "payer_code"],
            "claims": ["claim_id"], "subsidies": ["member_key", "scheme", "tranche"]}[kind]


def write(con, ex, load_id, file_name, file_as_of) -> None:
    from etl import targets
    if ex.kind == "members":
        targets.member_conflicts(con, ex, load_id, file_as_of)
    con.execute(targets.quarantine_sql(ex), {"id": load_id, "f": file_name})
    params = {"id": load_id, "asof": file_as_of} if ex.kind == "members" else {"id": load_id}
    if targets.supersede_sql(ex):
        con.execute(targets.supersede_sql(ex))
    con.execute(targets.insert_sql(ex), params)
    targets.record_issues(con, ex, load_id)


def log(con, r: FileResult, load_id, digest, ex, started, status) -> None:
    con.execute("""insert into load_log (load_id, file_name, sha256, kind, status, rows_read, rows_loaded,
                       rows_quarantined, rows_blank, rows_flagged, as_of_month, started_at, finished_at,
                       columns_used, columns_ignored, as_of_rule)
                   values ($id, $f, $sha, $kind, $status, $read, $loaded, $q, $blank, $flag, $asof, $start,
                       now()::timestamp, $used, $ignored, $rule)""",
                {"id": load_id, "f": r.file_name, "sha": digest, "kind": r.kind, "status": status,
                 "read": r.rows_read, "loaded": r.rows_loaded, "q": r.rows_quarantined,
                 "blank": r.rows_blank, "flag": r.rows_flagged, "asof": r.as_of, "start": started,
                 "used": "; ".join(f"{mask_nik(h)} -> {f}" for f, h in ex.columns.items()),
                 "ignored": "; ".join(map(mask_nik, ex.ignored)), "rule": r.as_of_rule})
