"""Which files a load may skip: each file's SHA-256, computed in threads beside the load,
and the sizes of the files a warehouse has loaded, which tell when a digest must be waited
for (etl/load.py)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb

from etl.privacy import mask_text
from etl.warehouse import LoadError


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError as e:
        raise LoadError(f"{mask_text(path.name)}: cannot be read ({e.strerror or type(e).__name__}).") from None
    return h.hexdigest()


class Digests:
    """SHA-256 of each file, hashed in threads beside the load (hashlib releases the GIL): a
    4 GB export takes 3.8 s to hash, which the load no longer waits for before its first row
    (etl/load.py load_file asks for a file's digest only when a loaded file has its size, and
    when it logs the load). A load of files that may all be loaded already is decided on the
    digests alone, before any build (all_may_be_loaded)."""
    def __init__(self, paths: list[Path]):
        from concurrent.futures import ThreadPoolExecutor
        self.pool = ThreadPoolExecutor(max_workers=min(len(paths), os.cpu_count() or 1) or 1)
        self.futures = {p: self.pool.submit(digest_or_error, p) for p in paths}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.pool.shutdown(wait=True, cancel_futures=True)

    def wait_all(self) -> dict[Path, str | LoadError]:
        return {p: f.result() for p, f in self.futures.items()}

    def of(self, path: Path):
        """A callable giving the file's digest (waiting for it), or raising its LoadError."""
        def digest() -> str:
            d = self.futures[path].result()
            if isinstance(d, LoadError):
                raise d
            return d
        return digest


def digest_or_error(path: Path) -> str | LoadError:
    try:
        return sha256(path)
    except LoadError as e:
        return e


def loaded_sizes(con) -> set:
    """The sizes of the files a warehouse has loaded (None: a load logged without its size)."""
    return {s for (s,) in con.execute("select distinct size_bytes from load_log where status = 'loaded'").fetchall()}


def may_be_loaded(sizes: set, path: Path) -> bool:
    """Whether a file may already be loaded: only a loaded file of the same size (or one of no
    recorded size) can have its content, so only then is its digest waited for."""
    return None in sizes or path.stat().st_size in sizes


def all_may_be_loaded(published: Path, paths: list[Path]) -> bool:
    """False when some file may not be loaded in the published warehouse (may_be_loaded): the
    build starts without waiting for the digests. True when every file may be, or when it
    cannot tell; no warehouse is False."""
    if not published.is_file():
        return False
    try:
        with duckdb.connect(str(published), read_only=True) as con:
            sizes = loaded_sizes(con)
    except duckdb.Error:
        return True
    return all(may_be_loaded(sizes, p) for p in paths)


def already_loaded(published: Path, digests: dict[Path, str]) -> dict[Path, str]:
    """The files whose content the published warehouse has loaded (path -> the name it was
    loaded as), read without the writer lock or a copy; {} when it cannot tell."""
    if not published.is_file():
        return {}
    try:
        with duckdb.connect(str(published), read_only=True) as con:
            rows = con.execute("select sha256, any_value(file_name) from load_log where status = 'loaded' "
                               "and sha256 in (select unnest($s)) group by 1",
                               {"s": list(set(digests.values()))}).fetchall()
    except duckdb.Error:
        return {}
    names = dict(rows)
    return {p: names[d] for p, d in digests.items() if d in names}
