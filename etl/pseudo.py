"""NIK pseudonymisation (UU 27/2022): member_key = the first 128 bits of HMAC-SHA256(key, NIK),
kept as a UHUGEINT, computed inside DuckDB. The key lives outside the repository (setting
key_file) and never enters the warehouse; the warehouse records only its
fingerprint (an HMAC of a fixed label) at its first load and every later load
checks it. A key is created only for a new, empty warehouse: a lost key means
a rebuild from the raw files (`--new-key`), never a silent change of every
member's pseudonym."""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from etl import settings
from etl.warehouse import LoadError

BLOCK = 64
KEY_BYTES = 32
LABEL = b"sejuta-peserta key fingerprint v1"
RECOVER = ("restore the key file from your backup, or rebuild the warehouse from the raw files "
           "with `python -m etl load --new-key FILE...`")


def fingerprint(k: bytes) -> str:
    return hmac.new(k, LABEL, hashlib.sha256).hexdigest()[:32]


def read_key(path: Path) -> bytes | None:
    if not path.exists():
        return None
    try:
        data = path.read_bytes()
    except OSError as e:
        raise LoadError(f"The NIK key file {path} cannot be read ({e.strerror}).") from None
    if len(data) != KEY_BYTES:
        raise LoadError(f"The NIK key file {path} is empty or corrupt ({len(data)} bytes instead of "
                        f"{KEY_BYTES}): {RECOVER}.")
    return data


def create_key(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = secrets.token_bytes(KEY_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return data


def is_empty(con) -> bool:
    return not con.execute("select exists(select 1 from members) or exists(select 1 from contributions) "
                           "or exists(select 1 from claims) or exists(select 1 from subsidies)").fetchone()[0]


def key_for(con) -> bytes:
    """The key of the warehouse being built: checked against its recorded fingerprint,
    created only when the warehouse is new; the fingerprint recorded at the first load."""
    path = settings.get_path("key_file")
    k = read_key(path)
    row = con.execute("select value from meta where key = 'key_fingerprint'").fetchone()
    recorded = row[0] if row else None
    new = recorded is None and is_empty(con)
    if k is None and not new:
        raise LoadError(f"The NIK key file {path} is missing but this warehouse was built with a key: {RECOVER}.")
    if k is None:
        k = create_key(path)
    if recorded and fingerprint(k) != recorded:
        raise LoadError(f"The NIK key file {path} is not the key this warehouse was built with: {RECOVER}.")
    if not recorded:
        con.execute("insert or replace into meta values ('key_fingerprint', $f)", {"f": fingerprint(k)})
    return k


def pads(k: bytes) -> dict[str, bytes]:
    k = k.ljust(BLOCK, b"\0")
    return {"ipad": bytes(b ^ 0x36 for b in k), "opad": bytes(b ^ 0x5C for b in k)}


# The first 128 bits of the HMAC as a UHUGEINT (16 bytes, compared and hashed as one number):
# every join, window and group of the models is by member_key, and 32 hex characters, too long
# to be inlined, made each of them follow a pointer and compare text (3M members: the member
# and contribution spells took 7.5 and 8.5 s as text, 5.3 and 4.7 s as numbers).
HMAC_SQL = "('0x' || left(sha256($opad::BLOB || unhex(sha256($ipad::BLOB || encode({x})))), 32))::uhugeint"
