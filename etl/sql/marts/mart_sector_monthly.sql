-- grain: one row per month x sector (every sector of ref_sector, every month of
-- int_calendar), province-wide. Goal columns count the goal segments
-- (cfg_settings.goal_segments); n_active_all_segments counts every segment beside them.
-- columns: month, sector_code, name_id, name_en, sort_order, n_active, n_registered,
--   n_new (registrations that month), n_active_all_segments.
create or replace table mart_sector_monthly as
with
goal as (select segment_code from int_goal_segments),
monthly as (
    select m.*, m.segment_code in (select segment_code from goal) as is_goal
    from mart_regency_monthly m
),
by_sector as (
    select month, sector_code,
           coalesce(sum(n_active) filter (where is_goal), 0) as n_active,
           coalesce(sum(n_registered) filter (where is_goal), 0) as n_registered,
           coalesce(sum(n_new) filter (where is_goal), 0) as n_new,
           sum(n_active) as n_active_all_segments
    from monthly group by all
),
grid as (select c.month, s.sector_code, s.name_id, s.name_en, s.sort_order
         from int_calendar c cross join ref_sector s),
final as (
    select g.month, g.sector_code, g.name_id, g.name_en, g.sort_order,
           coalesce(b.n_active, 0)::bigint as n_active,
           coalesce(b.n_registered, 0)::bigint as n_registered,
           coalesce(b.n_new, 0)::bigint as n_new,
           coalesce(b.n_active_all_segments, 0)::bigint as n_active_all_segments
    from grid g left join by_sector b using (month, sector_code)
)
select * from final order by month, sort_order;
