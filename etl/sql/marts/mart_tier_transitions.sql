-- mart_tier_transitions: months in which a regency's tier changed (mart_tier_monthly; before
-- the first month a regency counts as having the tier of zero members). Drops (is_drop) show
-- when a regency lost a tier, e.g. because a budget-paid cohort lapsed: compare
-- n_budget_paid_before and n_budget_paid.
-- grain: one row per regency x month in which the tier differs from the month before
-- key: regency_code, month
-- columns:
--   month                first day of the month of the change
--   regency_code         Kemendagri code
--   regency_name         official name
--   regency_label        short label
--   tier_from            tier the month before
--   tier_to              tier in the month
--   tier_from_label_id   names of both tiers in Indonesian and English
--   tier_from_label_en
--   tier_to_label_id
--   tier_to_label_en
--   is_drop              the tier fell
--   n_active_before      active members the month before
--   n_active             active members in the month
--   n_budget_paid_before budget-paid active members the month before
--   n_budget_paid        budget-paid active members in the month
--   target               today's regency target
with
with_before as (
    select *,
           coalesce(lag(n_active) over w, 0) as n_active_before,
           coalesce(lag(n_budget_paid) over w, 0) as n_budget_paid_before
    from mart_tier_monthly
    window w as (partition by regency_code order by month)
),
changes as (select * from with_before where tier <> prev_tier),
final as (
    select c.month, c.regency_code, c.regency_name, c.regency_label,
           c.prev_tier as tier_from, c.tier as tier_to,
           f.label_id as tier_from_label_id, f.label_en as tier_from_label_en,
           t.label_id as tier_to_label_id, t.label_en as tier_to_label_en,
           c.tier < c.prev_tier as is_drop,
           c.n_active_before::bigint as n_active_before, c.n_active,
           c.n_budget_paid_before::bigint as n_budget_paid_before, c.n_budget_paid, c.target
    from changes c
    join cfg_tiers f on f.tier = c.prev_tier
    join cfg_tiers t on t.tier = c.tier
)
select * from final order by month, regency_code
