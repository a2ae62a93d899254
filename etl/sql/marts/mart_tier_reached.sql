-- mart_tier_reached: the month each regency first reached each tier. A regency reaches a
-- tier in a month when its tier that month (mart_tier_monthly, today's target) is that tier
-- or higher.
-- grain: one row per regency x tier above the lowest (all 22 regencies, every such tier of
-- cfg_tiers), goal segments
-- key: regency_code, tier
-- columns:
--   regency_code         Kemendagri code
--   regency_name         official name
--   regency_label        short label
--   tier                 the tier
--   tier_label_id        its name in Indonesian
--   tier_label_en        its name in English
--   min_pct              its minimum share of the target
--   first_reached_month  first month at this tier or higher (NULL: never reached)
--   is_held_now          at this tier or higher at the as-of month
--   n_months_held        months at this tier or higher
with
lowest as (select min(tier) as tier from cfg_tiers),
pairs as (
    select m.regency_code, any_value(m.regency_name) as regency_name,
           any_value(m.regency_label) as regency_label, c.tier,
           min(m.month) filter (where m.tier >= c.tier) as first_reached_month,
           count(*) filter (where m.tier >= c.tier) as n_months_held,
           bool_or(m.tier >= c.tier and m.month = (select as_of_month from int_as_of)) as is_held_now
    from mart_tier_monthly m
    cross join cfg_tiers c
    where c.tier > (select tier from lowest)
    group by m.regency_code, c.tier
),
final as (
    select p.regency_code, p.regency_name, p.regency_label, p.tier,
           c.label_id as tier_label_id, c.label_en as tier_label_en, c.min_pct,
           p.first_reached_month, p.is_held_now, p.n_months_held::bigint as n_months_held
    from pairs p join cfg_tiers c using (tier)
)
select * from final order by regency_code, tier
