"""Timing the dashboard's page queries outside Streamlit: the query funnel pointed at a plain
read-only connection (no cache), and the median milliseconds of a query function's SQL."""
from __future__ import annotations

import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@contextmanager
def plain_funnel(warehouse):
    """Yield a timer whose .ms adds up the SQL time of every query the pages run."""
    import duckdb
    from ui.queries import funnel
    con = duckdb.connect(str(warehouse), read_only=True)

    def execute(sql, params):
        t0 = time.perf_counter()
        df = con.cursor().execute(sql, params).df()
        execute.ms += (time.perf_counter() - t0) * 1000
        return df
    execute.ms = 0.0
    funnel.use_executor(execute)
    try:
        yield execute
    finally:
        funnel.use_executor(None)
        con.close()


def median_ms(timer, fn, repeat: int = 7):
    """(median ms of the SQL fn runs, what fn returned the last time)."""
    samples, result = [], None
    for _ in range(repeat):
        timer.ms = 0.0
        result = fn()
        samples.append(timer.ms)
    return statistics.median(samples), result
