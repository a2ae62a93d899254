"""The warehouse file: one writer at a time, building a new version beside the
published one and swapping it in atomically, so readers never see a
half-loaded state and a crash (even kill -9) leaves the published file as it was.

DuckDB lets no other process open a file while one holds it read-write
(../shared/TOOLCHAIN.md), so the ETL never opens the published file for
writing: under an exclusive lock (filelock, flock: the kernel releases it when
its holder dies) it copies the published file, writes the copy, compacts it
into a fresh file and `os.replace`s that into place.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout

from etl import privacy, settings
from etl.sqlid import ident

SQL = Path(__file__).resolve().parent / "sql"
SPACE_MARGIN = 32 << 20          # bytes of free space kept beyond the two copies a build needs


class LoadError(Exception):
    """An expected problem, told to the user in one sentence."""


def sql_file(name: str) -> str:
    return (SQL / name).read_text(encoding="utf-8")


def open_build(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-write connection whose memory is bounded by setting load_memory_mb (0: DuckDB's
    default, 80% of RAM), and whose spill folder is private (0700) and beside it. Only work
    on pseudonymised rows may spill there (the models): while a file's rows, NIKs in clear,
    are in memory, spilling is off (file_rows_in_memory), so a file too large for the bound is
    refused rather than written to disk. Insertion order is kept: a file's row numbers are the
    rowids of the table it is read into, in parallel (etl/extract.py create_raw)."""
    spill = path.with_name(path.name + ".tmp")
    spill.mkdir(mode=0o700, exist_ok=True)
    spill.chmod(0o700)
    limit = settings.get_int("load_memory_mb", 0)
    if 0 < limit < 256:
        raise settings.SettingError(f"SEJUTA_LOAD_MEMORY_MB={limit} is too little for a build: "
                                    "give 256 or more, or 0 for DuckDB's default.")
    con = duckdb.connect(str(path), config={"temp_directory": str(spill), "preserve_insertion_order": True,
                                            **({"memory_limit": f"{limit}MB"} if limit else {})})
    privacy.register(con)
    con.execute(sql_file("macros.sql"))
    con.execute(sql_file("schema.sql"))
    keys_as_numbers(con)
    return con


def keys_as_numbers(con: duckdb.DuckDBPyConnection) -> None:
    """Warehouses built before 7 December 2026 kept member_key as the HMAC's first 32 hex
    characters; it is now the same 128 bits as a UHUGEINT (etl/pseudo.py HMAC_SQL). Every
    table still holding the text form is converted in place, so a member keeps the key the
    next load gives it; a value that is not 32 hex characters stops the build."""
    tables = [r[0] for r in con.execute(
        "select c.table_name from duckdb_columns() c join duckdb_tables() t using (database_name, schema_name, table_name) "
        "where c.database_name = current_database() and c.schema_name = 'main' and not t.temporary "
        "and c.column_name = 'member_key' and c.data_type = 'VARCHAR' order by 1").fetchall()]
    for name in tables:
        bad = con.execute(f"select count(*) from {ident(name)} where not regexp_full_match(member_key, '[0-9a-f]{{32}}')"
                          ).fetchone()[0]
        if bad:
            raise LoadError(f"Table {name} of this warehouse holds {bad:,} member keys that are not pseudonyms "
                            "(32 hex characters), so it cannot be converted: rebuild the warehouse from the raw files.")
        con.execute(f"alter table {ident(name)} alter member_key set data type uhugeint "
                    "using ('0x' || member_key)::uhugeint")


def sibling(published: Path, kind: str) -> Path:
    """.warehouse.duckdb.lock, .warehouse.duckdb.build-PID, ... beside the published file."""
    return published.with_name(f".{published.name}.{kind}")


# ------------------------------------------------------------------ the writer lock

