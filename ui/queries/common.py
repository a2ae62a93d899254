"""What every page shares: the status line and configuration in force (mart_status), the
tier table (mart_tiers) and the list of regencies (mart_regency_progress)."""
from __future__ import annotations

import pandas as pd

from ui.queries.funnel import run


def status() -> dict:
    """As-of month, last load, build time, and the configuration the data was built with."""
    row = run("select * from mart_status").iloc[0]
    return {"as_of": row.as_of_month, "loaded_at": row.loaded_at, "built_at": row.built_at,
            "target": int(row.target), "deadline": row.deadline_month,
            "goal_segments": list(row.goal_segments), "suppress_below": int(row.suppress_below)}


def tiers() -> pd.DataFrame:
    return run("select * from mart_tiers order by min_pct")


def regencies() -> pd.DataFrame:
    """The 22 regencies: both codes, names, island, island group, informal workforce."""
    return run("""select regency_code, regency_bps_code, regency_name, regency_short_name, regency_label,
                         island, island_group, informal_workforce_est
                  from mart_regency_progress order by regency_code""")
