-- mart_pace: are we on pace? For the province and each regency, the net change per month
-- over the last 3, 6 and 12 months, the month the target is reached at that pace, and the
-- net change per month the deadline needs (rules pace_per_month, months_to_reach,
-- needed_per_month: the only home of this arithmetic). The pace splits into members whose
-- contribution a budget or donor pays (APBD, APBDes, CSR: ref_payer.is_budget_paid) and
-- self-paid ones (everyone else), so a page shows how much of the pace budgets buy; budget
-- years end in December, so a window holding a January may hold a cohort's end.
-- grain: one row per area (province '53' and the 22 regencies) x window (3, 6, 12 months)
-- key: level, area_code, window_months
-- columns:
--   level                'province' or 'regency'
--   area_code            '53' or the regency's Kemendagri code
--   window_months        length of the window, months
--   as_of_month          the month the data speaks for
--   deadline_month       the month the goal is to be reached by
--   target               the area's target
--   n_active             goal-segment members active at the as-of month
--   n_active_before      active at the start of the window (the as-of month minus the window)
--   n_budget_paid        of n_active, paid by a budget or donor
--   n_budget_paid_before of n_active_before, paid by a budget or donor
--   gap                  target - n_active, not below 0
--   pace_per_month       net change per month over the window (NULL when the data is shorter)
--   pace_budget_paid_per_month  its part from budget-paid members
--   pace_self_paid_per_month    its part from self-paid members (the two add up to pace_per_month)
--   needed_per_month     net change per month that reaches the target by the deadline
--                        (NULL when no month is left)
--   months_to_target     months to the target at this pace (NULL: beyond the horizon)
--   eta_month            the month the target is reached at this pace (NULL: beyond the horizon)
--   is_on_pace           the pace reaches at least what is needed
--   has_january          the window holds a January (budget years end in December: a
--                        budget-paid cohort may have lapsed inside the window)
with
as_of as (select as_of_month from int_as_of),
series as (
    select 'province' as level, '53' as area_code, month, goal_target() as target, n_active, n_budget_paid
    from mart_province_monthly
    union all
    select 'regency', regency_code, month, target, n_active, n_budget_paid from mart_regency_goal_monthly
),
windows as (select unnest([3, 6, 12]) as window_months),
now as (select * from series where month = (select as_of_month from as_of)),
joined as (
    select n.level, n.area_code, w.window_months, n.month as as_of_month, deadline_month() as deadline_month,
           n.target::bigint as target, n.n_active, b.n_active as n_active_before,
           n.n_budget_paid, b.n_budget_paid as n_budget_paid_before,
           greatest(n.target - n.n_active, 0)::bigint as gap,
           case when b.n_active is not null
                then pace_per_month(n.n_active, b.n_active, w.window_months) end as pace_per_month,
           case when b.n_active is not null
                then pace_per_month(n.n_budget_paid, b.n_budget_paid, w.window_months) end
               as pace_budget_paid_per_month,
           case when b.n_active is not null
                then pace_per_month(n.n_active - n.n_budget_paid, b.n_active - b.n_budget_paid, w.window_months)
           end as pace_self_paid_per_month
    from now n cross join windows w
    left join series b on b.level = n.level and b.area_code = n.area_code
                      and b.month = (n.month - to_months(w.window_months))::date
)
select *, needed_per_month(gap, as_of_month, deadline_month) as needed_per_month,
       months_to_reach(gap, pace_per_month) as months_to_target,
       (as_of_month + to_months(months_to_reach(gap, pace_per_month)::integer))::date as eta_month,
       coalesce(pace_per_month >= needed_per_month, false) as is_on_pace,
       exists (select 1 from range(1, window_months + 1) r(i)
               where month((as_of_month - to_months(r.i::integer - 1))::date) = 1) as has_january
from joined
