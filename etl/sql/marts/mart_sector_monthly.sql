-- mart_sector_monthly: the province's members by sector, month by month.
-- grain: one row per month x sector (every sector of ref_sector, every month of
-- int_calendar), province-wide; goal segments unless named otherwise
-- key: month, sector_code
-- columns:
--   month                first day of the month
--   sector_code          sector (ref_sector)
--   name_id              its name in Indonesian
--   name_en              its name in English
--   sort_order           display order
--   n_active             goal-segment members active
--   n_registered         goal-segment members registered
--   n_new                goal-segment registrations in the month
--   n_active_all_segments  members of every segment active
with
by_sector as (
    select month, sector_code,
           coalesce(sum(n_active) filter (where is_goal), 0) as n_active,
           coalesce(sum(n_registered) filter (where is_goal), 0) as n_registered,
           coalesce(sum(n_new) filter (where is_goal), 0) as n_new,
           sum(n_active) as n_active_all_segments
    from int_regency_monthly group by all
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
select * from final order by month, sort_order
