-- int_regency_monthly: the stock and flows of members, month by month.
-- grain: one row per month x regency x segment x sector (every combination that has members)
-- key: month, regency_code, segment_code, sector_code
-- columns:
--   month                first day of the month
--   regency_code         Kemendagri code
--   segment_code         BPU, PU, JAKON, PMI
--   is_goal              the segment counts toward the goal (rule is_goal_segment)
--   sector_code          sector of the occupation
--   n_registered         registered on or before the month
--   n_active             active in the month (int_member_spells)
--   n_lapsed             n_registered - n_active
--   n_new                registered in the month
--   n_first_active       first paid month
--   n_reactivated        a spell starting after a gap
--   n_stopped            last paid month was the month before
with
dims as (select distinct regency_code, segment_code, sector_code from stg_members),
grid as (select c.month, d.* from int_calendar c cross join dims d),
registrations as (
    select registered_month as month, regency_code, segment_code, sector_code, count(*) as n_new
    from stg_members group by all
),
starts as (
    select start_month as month, regency_code, segment_code, sector_code,
           count(*) as n_start,
           count(*) filter (where is_first_spell) as n_first_active,
           count(*) filter (where is_reactivation) as n_reactivated
    from int_member_spells group by all
),
ends as (
    select (end_month + interval 1 month)::date as month, regency_code, segment_code, sector_code,
           count(*) as n_end,
           count(*) filter (where is_followed_by_gap) as n_stopped
    from int_member_spells group by all
),
flows as (
    select g.month, g.regency_code, g.segment_code, g.sector_code,
           coalesce(r.n_new, 0) as n_new, coalesce(s.n_start, 0) as n_start,
           coalesce(s.n_first_active, 0) as n_first_active, coalesce(s.n_reactivated, 0) as n_reactivated,
           coalesce(e.n_end, 0) as n_end, coalesce(e.n_stopped, 0) as n_stopped
    from grid g
    left join registrations r using (month, regency_code, segment_code, sector_code)
    left join starts s using (month, regency_code, segment_code, sector_code)
    left join ends e using (month, regency_code, segment_code, sector_code)
),
running as (
    select *,
           sum(n_new) over w as n_registered,
           sum(n_start - n_end) over w as n_active
    from flows
    window w as (partition by regency_code, segment_code, sector_code order by month
                 rows between unbounded preceding and current row)
),
final as (
    select month, regency_code, segment_code, is_goal_segment(segment_code) as is_goal, sector_code,
           n_registered::bigint as n_registered, n_active::bigint as n_active,
           (n_registered - n_active)::bigint as n_lapsed,
           n_new, n_first_active, n_reactivated, n_stopped
    from running
)
select * from final
