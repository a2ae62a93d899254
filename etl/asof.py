"""The month a file speaks for (its as-of month), decided by the first rule that
gives one: the --as-of option; a month in a title line above the header
("Periode: Oktober 2026", "Per 31 Oktober 2026", "Posisi Okt 2026"); a month in
the file name (okt2026, 2026-10, 202610, oktober_2026); for a member list, its
newest paid month (last_paid_month), else its newest registration. Months after
the current one are never taken from the data. A file of another kind without
such a month is bounded by the month it is loaded (rule load_month, no as-of)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from etl.extract import Extracted
from etl.sqlid import ident

MEMBER_DATA_RULES = ("last_paid_month", "registered_date")


def newest_month(con, texts: list[str]) -> dt.date | None:
    if not texts:
        return None
    return con.execute("select max(month_in_text(t)) from unnest($t::varchar[]) as u(t)", {"t": texts}).fetchone()[0]


def from_data(con, ex: Extracted) -> tuple[dt.date | None, str]:
    """The newest month among the file's parsed values (its lookup lk_<field>, etl/validate.py):
    decided before any row is validated, so every slice of the file is judged against it."""
    for f in MEMBER_DATA_RULES:
        if f in ex.columns:
            m = con.execute(f"select max(date_trunc('month', val))::date from {ident('lk_' + f)} "
                            "where val <= current_date").fetchone()[0]
            if m:
                return m, f
    return None, "none"


def decide(con, ex: Extracted, path: Path, option: dt.date | None) -> tuple[dt.date | None, str]:
    if option:
        return option, "option"
    for rule, texts in (("title", ex.titles), ("file_name", [path.stem])):
        m = newest_month(con, texts)
        if m:
            return m, rule
    if ex.kind != "members":
        return None, "load_month"
    return from_data(con, ex)
