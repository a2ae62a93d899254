-- mart_province_monthly: the province's goal series and the other segments beside it.
-- grain: one row per month (int_calendar)
-- key: month
-- columns:
--   month                first day of the month
--   n_active             goal-segment members active in the month
--   n_registered         goal-segment members registered on or before the month
--   n_lapsed             n_registered - n_active
--   n_new                goal-segment registrations in the month
--   n_reactivated        goal-segment spells after a gap starting in the month
--   n_stopped            goal-segment members whose last paid month was the month before
--   n_budget_paid        goal-segment active members paid by a budget or donor
--   n_self_paid          n_active - n_budget_paid
--   n_active_bpu         active BPU members (whatever the goal segments)
--   n_active_pu          active PU members
--   n_active_jakon       active JAKON members
--   n_active_pmi         active PMI members
--   n_registered_bpu     registered BPU members
--   n_registered_pu      registered PU members
--   n_registered_jakon   registered JAKON members
--   n_registered_pmi     registered PMI members
with
goal as (
    select month, sum(columns(lambda c: c like 'n_%'))::bigint
    from int_goal_monthly group by month
),
segments as (       -- one column per segment and measure: n_active_bpu, n_registered_pu, ...
    pivot (select month, lower(segment_code) as seg, n_active, n_registered from int_regency_monthly)
    on seg in ('bpu', 'pu', 'jakon', 'pmi')
    using sum(n_active) as n_active, sum(n_registered) as n_registered
    group by month
),
named as (select month, columns('^([a-z]+)_(n_[a-z]+)$') as '\2_\1' from segments),
joined as (
    select c.month, g.* exclude (month, n_first_active), g.n_active - g.n_budget_paid as n_self_paid,
           s.* exclude (month)
    from int_calendar c
    left join goal g using (month)
    left join named s using (month)
)
select month, coalesce(columns(* exclude (month)), 0)::bigint from joined order by month
