"""`python -m etl load --inbox DIR`: scheduled loads from a folder that offices copy their
exports into (cron or a systemd timer, every few minutes; README, docs/operations.md).

Each run loads every file of DIR itself (not its subfolders), one file per publish, so a
bad file never holds back a good one: a loaded file moves to DIR/loaded/, a refused one
to DIR/failed/ beside a one-line `<name>.reason.txt` saying why. A file that may still be
being copied is left for the next run: a temporary name (`*.part`, `~$*`, hidden files,
...) or a file modified less than `SEJUTA_INBOX_SETTLE_SECONDS` ago. Two runs never
overlap (a lock in DIR); a run that finds another one busy stops at once, and a load
waits for the warehouse's writer lock like any other. Problems of the warehouse itself
(the NIK key) stop the run before any file is touched.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from etl import settings
from etl.privacy import mask_text
from etl.warehouse import LoadError

TEMPORARY = ("~$*", ".*", "*.part", "*.partial", "*.tmp", "*.crdownload", "*.filepart", "*.download", "*.swp",
             "*.reason.txt")
LOADED, FAILED = "loaded", "failed"


class InboxBusy(Exception):
    """Another inbox run holds the folder."""


@dataclass
class Outcome:
    loaded: list[tuple[str, str]] = field(default_factory=list)    # (file, where it went and what it held)
    failed: list[tuple[str, str]] = field(default_factory=list)    # (file, the sentence)
    waiting: list[str] = field(default_factory=list)               # files left for the next run


def is_temporary(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in TEMPORARY)


def scan(folder: Path, settle: int, now: float | None = None) -> tuple[list[Path], list[Path]]:
    """(files to load now, oldest first; files left for the next run)."""
    now = time.time() if now is None else now
    ready, waiting = [], []
    for p in sorted(folder.iterdir()):
        if not p.is_file() or p.is_symlink() or is_temporary(p.name):
            continue
        (waiting if now - p.stat().st_mtime < settle else ready).append(p)
    ready.sort(key=lambda p: (p.stat().st_mtime, p.name))
    return ready, waiting


def destination(folder: Path, name: str) -> Path:
    """folder/name, or with the time added when a file of that name is already there."""
    folder.mkdir(mode=0o750, exist_ok=True)
    target = folder / name
    if target.exists() or target.is_symlink():
        stem, suffix = os.path.splitext(name)
        target = folder / f"{stem}.{dt.datetime.now():%Y%m%d-%H%M%S-%f}{suffix}"
    return target


def move(path: Path, folder: Path, reason: str | None = None) -> Path:
    target = destination(folder, path.name)
    os.replace(path, target)
    if reason is not None:
        line = " ".join(reason.split())            # one line, whatever the sentence held
        target.with_name(target.name + ".reason.txt").write_text(line + "\n", encoding="utf-8")
    return target


def preflight(warehouse: Path) -> None:
    """Problems of the warehouse, not of a file: told once, and no file is moved."""
    from etl import history
    if warehouse.is_file():
        history.check_key(warehouse, "The inbox was not processed")


def summary(r) -> str:
    if r.skipped:
        return r.skipped
    return (f"{r.kind}, {r.rows_read:,} rows read, {r.rows_loaded:,} loaded, "
            f"{r.rows_quarantined:,} quarantined, {r.rows_flagged:,} flagged")


def run(folder, by: str | None = None, settle: int | None = None, warehouse=None, progress=print) -> Outcome:
    from etl.load import load_paths
    folder = Path(folder)
    if not folder.is_dir():
        raise LoadError(f"--inbox {mask_text(folder)}: no such folder.")
    settle = settings.get_int("inbox_settle_seconds", 0) if settle is None else settle
    warehouse = Path(warehouse or settings.get_path("warehouse"))
    lock = FileLock(folder / ".inbox.lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise InboxBusy from None
    try:
        preflight(warehouse)
        ready, waiting = scan(folder, settle)
        out = Outcome(waiting=[p.name for p in waiting])
        for p in ready:
            progress(f"inbox: loading {mask_text(p.name)} ...")
            try:
                [r] = load_paths([p], by=by, warehouse=warehouse, progress=lambda *_: None)
            except LoadError as e:
                out.failed.append((p.name, str(e)))
                move(p, folder / FAILED, str(e))
                continue
            target = move(p, folder / LOADED)
            out.loaded.append((p.name, f"{LOADED}/{mask_text(target.name, 200)}: {summary(r)}"))
        return out
    finally:
        lock.release()
