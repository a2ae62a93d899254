-- grain: one row per month x regency (all 22 regencies for every calendar month), goal
-- segments only (cfg_settings.goal_segments).
-- columns: month, regency_code (Kemendagri), n_active, n_registered, n_new, target (today's
--   regency target), attainment_pct (0-100 of that target), active_per_1000_informal
--   (active members per 1,000 informal workers, ref_regency.informal_workforce_est),
--   attainment_rank (1 = highest attainment that month; ties share a rank),
--   rank_change_3m (rank 3 months earlier minus rank now: positive = moved up; NULL in
--   the first 3 months).
create or replace table mart_regency_goal_monthly as
with
goal as (select segment_code from int_goal_segments),
goal_monthly as (
    select month, regency_code, sum(n_active) as n_active, sum(n_registered) as n_registered,
           sum(n_new) as n_new
    from mart_regency_monthly where segment_code in (select segment_code from goal)
    group by all
),
grid as (
    select c.month, r.kemendagri_code as regency_code, r.informal_workforce_est, t.target
    from int_calendar c
    cross join ref_regency r
    join cfg_target t on t.area_code = r.kemendagri_code and t.level = 'regency'
),
joined as (
    select g.month, g.regency_code,
           coalesce(m.n_active, 0)::bigint as n_active,
           coalesce(m.n_registered, 0)::bigint as n_registered,
           coalesce(m.n_new, 0)::bigint as n_new,
           g.target::bigint as target,
           case when g.target > 0 then round(100.0 * coalesce(m.n_active, 0) / g.target, 2) else 0 end
               as attainment_pct,
           case when g.informal_workforce_est > 0
                then round(1000.0 * coalesce(m.n_active, 0) / g.informal_workforce_est, 2) end
               as active_per_1000_informal
    from grid g left join goal_monthly m using (month, regency_code)
),
ranked as (
    select *, rank() over (partition by month
                           order by case when target > 0 then n_active / target else 0 end desc) as attainment_rank
    from joined
),
final as (
    select *,
           (lag(attainment_rank, 3) over (partition by regency_code order by month)
            - attainment_rank) as rank_change_3m
    from ranked
)
select * from final order by regency_code, month;