def read_holder(published: Path) -> str:
    try:
        h = json.loads(sibling(published, "lock.json").read_text(encoding="utf-8"))
        return f"{h['who']} (pid {h['pid']}, since {h['since']})"
    except (OSError, ValueError, KeyError, TypeError):
        return "another load or rebuild"


@contextmanager
def writer_lock(published: Path, who: str, wait: bool = True, progress=print):
    """Exclusive for the whole build and publish. A second writer waits (saying for
    whom) or, with wait=False, stops with one sentence."""
    lock = FileLock(sibling(published, "lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        holder = read_holder(published)
        if not wait:
            raise LoadError(f"The warehouse {published.name} is being written by {holder}; "
                            "try again when it has finished, or leave out --no-wait to wait for it.") from None
        progress(f"waiting for {holder} to finish writing {published.name} ...")
        lock.acquire()
    holder = sibling(published, "lock.json")
    try:
        holder.write_text(json.dumps({"who": who, "pid": os.getpid(),
                                      "since": dt.datetime.now().isoformat(timespec="seconds")}),
                          encoding="utf-8")
        yield
    finally:
        holder.unlink(missing_ok=True)
        lock.release()


def command_line() -> str:
    args = [Path(a).name for a in sys.argv[1:4]]
    return " ".join(["python -m etl", *args]) if args else "python -m etl"


# ------------------------------------------------------------------ building and publishing

def remove_leftovers(published: Path) -> int:
    """Build and compaction files (and their .wal) of a failed or killed writer.
    Called under the lock: no other writer is running, so every one is stale."""
    n = 0
    for pattern in ("build-*", "compact-*"):
        for stale in published.parent.glob(f".{published.name}.{pattern}"):
            if stale.is_dir():        # DuckDB's spill folder (<database>.tmp)
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
            n += 1
    return n


def check_space(published: Path, extra: int = 0) -> None:
    """Room for a working copy, a compacted copy and the copy the history keeps."""
    size = published.stat().st_size if published.exists() else 0
    need = 3 * size + extra + SPACE_MARGIN
    free = shutil.disk_usage(published.parent).free
    if free < need:
        raise LoadError(f"Not enough free disk space in {published.parent}: a load needs about "
                        f"{need >> 20:,} MB (a working copy, a compacted copy and the history's copy of the warehouse) "
                        f"and {free >> 20:,} MB are free.")


@contextmanager
def building(published: Path | None = None, publish: bool = True, who: str = "", wait: bool = True,
             fresh: bool = False, extra_bytes: int = 0, progress=print, by: str | None = None,
             action: str | None = None):
    """Yield a read-write connection to a private copy of the warehouse (an empty
    one when fresh), taken under the writer lock; publish it on success (finished: compacted
    when much of it is free), unless publish is False, or a callable that returns False once
    the work is done (a dry run, or nothing changed); discard it on any error or interrupt. A publish is a new version
    of the history (etl/history.py), recorded as done `by` someone (default `cli:<os user>`) and
    as `action` (default: new, load or rebuild)."""
    from etl import history
    published = Path(published or settings.get_path("warehouse"))
    published.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(published, who or command_line(), wait, progress):
        remove_leftovers(published)
        check_space(published, extra_bytes)
        tmp = sibling(published, f"build-{os.getpid()}")
        if published.exists() and not fresh:
            shutil.copyfile(published, tmp)
        con = open_build(tmp)
        first = history.last_load_id(con)
        try:
            try:
                yield con
            except duckdb.OutOfMemoryException:
                raise LoadError(out_of_memory()) from None
            if publish() if callable(publish) else publish:
                files = history.loads_since(con, first)
                what = action or ("new" if fresh else "load" if files else "rebuild")
                history.publish(published, finished(con, tmp, published), what, by, files)
        finally:
            con.close()
            remove_leftovers(published)


def out_of_memory() -> str:
    limit = settings.get_int("load_memory_mb", 0)
    bound = f"SEJUTA_LOAD_MEMORY_MB={limit}" if limit else "the memory DuckDB may use (80% of RAM)"
    return (f"The build needed more memory than {bound} (a file's rows are held in memory, never written "
            "to disk), so nothing was published: raise SEJUTA_LOAD_MEMORY_MB, or load a very large file "
            "split into parts (by year).")


@contextmanager
def file_rows_in_memory(con):
    """No spilling while the files' rows, NIKs in clear, are in DuckDB's memory: work that
    does not fit the memory bound stops with an out-of-memory error instead of writing them to
    the spill folder. Persistent tables (pseudonymised) are still evicted to the build file."""
    con.execute("set max_temp_directory_size = '0B'")
    try:
        yield
    finally:
        try:
            con.execute("reset max_temp_directory_size")
        except duckdb.Error:      # a failed build: its connection is closed and discarded next
            pass


def memory_bound(con) -> float:
    """The connection's memory limit in bytes (DuckDB gives it as text: '3.8 GiB', '4.0 GB')."""
    size = con.execute("select current_setting('memory_limit')").fetchone()[0]
    m = re.fullmatch(r"\s*([\d.]+)\s*([KMGT]?i?B|bytes)\s*", size)
    if not m:
        return float("inf")
    unit = m.group(2)
    power = "BKMGT".index(unit[0]) if unit != "bytes" else 0
    return float(m.group(1)) * (1024 if "i" in unit else 1000) ** power


COMPACT_FREE_SHARE = 0.25      # a build with more of its blocks free is compacted before it is published


def finished(con: duckdb.DuckDBPyConnection, build: Path, published: Path) -> Path:
    """The build, checkpointed, as the file to swap in: the build file itself, closed, when at
    most a quarter of its blocks are free (a first load: measured at 1M members, 11% free, and
    the copy took 10 s of a 46 s load), else a compacted copy (a rebuild or reload replaces
    the models and leaves their old blocks free: the old publish grew 1.8x on each), so the
    published file stays within 4/3 of its compact size."""
    con.execute("checkpoint")
    free, total = con.execute("select free_blocks, total_blocks from pragma_database_size() "
                              "where database_name = current_database()").fetchone()
    if free > COMPACT_FREE_SHARE * total:
        return compacted(con, published)
    con.close()
    return build


def compacted(con: duckdb.DuckDBPyConnection, published: Path) -> Path:
    """The build copied into a fresh file (no free blocks left by replaced tables), ready
    to be swapped in."""
    out = sibling(published, f"compact-{os.getpid()}")
    out.unlink(missing_ok=True)
    build_db = con.execute("select current_database()").fetchone()[0]
    con.execute("attach $p as compacted", {"p": str(out)})
    con.execute(f"copy from database {ident(build_db)} to compacted")
    con.execute("detach compacted")
    return out


def refresh_config(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Reference tables and the configuration in force, written into the build; returns the
    names of those that changed (by a fingerprint of their contents kept in meta), so a
    rebuild rebuilds only what reads them."""
    from etl import reference     # pandas: imported only when a build needs it (a no-op load does not)
    changed = set()
    for name, frame in reference.tables().items():
        fp = frame_fingerprint(frame)
        key = f"fp:{name}"
        exists = con.execute("select count(*) from duckdb_tables() where not temporary and table_name = $t "
                             "and database_name = current_database()", {"t": name}).fetchall()[0][0]
        if exists and con.execute("select value from meta where key = $k", {"k": key}).fetchall() == [(fp,)]:
            continue
        con.register("_frame", frame)
        con.execute(f"create or replace table {ident(name)} as select * from _frame")
        con.unregister("_frame")
        con.execute("insert or replace into meta values ($k, $v)", {"k": key, "v": fp})
        changed.add(name)
    return changed


def frame_fingerprint(frame) -> str:
    """Columns, types and values of a (small) reference frame."""
    import hashlib
    text = str(list(zip(frame.columns, map(str, frame.dtypes)))) + frame.to_json(orient="values", date_format="iso")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
