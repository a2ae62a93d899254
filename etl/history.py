"""What was published, when, by whom, and the way back.

Every publish (a load, a rebuild, a rollback, a new warehouse) is a numbered version:
one line of `<warehouse>.history/publish_log.jsonl` (when, who, what: the files with
their size and SHA-256, the warehouse's own size and SHA-256), and a copy of the file
published, `<warehouse>.history/v<N>.duckdb`, kept for the last `keep_versions`
versions. `rollback` copies one back, byte for byte, under the writer lock, as a new
version of its own.

The log lives beside the warehouse, not in it, because a rollback restores the warehouse
exactly, load_log included: the warehouse says which files it holds (so a file rolled
back can be loaded again), the log says what was published and undone.
"""
from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
from pathlib import Path

from etl import settings
from etl.privacy import mask_text
from etl.warehouse import LoadError

LOG = "publish_log.jsonl"
CHUNK = 1 << 20


def cli_user() -> str:
    """`cli:<os user>`: who ran a command on the server."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return f"cli:uid-{os.getuid()}"


def folder(published: Path) -> Path:
    return published.with_name(published.name + ".history")


def snapshot(published: Path, version: int) -> Path:
    return folder(published) / f"v{version}.duckdb"


def entries(published: Path) -> list[dict]:
    """The log, oldest first; a line cut short by a crash is left out."""
    try:
        text = (folder(published) / LOG).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    out = []
    for line in text.splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    for e in out:
        e["kept"] = snapshot(published, e["version"]).is_file()
    return out


def copy_hashing(src: Path, dst: Path) -> tuple[int, str]:
    """Copy src to dst (mode 600) and return (bytes, SHA-256) of what was copied."""
    h, n = hashlib.sha256(), 0
    fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(src, "rb") as fin, os.fdopen(fd, "wb") as fout:
        for chunk in iter(lambda: fin.read(CHUNK), b""):
            h.update(chunk)
            fout.write(chunk)
            n += len(chunk)
        fout.flush()
        os.fsync(fout.fileno())
    return n, h.hexdigest()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def identity(path: Path) -> list[int]:
    s = path.stat()
    return [s.st_ino, s.st_mtime_ns, s.st_size]


def current(published: Path, log: list[dict] | None = None) -> dict | None:
    """The log entry of the file published now; None when it is not the last one logged
    (replaced by hand, a publish from before the history, a crash between swap and log)."""
    log = entries(published) if log is None else log
    if not log or not published.exists():
        return None
    return log[-1] if log[-1].get("file") == identity(published) else None


def loads_since(con, first: int) -> list[dict]:
    """The files a build loaded (load_log rows after `first`), for the log."""
    rows = con.execute("""select load_id, file_name, kind, size_bytes, sha256, rows_read, rows_loaded,
                                 rows_quarantined from load_log where load_id > $first and status = 'loaded'
                          order by load_id""", {"first": first}).fetchall()
    keys = ("load_id", "file_name", "kind", "size_bytes", "sha256", "rows_read", "rows_loaded", "rows_quarantined")
    return [{**dict(zip(keys, r)), "file_name": mask_text(r[1])} for r in rows]


def last_load_id(con) -> int:
    return con.execute("select coalesce(max(load_id), 0) from load_log").fetchall()[0][0]


def publish(published: Path, new: Path, action: str, by: str | None, files: list[dict] = (),
            restored: int | None = None) -> dict:
    """Under the writer lock: keep a copy of `new` as the next version, swap it in, log it.
    A published file the log does not know is first kept as a version of its own."""
    d = folder(published)
    d.mkdir(mode=0o700, exist_ok=True)
    log = entries(published)
    if published.exists() and current(published, log) is None:
        log.append(keep_found(published, log))
    version = max((e["version"] for e in log), default=0) + 1
    size, digest = copy_hashing(new, snapshot(published, version))
    os.replace(new, published)
    entry = {"version": version, "at": now(), "by": by or cli_user(), "action": action, "files": list(files),
             "size_bytes": size, "sha256": digest, "file": identity(published)}
    if restored is not None:
        entry["restored"] = restored
    append(d / LOG, entry)
    prune(published)
    return entry


def keep_found(published: Path, log: list[dict]) -> dict:
    version = max((e["version"] for e in log), default=0) + 1
    size, digest = copy_hashing(published, snapshot(published, version))
    entry = {"version": version, "at": now(), "by": "", "action": "found", "files": [], "size_bytes": size,
             "sha256": digest, "file": identity(published)}
    append(folder(published) / LOG, entry)
    return entry


def now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def append(log: Path, entry: dict) -> None:
    """One write of one line (O_APPEND): a reader sees a whole line or none."""
    data = (json.dumps({k: v for k, v in entry.items() if k != "kept"}, ensure_ascii=False) + "\n").encode()
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def prune(published: Path) -> None:
    keep = settings.get_int("keep_versions", 1)
    kept = sorted(int(p.stem[1:]) for p in folder(published).glob("v*.duckdb") if p.stem[1:].isdigit())
    for v in kept[:-keep]:
        snapshot(published, v).unlink(missing_ok=True)


# ------------------------------------------------------------------ rollback

def target(log: list[dict], now_entry: dict | None, to: int | None) -> dict:
    """The version to put back: `to`, else the newest one before the version published now."""
    kept = [e for e in log if e["kept"]]
    if to is not None:
        match = [e for e in log if e["version"] == to]
        if not match:
            raise LoadError(f"There is no version {to} in the history; `python -m etl rollback --list` shows them.")
        if now_entry is not None and to == now_entry["version"]:
            raise LoadError(f"Version {to} is the one published now.")
        if not match[0]["kept"]:
            raise LoadError(f"Version {to} is no longer kept (only the last "
                            f"{settings.get_int('keep_versions', 1)} are: setting SEJUTA_KEEP_VERSIONS).")
        return match[0]
    newest = now_entry["version"] if now_entry else max((e["version"] for e in log), default=0) + 1
    before = [e for e in kept if e["version"] < newest]
    if not before:
        raise LoadError("No earlier version is kept to roll back to.")
    return before[-1]


def version_of_load(log: list[dict], load_id: int) -> int:
    """The newest version published by the load that wrote load_log row `load_id` (after a
    rollback the next load may reuse an id: the newest is meant)."""
    found = [e["version"] for e in log if any(f.get("load_id") == load_id for f in e.get("files", []))]
    if not found:
        raise LoadError(f"No published version loaded load_id {load_id}; `python -m etl rollback --list` shows them.")
    return found[-1]


def rollback(published: Path | None = None, to: int | None = None, by: str | None = None,
             wait: bool = True, progress=print, load_id: int | None = None) -> dict:
    """Put a kept version back as the published warehouse, byte for byte, under the writer
    lock; the key of the NIK pseudonym must be the one that version was built with. `to`: a
    version; `load_id`: the version that load published; neither: the one before."""
    from etl.warehouse import check_space, remove_leftovers, sibling, writer_lock
    published = Path(published or settings.get_path("warehouse"))
    with writer_lock(published, f"rollback by {by or cli_user()}", wait, progress):
        remove_leftovers(published)
        log = entries(published)
        if load_id is not None:
            to = version_of_load(log, load_id)
        chosen = target(log, current(published, log), to)
        src = snapshot(published, chosen["version"])
        check_space(published, 2 * src.stat().st_size)
        tmp = sibling(published, f"build-{os.getpid()}")
        try:
            _, digest = copy_hashing(src, tmp)
            if digest != chosen["sha256"]:
                raise LoadError(f"The kept copy of version {chosen['version']} changed after it was published "
                                "(its SHA-256 differs), so it cannot be restored exactly.")
            check_key(tmp, f"Version {chosen['version']} cannot be restored")
            if file_sha256(tmp) != digest:
                raise LoadError(f"Version {chosen['version']} changed while it was checked; nothing was restored.")
            if published.exists():          # readers keep the access they had (a dashboard under another user)
                os.chmod(tmp, published.stat().st_mode & 0o777)
            return publish(published, tmp, "rollback", by, restored=chosen["version"])
        finally:
            tmp.unlink(missing_ok=True)


def check_key(db: Path, what: str) -> None:
    """The key file must be the key the warehouse `db` was built with (its fingerprint);
    else `what` cannot be done, in one sentence."""
    import duckdb
    from etl import pseudo
    con = duckdb.connect(str(db), read_only=True)
    try:
        has_meta = con.execute("select count(*) from duckdb_tables() where table_name = 'meta'").fetchall()[0][0]
        rows = con.execute("select value from meta where key = 'key_fingerprint'").fetchall() if has_meta else []
        row = rows[0] if rows else None
    finally:
        con.close()
    if row is None:
        return
    path = settings.get_path("key_file")
    k = pseudo.read_key(path)
    if k is None or pseudo.fingerprint(k) != row[0]:
        problem = "is missing" if k is None else "is not the key it was built with"
        raise LoadError(f"{what}: the NIK key file {path} {problem}; restore that key from your backup first.")
