"""Pace arithmetic for the goal, on the monthly goal series (a mart, ~100 rows)."""
from __future__ import annotations

import math
from datetime import date

import pandas as pd

HORIZON_MONTHS = 600  # beyond 50 years "not reached at this pace"


def month_index(d) -> int:
    d = pd.Timestamp(d)
    return d.year * 12 + d.month - 1


def add_months(d, n: int) -> date:
    i = month_index(d) + n
    return date(i // 12, i % 12 + 1, 1)


def parse_month(s: str) -> date:
    y, m = str(s)[:7].split("-")
    return date(int(y), int(m), 1)


def pace(active: pd.Series, months: int) -> float | None:
    """Average net change per month over the last `months` months."""
    if len(active) <= months:
        return None
    return (float(active.iloc[-1]) - float(active.iloc[-1 - months])) / months


def months_left(as_of, deadline) -> int:
    """Months after the as-of month up to and including the deadline month."""
    return month_index(deadline) - month_index(as_of)


def needed_per_month(gap: int, as_of, deadline) -> float | None:
    left = months_left(as_of, deadline)
    if gap <= 0:
        return 0.0
    return gap / left if left > 0 else None


def eta(as_of, gap: int, monthly_pace: float | None) -> date | None:
    """Month the goal is reached at this pace; None if the pace never gets there."""
    if gap <= 0:
        return parse_month(str(pd.Timestamp(as_of).date()))
    if not monthly_pace or monthly_pace <= 0 or gap / monthly_pace > HORIZON_MONTHS:
        return None
    return add_months(as_of, math.ceil(gap / monthly_pace))


def target_path(as_of, active_now: int, target: int, deadline) -> pd.DataFrame:
    """Straight line from today's active count to the target at the deadline."""
    n = max(months_left(as_of, deadline), 0)
    months = [add_months(as_of, i) for i in range(n + 1)]
    values = [active_now + (target - active_now) * i / n if n else target for i in range(n + 1)]
    return pd.DataFrame({"month": pd.to_datetime(months), "value": values})
