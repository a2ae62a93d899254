"""Who is at the dashboard, and what they may do.

Roles: **viewer** (every aggregate page; anyone, signed in or not), **steward** (also the
load page, the quarantine samples, rollback), **admin** (also targets and tiers). A
person's role comes from the roles file (setting SEJUTA_ROLES_FILE), by e-mail:

    [people."data.officer@nttprov.go.id"]
    role = "steward"
    password_hash = "$argon2id$v=19$..."     # the local mode only

Identity, in this order: Streamlit's own login (st.login, OpenID Connect, configured by an
[auth] section in .streamlit/secrets.toml: the province's identity provider) when a person
signed in with it; else the local mode, for an office without an identity provider: people
of the roles file with a password_hash sign in on the account page with e-mail and password
(argon2, checked here), for the browser session. With neither configured the dashboard is
view-only and the account page says how to enable loading (docs/operations.md).
"""
from __future__ import annotations

import functools
import threading
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from etl import settings

ROLES = ("viewer", "steward", "admin")
RANK = {r: i for i, r in enumerate(ROLES)}
SESSION_KEY = "_auth_local_email"
MAX_FAILS, LOCK_SECONDS = 5, 300


@dataclass(frozen=True)
class Person:
    email: str
    role: str
    password_hash: str = ""


class RolesFileError(ValueError):
    """The roles file cannot be read; the message says where and what."""


@functools.lru_cache(maxsize=4)
def _read(path: str, stamp: tuple[int, int]) -> dict[str, Person]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeError, tomllib.TOMLDecodeError) as e:
        raise RolesFileError(f"{path}: {type(e).__name__}") from None
    people = {}
    for email, entry in (data.get("people") or {}).items():
        role = str((entry or {}).get("role", "")).strip().lower() if isinstance(entry, dict) else ""
        if role not in ROLES or "@" not in email:
            raise RolesFileError(f"{path}: [people.\"{email}\"] needs an e-mail and a role of {', '.join(ROLES)}")
        people[email.strip().lower()] = Person(email.strip().lower(), role, str(entry.get("password_hash", "")))
    return people


def people() -> dict[str, Person]:
    """The roles file as read now (re-read when it changes); empty when there is none."""
    path = settings.get_path("roles_file")
    try:
        s = path.stat()
    except FileNotFoundError:
        return {}
    return _read(str(path), (s.st_mtime_ns, s.st_size))


def roles_problem() -> str | None:
    try:
        people()
    except RolesFileError as e:
        return str(e)
    return None


def _people_or_none() -> dict[str, Person]:
    try:
        return people()
    except RolesFileError:
        return {}


# ------------------------------------------------------------------ how people sign in

def oidc_providers() -> list[str | None]:
    """The providers of .streamlit/secrets.toml [auth]: [None] for the unnamed one, else their names."""
    try:
        if not st.secrets.load_if_toml_exists():
            return []
        auth = st.secrets.get("auth") or {}
    except Exception:  # an unreadable secrets file: no login, never a traceback
        return []
    if "client_id" in auth:
        return [None]
    return [name for name, v in auth.items() if hasattr(v, "get") and "client_id" in v]


def local_mode() -> bool:
    return any(p.password_hash for p in _people_or_none().values())


def login_configured() -> bool:
    return bool(oidc_providers()) or local_mode()


def identity() -> str | None:
    """The signed-in person's e-mail (lower case), or None. The identity provider's word is
    taken only for a completed login and an e-mail it has not marked unverified."""
    try:
        user = st.user.to_dict()
    except Exception:
        user = {}
    if user.get("is_logged_in") is True and user.get("email") and user.get("email_verified", True) is not False:
        return str(user["email"]).strip().lower()
    return st.session_state.get(SESSION_KEY)


def role() -> str:
    who = identity()
    person = _people_or_none().get(who) if who else None
    return person.role if person else "viewer"


def can(needed: str) -> bool:
    return RANK[role()] >= RANK[needed]


def by() -> str:
    """Who a load or a rollback from the browser is recorded as (load_log, publish log)."""
    return identity() or "web:unknown"


def pages() -> list[tuple[str, str, str]]:
    """The pages this person's role adds to the navigation: (file, title key, address)."""
    out = [("pages/account.py", "nav.account", "account")]
    if can("steward"):
        out.insert(0, ("pages/load_data.py", "nav.load_data", "load_data"))
    if can("admin"):
        out.insert(1, ("pages/admin.py", "nav.admin", "admin"))
    return out


# ------------------------------------------------------------------ the local mode

@functools.cache
def _dummy() -> str:
    """The hash of a password nobody has: an unknown e-mail costs the time of a known one."""
    import secrets
    from argon2 import PasswordHasher
    return PasswordHasher().hash(secrets.token_hex(16))


_fails: dict[str, tuple[int, float]] = {}
_fails_lock = threading.Lock()


def locked_out(email: str) -> bool:
    with _fails_lock:
        n, since = _fails.get(email, (0, 0.0))
        if n >= MAX_FAILS and time.time() - since < LOCK_SECONDS:
            return True
        if n >= MAX_FAILS:
            _fails.pop(email, None)
        return False


def _failed(email: str) -> None:
    with _fails_lock:
        n, since = _fails.get(email, (0, time.time()))
        _fails[email] = (n + 1, since if n else time.time())


def sign_in_local(email: str, password: str) -> str | None:
    """Sign in with the roles file's password hash; None on success, else the key of the
    sentence to show (the same for a wrong e-mail and a wrong password)."""
    from argon2 import PasswordHasher
    from argon2.exceptions import Argon2Error, InvalidHashError
    email = (email or "").strip().lower()
    if locked_out(email):
        return "auth.locked"
    person = _people_or_none().get(email)
    hashed = person.password_hash if person and person.password_hash else _dummy()
    try:
        PasswordHasher().verify(hashed, password or "")
        ok = person is not None and hashed == person.password_hash
    except (Argon2Error, InvalidHashError):
        ok = False
    if not ok:
        _failed(email)
        return "auth.wrong"
    with _fails_lock:
        _fails.pop(email, None)
    st.session_state[SESSION_KEY] = email
    return None


def sign_out() -> None:
    if st.session_state.pop(SESSION_KEY, None) is None:
        st.logout()
