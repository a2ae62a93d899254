-- int_goal_monthly: the goal-segment roll-up, done once: every regency and every month, the
-- members of the segments that count toward the goal (rule is_goal_segment). Every mart that
-- counts "toward the goal" by regency or province reads this.
-- grain: one row per month x regency (all 22 regencies, every month of int_calendar)
-- key: month, regency_code
-- columns:
--   month                first day of the month
--   regency_code         Kemendagri code
--   n_registered         goal-segment members registered on or before the month
--   n_active             goal-segment members active in the month
--   n_lapsed             n_registered - n_active
--   n_new                registered in the month
--   n_first_active       first paid month in the month
--   n_reactivated        a spell after a gap started in the month
--   n_stopped            last paid month was the month before
--   n_budget_paid        active members whose spell a budget or donor pays (ref_payer.is_budget_paid)
with
goal as (
    select month, regency_code, sum(n_registered) as n_registered, sum(n_active) as n_active,
           sum(n_new) as n_new, sum(n_first_active) as n_first_active,
           sum(n_reactivated) as n_reactivated, sum(n_stopped) as n_stopped
    from int_regency_monthly where is_goal group by all
),
budget_paid as (
    select m.month, m.regency_code, sum(m.n_active) as n_budget_paid
    from int_payer_monthly m join ref_payer p using (payer_code)
    where p.is_budget_paid and is_goal_segment(m.segment_code)
    group by all
),
grid as (
    select c.month, r.kemendagri_code as regency_code from int_calendar c cross join ref_regency r
),
final as (
    select g.month, g.regency_code,
           coalesce(a.n_registered, 0)::bigint as n_registered,
           coalesce(a.n_active, 0)::bigint as n_active,
           coalesce(a.n_registered - a.n_active, 0)::bigint as n_lapsed,
           coalesce(a.n_new, 0)::bigint as n_new,
           coalesce(a.n_first_active, 0)::bigint as n_first_active,
           coalesce(a.n_reactivated, 0)::bigint as n_reactivated,
           coalesce(a.n_stopped, 0)::bigint as n_stopped,
           coalesce(b.n_budget_paid, 0)::bigint as n_budget_paid
    from grid g
    left join goal a using (month, regency_code)
    left join budget_paid b using (month, regency_code)
)
select * from final
