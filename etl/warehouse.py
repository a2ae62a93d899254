"""The warehouse file: building a new version beside the published one and
swapping it in atomically, so readers never see a half-loaded state and a
crash (even kill -9) leaves the published file as it was.

DuckDB lets no other process open a file while one holds it read-write
(../shared/TOOLCHAIN.md), so the ETL never opens the published file for
writing: it copies it, writes the copy, and `os.replace`s it into place.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import duckdb

from etl import reference, settings

SQL = Path(__file__).resolve().parent / "sql"


class _Discard(Exception):
    pass


class LoadError(Exception):
    """An expected problem, told to the user in one sentence."""


def sql_file(name: str) -> str:
    return (SQL / name).read_text(encoding="utf-8")


def open_build(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    con.execute(sql_file("macros.sql"))
    con.execute(sql_file("schema.sql"))
    return con


@contextmanager
def building(published: Path | None = None, publish: bool = True):
    """Yield a read-write connection to a private copy of the warehouse;
    publish it on success (unless publish=False: a dry run), discard it on any error."""
    published = Path(published or settings.get_path("warehouse"))
    published.parent.mkdir(parents=True, exist_ok=True)
    tmp = published.with_name(f".{published.name}.build-{os.getpid()}")
    for stale in published.parent.glob(f".{published.name}.build-*"):
        _remove_if_dead(stale)
    if published.exists():
        shutil.copyfile(published, tmp)
    con = open_build(tmp)
    try:
        yield con
        con.execute("checkpoint")
        con.close()
        if not publish:
            raise _Discard
        os.replace(tmp, published)
    except _Discard:
        tmp.unlink(missing_ok=True)
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
        raise


def _remove_if_dead(stale: Path) -> None:
    pid = stale.name.rsplit("-", 1)[-1].split(".")[0]
    if pid.isdigit() and not Path(f"/proc/{pid}").exists():
        stale.unlink(missing_ok=True)


def refresh_config(con: duckdb.DuckDBPyConnection) -> None:
    """Reference tables and the configuration in force, written into the build."""
    for name, frame in reference.tables().items():
        con.register("_frame", frame)
        con.execute(f'create or replace table "{name}" as select * from _frame')
        con.unregister("_frame")
