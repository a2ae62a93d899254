-- grain: one row per month x regency (all 22 regencies, every month of int_calendar),
-- goal segments only (cfg_settings.goal_segments). The tier of a month is computed
-- against TODAY's regency target (cfg_target), so a history shows attainment, not
-- targets that were never configured.
-- columns: month, regency_code (Kemendagri), regency_name, regency_label, target,
--   n_active, attainment_pct (0-100), tier, prev_tier (the month before; before the first
--   month: the tier of zero members), n_budget_paid (active members whose current spell is
--   paid by a budget or donor, ref_payer.is_budget_paid).
create or replace table mart_tier_monthly as
with
goal as (select segment_code from int_goal_segments),
active as (
    select month, regency_code, sum(n_active) as n_active
    from mart_regency_monthly where segment_code in (select segment_code from goal)
    group by all
),
budget_paid as (
    select m.month, m.regency_code, sum(m.n_active) as n_budget_paid
    from mart_payer_monthly m join ref_payer p using (payer_code)
    where p.is_budget_paid and m.segment_code in (select segment_code from goal)
    group by all
),
grid as (
    select c.month, r.kemendagri_code as regency_code, r.name as regency_name,
           r.label as regency_label, t.target
    from int_calendar c
    cross join ref_regency r
    join cfg_target t on t.area_code = r.kemendagri_code and t.level = 'regency'
),
joined as (
    select g.*, coalesce(a.n_active, 0)::bigint as n_active,
           coalesce(b.n_budget_paid, 0)::bigint as n_budget_paid
    from grid g
    left join active a using (month, regency_code)
    left join budget_paid b using (month, regency_code)
),
tiered as (
    select *, tier_of(n_active, target) as tier, tier_of(0, target) as tier_at_zero
    from joined
),
final as (
    select month, regency_code, regency_name, regency_label, target::bigint as target, n_active,
           case when target > 0 then round(100.0 * n_active / target, 2) else 0 end as attainment_pct,
           tier,
           coalesce(lag(tier) over (partition by regency_code order by month), tier_at_zero) as prev_tier,
           n_budget_paid
    from tiered
)
select * from final order by regency_code, month;
