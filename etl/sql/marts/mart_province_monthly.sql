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
    select month, sum(n_active) as n_active, sum(n_registered) as n_registered,
           sum(n_lapsed) as n_lapsed, sum(n_new) as n_new, sum(n_reactivated) as n_reactivated,
           sum(n_stopped) as n_stopped, sum(n_budget_paid) as n_budget_paid
    from int_goal_monthly group by month
),
segments as (
    select month,
           sum(n_active) filter (where segment_code = 'BPU') as n_active_bpu,
           sum(n_active) filter (where segment_code = 'PU') as n_active_pu,
           sum(n_active) filter (where segment_code = 'JAKON') as n_active_jakon,
           sum(n_active) filter (where segment_code = 'PMI') as n_active_pmi,
           sum(n_registered) filter (where segment_code = 'BPU') as n_registered_bpu,
           sum(n_registered) filter (where segment_code = 'PU') as n_registered_pu,
           sum(n_registered) filter (where segment_code = 'JAKON') as n_registered_jakon,
           sum(n_registered) filter (where segment_code = 'PMI') as n_registered_pmi
    from int_regency_monthly group by month
),
final as (
    select c.month,
           coalesce(g.n_active, 0)::bigint as n_active,
           coalesce(g.n_registered, 0)::bigint as n_registered,
           coalesce(g.n_lapsed, 0)::bigint as n_lapsed,
           coalesce(g.n_new, 0)::bigint as n_new,
           coalesce(g.n_reactivated, 0)::bigint as n_reactivated,
           coalesce(g.n_stopped, 0)::bigint as n_stopped,
           coalesce(g.n_budget_paid, 0)::bigint as n_budget_paid,
           coalesce(g.n_active - g.n_budget_paid, 0)::bigint as n_self_paid,
           coalesce(s.n_active_bpu, 0)::bigint as n_active_bpu,
           coalesce(s.n_active_pu, 0)::bigint as n_active_pu,
           coalesce(s.n_active_jakon, 0)::bigint as n_active_jakon,
           coalesce(s.n_active_pmi, 0)::bigint as n_active_pmi,
           coalesce(s.n_registered_bpu, 0)::bigint as n_registered_bpu,
           coalesce(s.n_registered_pu, 0)::bigint as n_registered_pu,
           coalesce(s.n_registered_jakon, 0)::bigint as n_registered_jakon,
           coalesce(s.n_registered_pmi, 0)::bigint as n_registered_pmi
    from int_calendar c
    left join goal g using (month)
    left join segments s using (month)
)
select * from final order by month
