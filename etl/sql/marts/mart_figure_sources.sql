-- mart_figure_sources: where a figure comes from. For the province and each regency, the
-- goal-segment members counted as active at the as-of month split by the file that made them
-- active (the contribution list whose spell covers the month, or the member list's last paid
-- month), and the registered members split by the member list that holds them.
-- grain: one row per area (province '53' and the regencies) x figure x load that contributes
-- key: level, area_code, figure, load_id
-- columns:
--   level                'province' or 'regency'
--   area_code            '53' or the regency's Kemendagri code
--   figure               'active' or 'registered'
--   load_id              the load (mart_dq_load_history: file, kind, as-of month, when, who)
--   n_members            members of the figure this load's file accounts for
--   share_pct            0-100 of the figure
with
as_of as (select as_of_month from int_as_of),
active as (
    select regency_code, source_load_id as load_id from int_member_spells
    where is_goal_segment(segment_code) and (select as_of_month from as_of) between start_month and end_month
),
registered as (
    select regency_code, load_id from stg_members
    where is_goal_segment(segment_code) and registered_month <= (select as_of_month from as_of)
),
counted as (
    select 'active' as figure, regency_code, load_id, count(*) as n from active group by all
    union all
    select 'registered', regency_code, load_id, count(*) from registered group by all
),
levels as (
    select 'regency' as level, regency_code as area_code, figure, load_id, n from counted
    union all
    select 'province', '53', figure, load_id, sum(n) from counted group by all
)
select level, area_code, figure, load_id, n::bigint as n_members,
       round(100.0 * n / sum(n) over (partition by level, area_code, figure), 1) as share_pct
from levels
