"""Timing the dashboard's page queries outside Streamlit: the query funnel pointed at a plain
read-only connection (no cache), and the median milliseconds of a query function's SQL."""
from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def plain_funnel(warehouse):
    """The query funnel on a plain read-only connection; yields a timer (its .ms)."""
    from ui.queries.funnel import plain
    return plain(warehouse)


def median_ms(timer, fn, repeat: int = 7):
    """(median ms of the SQL fn runs, what fn returned the last time)."""
    samples, result = [], None
    for _ in range(repeat):
        timer.ms = 0.0
        result = fn()
        samples.append(timer.ms)
    return statistics.median(samples), result
