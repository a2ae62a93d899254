-- mart_regency_progress: where each regency stands today.
-- grain: one row per regency (all 22, also those with no members), at the as-of month
-- key: regency_code
-- columns:
--   regency_code         Kemendagri code (53.01)
--   regency_bps_code     BPS code (5301): a different order, mapped by name
--   regency_name         official name
--   regency_short_name   name without 'Kabupaten'/'Kota'
--   regency_label        short label for maps
--   island               main island
--   island_group         island group (peers)
--   informal_workforce_est  estimated informal workforce
--   target               the regency's target
--   n_registered         goal-segment members registered
--   n_active             goal-segment members active at the as-of month
--   n_active_3m_ago      active three months before
--   change_3m            n_active - n_active_3m_ago
--   attainment_pct       0-100 of the target (rule attainment_pct)
--   tier                 tier reached (rule tier_of)
--   tier_label_id        its name in Indonesian
--   tier_label_en        its name in English
--   as_of_month          the month the data speaks for
with
as_of as (select as_of_month from int_as_of),
latest as (select * from int_goal_monthly where month = (select as_of_month from as_of)),
three_ago as (select * from int_goal_monthly where month = ((select as_of_month from as_of) - interval 3 month)::date),
joined as (
    select r.kemendagri_code as regency_code, r.bps_code as regency_bps_code,
           r.name as regency_name, r.short_name as regency_short_name, r.label as regency_label,
           r.island, r.island_group,
           r.informal_workforce_est, t.target::bigint as target,
           coalesce(l.n_registered, 0)::bigint as n_registered,
           coalesce(l.n_active, 0)::bigint as n_active,
           coalesce(a.n_active, 0)::bigint as n_active_3m_ago
    from ref_regency r
    join cfg_target t on t.area_code = r.kemendagri_code and t.level = 'regency'
    left join latest l on l.regency_code = r.kemendagri_code
    left join three_ago a on a.regency_code = r.kemendagri_code
),
final as (
    select j.*, n_active - n_active_3m_ago as change_3m,
           attainment_pct(n_active, target) as attainment_pct,
           tier_of(n_active, target) as tier,
           (select as_of_month from as_of) as as_of_month
    from joined j
)
select f.* exclude (as_of_month), c.label_id as tier_label_id, c.label_en as tier_label_en, f.as_of_month
from final f join cfg_tiers c using (tier)
order by attainment_pct, regency_code
