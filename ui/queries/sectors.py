"""The sector page: coverage of each sector's estimated informal workforce, growth,
regency x sector, and how occupations were mapped."""
from __future__ import annotations

import pandas as pd

from ui.queries.funnel import run


def sector_progress() -> pd.DataFrame:
    """One row per sector, province-wide at the as-of month (mart_sector_progress)."""
    return run("select * from mart_sector_progress order by sort_order")


def sector_summary() -> pd.DataFrame:
    """One row, province-wide at the as-of month: goal-segment active members; the
    agricultural sectors (farming, plantations, livestock, fishing) with their estimated
    workforce, coverage and share of the active; the 12-month net change and registrations."""
    return run("""select sum(n_active) as n_active,
                         sum(n_active) filter (where is_agriculture) as agri_active,
                         sum(workforce_est) filter (where is_agriculture) as agri_workforce_est,
                         100.0 * sum(n_active) filter (where is_agriculture)
                             / nullif(sum(workforce_est) filter (where is_agriculture), 0) as agri_coverage_pct,
                         100.0 * sum(n_active) filter (where is_agriculture) / nullif(sum(n_active), 0)
                             as agri_share_pct,
                         sum(change_12m) as change_12m, sum(n_new_12m) as n_new_12m
                  from mart_sector_progress""")


def occupation_summary() -> pd.DataFrame:
    """One row: members, and how many fell to 'lainnya' (blank or unmatched occupation text)."""
    return run("""select sum(n_members) as n_members,
                         coalesce(sum(n_members) filter (where sector_code = 'lainnya'), 0) as n_other,
                         coalesce(sum(n_members) filter (where sector_code = 'lainnya' and is_blank), 0) as n_blank,
                         coalesce(sum(n_members) filter (where sector_code = 'lainnya' and not is_blank), 0)
                             as n_unmatched,
                         100.0 * coalesce(sum(n_members) filter (where sector_code = 'lainnya'), 0)
                             / nullif(sum(n_members), 0) as other_pct
                  from mart_occupation_mapping""")


def sector_regency(regency: str | None = None) -> pd.DataFrame:
    """Regency x sector cells at the as-of month (small cells hidden by the mart);
    one regency's sectors when `regency` is given, else all 22 x sectors."""
    return run("""select * from mart_sector_regency
                  where $regency is null or regency_code = $regency
                  order by regency_code, sort_order""", regency=regency)


def sector_monthly() -> pd.DataFrame:
    """Month x sector, province-wide: goal-segment active, registered, new."""
    return run("""select month, sector_code, name_id, name_en, sort_order, n_active, n_registered, n_new,
                         n_active_all_segments
                  from mart_sector_monthly order by month, sort_order""")


def occupation_mapping() -> pd.DataFrame:
    """Normalised occupation texts -> sector with member counts; rare texts already folded."""
    return run("""select * from mart_occupation_mapping
                  order by sort_order, is_blank, is_rare_group, n_members desc, occupation_norm""")
