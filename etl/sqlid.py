"""The one way a name from outside (a header, a sheet, a --map name, a file
name, a setting) reaches SQL text: as a quoted identifier. Values never do:
they go in as parameters ($name)."""
from __future__ import annotations


def ident(name: object) -> str:
    """A DuckDB identifier for any text: double quotes doubled, NUL removed
    (DuckDB ends a statement's text at NUL)."""
    return '"' + str(name).replace("\x00", "").replace('"', '""') + '"'
