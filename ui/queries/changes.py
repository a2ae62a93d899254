"""What changed and why: the change decomposition of every load (mart_changes, mart_builds,
mart_added), the alerts after it (mart_alerts), and where a figure comes from
(mart_figure_sources, mart_lineage) with the files behind it (mart_dq_load_history)."""
from __future__ import annotations

import pandas as pd

from ui.queries.funnel import run



def builds() -> pd.DataFrame:
    """Every build that published, newest first."""
    return run("select * from mart_builds order by build_id desc")


def summary(build_id: int) -> pd.DataFrame:
    """One row per area of a build: active before and after, and each part of the change."""
    return run("""select * from (
                  select c.level, c.area_code, r.regency_name,
                         sum(n_members) filter (where component = 'before') as n_before,
                         sum(n_members) filter (where component = 'after') as n_after,
                         coalesce(sum(n_members) filter (where component = 'new'), 0) as n_new,
                         coalesce(sum(n_members) filter (where component = 'reactivated'), 0) as n_reactivated,
                         coalesce(sum(n_members) filter (where component = 'lapsed'), 0) as n_lapsed,
                         coalesce(sum(n_members) filter (where component in ('moved_in', 'moved_out')), 0) as n_moved,
                         coalesce(sum(n_members) filter (where component = 'correction'), 0) as n_correction
                  from mart_changes c
                  left join mart_regency_progress r on r.regency_code = c.area_code
                  where build_id = $b group by all)
                  order by level = 'regency', abs(n_after - n_before) desc, area_code""", b=int(build_id))


def parts_by_file(build_id: int, area: str) -> pd.DataFrame:
    """The parts of an area's change in a build, with the file that caused each, largest first."""
    return run("""select c.component, c.n_members, c.load_id, l.file_name, l.kind, l.as_of_month
                  from mart_changes c
                  left join (select load_id, file_name, kind, as_of_month from mart_dq_load_history) l
                       using (load_id)
                  where c.build_id = $b and c.area_code = $a and c.component not in ('before', 'after')
                  order by abs(c.n_members) desc, c.component""", b=int(build_id), a=area)


def added(build_id: int) -> pd.DataFrame:
    """Claims and contributions a build added, per kind and programme."""
    return run("""select kind, programme_code, sum(n_rows)::bigint as n_rows, sum(amount_rp)::bigint as amount_rp
                  from mart_added where build_id = $b group by all order by kind, programme_code""",
               b=int(build_id))


def alerts() -> pd.DataFrame:
    """The alerts after the published build, with the region's name."""
    return run("""select a.*, r.regency_name from mart_alerts a
                  left join mart_regency_progress r on r.regency_code = a.area_code
                  order by a.rule, a.area_code, a.subject""")


def sources(level: str, area: str, figure: str) -> pd.DataFrame:
    """The files a figure comes from, with each file's share (mart_figure_sources)."""
    return run("""select s.n_members, s.share_pct, l.*
                  from mart_figure_sources s
                  join mart_dq_load_history l using (load_id)
                  where s.level = $level and s.area_code = $area and s.figure = $figure
                  order by s.n_members desc, l.load_id""", level=level, area=area, figure=figure)


def lineage(model: str) -> pd.DataFrame:
    """The models and loader tables a mart is built from, nearest first (mart_lineage)."""
    return run("select upstream, depth from mart_lineage where model = $m order by depth, upstream", m=model)


def tier_changes() -> pd.DataFrame:
    """Regencies whose tier changed with the published build."""
    return run("select * from mart_change_tiers order by tier_after - tier_before, regency_code")
