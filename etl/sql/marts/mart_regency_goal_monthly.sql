-- mart_regency_goal_monthly: each regency's goal series with its target and rank.
-- grain: one row per month x regency (all 22 regencies for every month), goal segments only;
-- the target is today's regency target
-- key: month, regency_code
-- columns:
--   month                first day of the month
--   regency_code         Kemendagri code
--   n_active             goal-segment members active in the month
--   n_registered         goal-segment members registered on or before the month
--   n_new                registrations in the month
--   n_budget_paid        active members paid by a budget or donor
--   target               today's regency target
--   attainment_pct       0-100 of the target (rule attainment_pct)
--   active_per_1000_informal  active members per 1,000 informal workers
--                        (ref_regency.informal_workforce_est)
--   attainment_rank      1 = highest attainment that month; ties share a rank
--   rank_change_3m       rank 3 months earlier minus rank now (positive = moved up;
--                        NULL in the first 3 months)
with
joined as (
    select g.month, g.regency_code, g.n_active, g.n_registered, g.n_new, g.n_budget_paid,
           t.target::bigint as target,
           attainment_pct(g.n_active, t.target) as attainment_pct,
           per_1000(g.n_active, r.informal_workforce_est) as active_per_1000_informal
    from int_goal_monthly g
    join ref_regency r on r.kemendagri_code = g.regency_code
    join cfg_target t on t.area_code = g.regency_code and t.level = 'regency'
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
select * from final order by regency_code, month
