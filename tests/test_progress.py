"""Pace arithmetic of the overview, hand-computed."""
from datetime import date

import pandas as pd
import pytest

from ui import progress


@pytest.mark.parametrize("series, n, expected", [
    ([10, 20, 30, 40], 3, 10.0),
    ([10, 20, 30, 40], 1, 10.0),
    ([50, 40, 30, 20], 3, -10.0),
    ([10, 20], 3, None),
])
def test_pace(series, n, expected):
    assert progress.pace(pd.Series(series), n) == expected


@pytest.mark.parametrize("as_of, deadline, left", [
    ("2026-10-01", "2029-12-01", 38), ("2026-10-01", "2026-11-01", 1), ("2026-10-01", "2026-10-01", 0),
])
def test_months_left(as_of, deadline, left):
    assert progress.months_left(as_of, deadline) == left


def test_needed_per_month():
    assert progress.needed_per_month(760_000, "2026-10-01", date(2029, 12, 1)) == 20_000
    assert progress.needed_per_month(0, "2026-10-01", date(2029, 12, 1)) == 0
    assert progress.needed_per_month(5, "2030-01-01", date(2029, 12, 1)) is None


@pytest.mark.parametrize("gap, pace, expected", [
    (100, 10.0, date(2027, 8, 1)),     # 10 months after Oct 2026
    (101, 10.0, date(2027, 9, 1)),     # a partial month rounds up
    (100, 0.0, None), (100, -5.0, None), (100, None, None),
    (10**9, 0.001, None),              # beyond the horizon: not reached
    (0, 5.0, date(2026, 10, 1)),
])
def test_eta(gap, pace, expected):
    assert progress.eta("2026-10-01", gap, pace) == expected


def test_target_path_ends_on_target():
    path = progress.target_path("2026-10-01", 200_000, 1_000_000, date(2029, 12, 1))
    assert len(path) == 39
    assert path["value"].iloc[0] == 200_000 and path["value"].iloc[-1] == 1_000_000
