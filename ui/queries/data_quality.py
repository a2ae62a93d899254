"""The data-quality page, from the dq marts built at load time: freshness, load history and
reconciliation, quarantine and issues per code, completeness. The one row-level mart
(mart_dq_quarantine_sample) holds quarantined rows as stored: NIK masked, no names."""
from __future__ import annotations

import pandas as pd

from ui.queries.funnel import run


def dq_freshness() -> pd.DataFrame:
    """One row per file kind: files loaded, when the last one finished, the newest month."""
    return run("select * from mart_dq_freshness order by sort_order")


def dq_load_history(limit: int = 500) -> pd.DataFrame:
    """One row per file loaded, newest first, with its reconciliation."""
    return run("select * from mart_dq_load_history order by load_id desc limit $limit", limit=int(limit))


def dq_quarantine_by_reason(load_id: int | None = None) -> pd.DataFrame:
    """Quarantined rows per reason code (of one load, or of all), most frequent first."""
    return run("""select reason_code, sum(n_rows)::bigint as n_rows, count(distinct load_id) as n_files
                  from mart_dq_quarantine where $load_id::integer is null or load_id = $load_id::integer
                  group by reason_code order by n_rows desc, reason_code""",
               load_id=None if load_id is None else int(load_id))


def dq_quarantine_sample(reason_code: str, limit: int = 50, load_id: int | None = None) -> pd.DataFrame:
    """A few quarantined rows of one reason, newest load first (NIK masked, names never kept)."""
    return run("""select * from mart_dq_quarantine_sample
                  where reason_code = $reason and ($load_id::integer is null or load_id = $load_id::integer)
                  order by load_id desc, sheet, row_number limit $limit""",
               reason=str(reason_code), limit=int(limit), load_id=None if load_id is None else int(load_id))


def dq_issues_by_code(load_id: int | None = None) -> pd.DataFrame:
    """Loaded rows that carry a recorded fallback or flag, per issue code."""
    return run("""select issue_code, sum(n_rows)::bigint as n_rows, count(distinct load_id) as n_files
                  from mart_dq_issues where $load_id::integer is null or load_id = $load_id::integer
                  group by issue_code order by n_rows desc, issue_code""",
               load_id=None if load_id is None else int(load_id))


def dq_completeness() -> pd.DataFrame:
    """Regency x month for the 12 months up to the as-of month, with each regency's status."""
    return run("select * from mart_dq_completeness order by regency_code, month")
