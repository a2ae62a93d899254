"""The one way Python puts a name into SQL: quoted as an identifier, so a header,
sheet name, `--map` name or model name can never become SQL of its own.
Values never go this way: they are parameters ($name)."""
from __future__ import annotations

from collections.abc import Iterable


def ident(name: object) -> str:
    """A DuckDB identifier: the name in double quotes, inner quotes doubled."""
    text = str(name)
    if "\x00" in text:
        raise ValueError("an identifier cannot hold a NUL character")
    return '"' + text.replace('"', '""') + '"'


def idents(names: Iterable[object]) -> str:
    return ", ".join(ident(n) for n in names)
