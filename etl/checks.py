"""Data tests written in Python, run on every build beside the SQL ones: each returns
sentences naming what is wrong (empty: all is well)."""
from __future__ import annotations


def run(con) -> list[str]:
    from etl import disclosure
    return disclosure.problems(con)
