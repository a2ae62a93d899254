"""Pace arithmetic of the goal, hand-computed, on the rules of etl/sql/rules/rule_pace.sql and
rule_progress.sql (the one home of this arithmetic: mart_pace, mart_projection and
mart_tier_progress call them)."""
from datetime import date

import duckdb
import pytest

from etl.warehouse import SQL


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect()
    for name in ("rule_pace", "rule_progress"):
        c.execute((SQL / "rules" / f"{name}.sql").read_text())
    return c


def one(con, sql, **params):
    return con.execute("select " + sql, params).fetchone()[0]


@pytest.mark.parametrize("now, before, n, expected", [
    (40, 10, 3, 10.0), (40, 30, 1, 10.0), (20, 50, 3, -10.0),
])
def test_pace(con, now, before, n, expected):
    assert one(con, "pace_per_month($a, $b, $n)", a=now, b=before, n=n) == expected


@pytest.mark.parametrize("as_of, deadline, left", [
    ("2026-10-01", "2029-12-01", 38), ("2026-10-01", "2026-11-01", 1), ("2026-10-01", "2026-10-01", 0),
])
def test_months_left(con, as_of, deadline, left):
    assert one(con, "months_between($a::date, $d::date)", a=as_of, d=deadline) == left


def test_needed_per_month(con):
    assert one(con, "needed_per_month(760000, date '2026-10-01', date '2029-12-01')") == 20_000
    assert one(con, "needed_per_month(0, date '2026-10-01', date '2029-12-01')") == 0
    assert one(con, "needed_per_month(5, date '2030-01-01', date '2029-12-01')") is None


@pytest.mark.parametrize("gap, pace, expected", [
    (100, 10.0, date(2027, 8, 1)),     # 10 months after Oct 2026
    (101, 10.0, date(2027, 9, 1)),     # a partial month rounds up
    (100, 0.0, None), (100, -5.0, None), (100, None, None),
    (10**9, 0.001, None),              # beyond the horizon: not reached
    (0, 5.0, date(2026, 10, 1)),
])
def test_eta(con, gap, pace, expected):
    assert one(con, "(date '2026-10-01' + to_months(months_to_reach($g, $p::double)::integer))::date",
               g=gap, p=pace) == expected


@pytest.mark.parametrize("n, target, expected", [
    (1, 2, 50.0), (49996, 100000, 49.99),   # cut, never rounded up to the 50% a tier needs
    (2, 3, 66.66), (0, 0, 0),
])
def test_attainment_is_cut_not_rounded(con, n, target, expected):
    assert one(con, "attainment_pct($n, $t)", n=n, t=target) == expected
