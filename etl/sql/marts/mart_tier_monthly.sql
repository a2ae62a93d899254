-- mart_tier_monthly: each regency's tier month by month, against TODAY's regency target
-- (cfg_target), so a history shows attainment, not targets that were never configured.
-- grain: one row per month x regency (all 22 regencies, every month of int_calendar),
-- goal segments only
-- key: month, regency_code
-- columns:
--   month                first day of the month
--   regency_code         Kemendagri code
--   regency_name         official name
--   regency_label        short label
--   target               today's regency target
--   n_active             goal-segment members active in the month
--   attainment_pct       0-100 of the target (rule attainment_pct)
--   tier                 tier reached (rule tier_of)
--   prev_tier            the month before (before the first month: the tier of zero members)
--   n_budget_paid        active members paid by a budget or donor (ref_payer.is_budget_paid)
with
joined as (
    select g.month, g.regency_code, r.name as regency_name, r.label as regency_label,
           t.target::bigint as target, g.n_active, g.n_budget_paid
    from int_goal_monthly g
    join ref_regency r on r.kemendagri_code = g.regency_code
    join cfg_target t on t.area_code = g.regency_code and t.level = 'regency'
),
tiered as (
    select *, tier_of(n_active, target) as tier, tier_of(0, target) as tier_at_zero from joined
),
final as (
    select month, regency_code, regency_name, regency_label, target, n_active,
           attainment_pct(n_active, target) as attainment_pct, tier,
           coalesce(lag(tier) over (partition by regency_code order by month), tier_at_zero) as prev_tier,
           n_budget_paid
    from tiered
)
select * from final order by regency_code, month
