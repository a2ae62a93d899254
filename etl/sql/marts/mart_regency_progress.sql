-- grain: one row per regency (all 22, also those with no members), at the as-of month.
-- active_members / registered_members count the goal segments; attainment_pct is 0-100
-- of the regency target; tier is the highest tier whose min_pct the attainment reaches.
create or replace table mart_regency_progress as
with
as_of as (select as_of_month from int_as_of),
goal as (select segment_code from int_goal_segments),
goal_monthly as (
    select month, regency_code, sum(n_active) as n_active, sum(n_registered) as n_registered
    from mart_regency_monthly where segment_code in (select segment_code from goal)
    group by all
),
latest as (select * from goal_monthly where month = (select as_of_month from as_of)),
three_ago as (select * from goal_monthly
              where month = ((select as_of_month from as_of) - interval 3 month)::date),
joined as (
    select r.bps_code as regency_bps_code, r.kemendagri_code as regency_kemendagri_code,
           r.name as regency_name, r.label as regency_label, r.island, r.island_group,
           r.informal_workforce_est, t.target,
           coalesce(l.n_registered, 0)::bigint as registered_members,
           coalesce(l.n_active, 0)::bigint as active_members,
           coalesce(a.n_active, 0)::bigint as active_members_3m_ago
    from ref_regency r
    join cfg_target t on t.area_code = r.kemendagri_code and t.level = 'regency'
    left join latest l on l.regency_code = r.kemendagri_code
    left join three_ago a on a.regency_code = r.kemendagri_code
),
final as (
    select j.*,
           case when target > 0 then round(100.0 * active_members / target, 2) else 0 end as attainment_pct,
           tier_of(active_members, j.target) as tier,
           active_members - active_members_3m_ago as change_3m,
           (select as_of_month from as_of) as as_of_month
    from joined j
)
select f.*, c.label_id as tier_label_id, c.label_en as tier_label_en
from final f join cfg_tiers c using (tier)
order by attainment_pct;
