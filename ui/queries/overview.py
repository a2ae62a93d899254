"""The province overview: the goal series, the pace, the target path, the regencies."""
from __future__ import annotations

import pandas as pd

from ui.queries.funnel import run


def province_monthly() -> pd.DataFrame:
    return run("select * from mart_province_monthly order by month")


def pace(level: str = "province", area: str = "53") -> pd.DataFrame:
    """The 3-, 6- and 12-month pace of an area, the month the target is reached at each,
    and the pace the deadline needs (mart_pace)."""
    return run("""select * from mart_pace where level = $level and area_code = $area
                  order by window_months""", level=level, area=area)


def projection(level: str = "province", area: str = "53") -> pd.DataFrame:
    """The target path and the projection at the 6-month pace, month by month (mart_projection)."""
    return run("""select month, target_path, projected from mart_projection
                  where level = $level and area_code = $area order by month""", level=level, area=area)


def regency_progress() -> pd.DataFrame:
    return run("select * from mart_regency_progress order by attainment_pct, regency_code")
