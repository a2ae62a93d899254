"""The regency page: where a regency stands among its peers, its trend, its districts and
villages (already suppressed by the marts), its mix."""
from __future__ import annotations

import pandas as pd

from ui.queries.funnel import run


def regency_standing() -> pd.DataFrame:
    """One row per regency at the as-of month: target, active, attainment, tier, next tier,
    members to the next tier, active per 1,000 informal workers, rank and its 3-month change."""
    return run("""select p.regency_code, p.regency_name, p.regency_short_name, p.island, p.island_group,
                         p.target, p.n_active, p.attainment_pct, p.tier, p.tier_label_id, p.tier_label_en,
                         a.next_tier, a.next_tier_min_pct, a.n_to_next_tier,
                         g.active_per_1000_informal, g.attainment_rank, g.rank_change_3m, p.as_of_month
                  from mart_regency_progress p
                  join mart_area_progress a on a.level = 'regency' and a.area_code = p.regency_code
                  join mart_regency_goal_monthly g on g.regency_code = p.regency_code and g.month = p.as_of_month
                  order by g.attainment_rank, p.regency_code""")


def regency_goal_monthly(codes: str, since) -> pd.DataFrame:
    """Monthly goal series of the regencies in `codes` ("53.02,53.03") from month `since`."""
    return run("""select month, regency_code, n_active, n_registered, target, attainment_pct,
                         active_per_1000_informal, attainment_rank
                  from mart_regency_goal_monthly
                  where list_contains(string_split($codes, ','), regency_code) and month >= $since::date
                  order by regency_code, month""", codes=codes, since=str(since))


def areas(regency: str, level: str) -> pd.DataFrame:
    """Districts ('district') or villages ('village') of a regency with their own targets and
    tiers, and active members per 1,000 inhabitants (2010 census; none for villages); small
    counts already hidden by the mart (is_suppressed)."""
    return run("""select a.area_code, a.area_name, p.area_name as parent_name, a.target, a.n_active,
                         a.attainment_pct, a.tier, a.tier_label_id, a.tier_label_en, a.next_tier,
                         a.n_to_next_tier, a.active_per_1000_pop, a.is_suppressed
                  from mart_area_progress a
                  left join mart_area_progress p on p.area_code = a.parent_code and p.level <> a.level
                  where a.regency_code = $regency and a.level = $level
                  order by a.area_code""", regency=regency, level=level)


def village_board(regency: str, n: int = 10) -> pd.DataFrame:
    """The regency's top and bottom `n` published villages by attainment (board 'top' /
    'bottom'); hidden villages are in neither (their attainment is not published)."""
    return run("""with v as (
                      select a.area_code, a.area_name, p.area_name as parent_name, a.target, a.n_active,
                             a.attainment_pct, a.tier, a.tier_label_id, a.tier_label_en,
                             a.n_to_next_tier, a.active_per_1000_pop, a.is_suppressed
                      from mart_area_progress a
                      join mart_area_progress p on p.area_code = a.parent_code and p.level = 'district'
                      where a.level = 'village' and a.regency_code = $regency and not a.is_suppressed),
                  top as (select 'top' as board, * from v
                          order by attainment_pct desc, target desc, area_code limit $n),
                  bottom as (select 'bottom' as board, * from v
                             where area_code not in (select area_code from top)
                             order by attainment_pct asc, target desc, area_code limit $n)
                  select * from top union all select * from bottom""", regency=regency, n=n)


def regency_mix(regency: str) -> pd.DataFrame:
    """Segment, sector and payer mix of a regency at the as-of month (small cells hidden)."""
    return run("""select * from mart_regency_mix where regency_code = $regency
                  order by dimension, sort_order""", regency=regency)
