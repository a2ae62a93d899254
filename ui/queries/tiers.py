"""The incentive-tier page: tiers in force, where each region stands, since when, drops,
districts and villages, and what a number of new members would change."""
from __future__ import annotations

import pandas as pd

from ui.queries.funnel import run


def tier_progress() -> pd.DataFrame:
    """The province and the 22 regencies at the as-of month: tier, since when, next tier,
    members and months (at the last 6 months' pace) to reach it."""
    return run("""select * from mart_tier_progress
                  order by level = 'regency', tier desc, attainment_pct desc, area_code""")


def tier_distribution() -> pd.DataFrame:
    """How many regencies held each tier, month by month (every tier, zeros included)."""
    return run("""select m.month, c.tier, c.label_id, c.label_en,
                         count(t.regency_code)::bigint as n_regencies
                  from (select distinct month from mart_tier_monthly) m
                  cross join mart_tiers c
                  left join mart_tier_monthly t on t.month = m.month and t.tier = c.tier
                  group by all order by m.month, c.tier""")


def tier_reached() -> pd.DataFrame:
    """Regency x tier: the month each regency first reached each tier (NULL: never)."""
    return run("select * from mart_tier_reached order by regency_code, tier")


def tier_transitions(drops_only: bool = True) -> pd.DataFrame:
    """Months in which a regency's tier changed (only drops by default), newest first."""
    return run("""select * from mart_tier_transitions where is_drop or not $drops_only
                  order by month desc, regency_code""", drops_only=drops_only)


def tier_areas(regency: str, level: str) -> pd.DataFrame:
    """Districts or villages of a regency that have a target (> 0), with their tier, the
    best attainment first; hidden areas (is_suppressed) last, as missing values."""
    return run("""select area_code, area_name, target, n_active, attainment_pct, tier, tier_label_id,
                         tier_label_en, next_tier, n_to_next_tier, is_suppressed
                  from mart_area_progress
                  where regency_code = $regency and level = $level and target > 0
                  order by attainment_pct desc nulls last, area_code""", regency=regency, level=level)


def tier_what_if(area: str, more: int, level: str = "regency") -> pd.DataFrame:
    """If `more` members join (net) in an area (the province '53' or a regency): its active
    members, attainment (the rule's attainment_pct) and tier, read off the tier thresholds
    of the rule (mart_tier_thresholds)."""
    return run("""with p as (select area_code, target, n_active, tier,
                                    greatest(n_active + $more, 0)::bigint as n_after
                             from mart_tier_progress where level = $level and area_code = $area)
                  select p.*, attainment_pct(p.n_after, p.target) as attainment_after_pct,
                         t.tier as tier_after, t.label_id as tier_after_label_id,
                         t.label_en as tier_after_label_en
                  from p join mart_tier_thresholds t
                       on t.level = $level and t.area_code = p.area_code and t.n_min_members <= p.n_after
                  qualify row_number() over (order by t.tier desc) = 1""",
               area=area, more=int(more), level=level)
