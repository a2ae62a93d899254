"""NIK pseudonymisation (UU 27/2022): member_key = HMAC-SHA256(key, NIK),
computed inside DuckDB. The key lives outside the repository (setting
key_file), is created on first use, and never enters the warehouse."""
from __future__ import annotations

import os
import secrets

from etl import settings

BLOCK = 64


def key() -> bytes:
    path = settings.get_path("key_file")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
    data = path.read_bytes()
    if len(data) < 16:
        raise ValueError(f"{path}: the NIK key file is too short; delete it to create a new one "
                         "(every member then gets a new pseudonym: reload all files).")
    return data


def pads(k: bytes) -> dict[str, bytes]:
    k = k.ljust(BLOCK, b"\0")
    return {"ipad": bytes(b ^ 0x36 for b in k), "opad": bytes(b ^ 0x5C for b in k)}


HMAC_SQL = "left(sha256($opad::BLOB || unhex(sha256($ipad::BLOB || encode({x})))), 32)"
