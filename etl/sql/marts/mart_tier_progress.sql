-- grain: one row for the province (level 'province', area_code '53') and one per regency
-- (level 'regency', all 22) at the as-of month, goal segments only. Districts and villages
-- are in mart_area_progress (with their small-count suppression).
-- columns: level, area_code, area_name, area_label, target (province: cfg_settings.target),
--   n_active, attainment_pct (0-100), tier, tier_label_id/_en, incentive_id/_en,
--   tier_since_month (first month of the current unbroken run at this tier; NULL for a
--   region that has never been above the lowest tier), next_tier, next_tier_label_id/_en,
--   next_tier_min_pct, next_tier_members (tier_min_members: active members the next tier
--   needs), members_to_next, n_active_6m_ago, pace_6m (net change per month over the last
--   6 months), months_to_next (at pace_6m, rounded up; NULL when pace_6m <= 0 or at the
--   top tier), next_tier_eta_month (the as-of month + months_to_next; NULL beyond
--   600 months, 50 years), as_of_month. Tiers use tier_of / tier_min_members (etl/sql/intermediate/int_tier_rule.sql).
create or replace table mart_tier_progress as
with
as_of as (select as_of_month from int_as_of),
province_target as (select coalesce(max(try_cast(value as bigint)), 0) as target
                    from cfg_settings where key = 'target'),
series as (
    select 'regency' as level, regency_code as area_code, regency_name as area_name,
           regency_label as area_label, month, target, n_active, tier
    from mart_tier_monthly
    union all
    select 'province', '53', 'Provinsi Nusa Tenggara Timur', 'NTT', p.month, t.target, p.n_active,
           tier_of(p.n_active, t.target)
    from mart_province_monthly p, province_target t
),
now as (select * from series where month = (select as_of_month from as_of)),
six_ago as (select level, area_code, n_active from series
            where month = ((select as_of_month from as_of) - interval 6 month)::date),
last_other as (   -- the last month a region was at another tier than today's
    select s.level, s.area_code, max(s.month) as month
    from series s join now n using (level, area_code)
    where s.tier <> n.tier group by all
),
joined as (
    select n.level, n.area_code, n.area_name, n.area_label, n.target::bigint as target, n.n_active,
           n.tier, coalesce(s.n_active, 0)::bigint as n_active_6m_ago,
           case when o.month is not null then (o.month + interval 1 month)::date
                when n.tier > tier_of(0, n.target) then (select min(month) from int_calendar) end
               as tier_since_month,
           (select min(c.tier) from cfg_tiers c where c.tier > n.tier) as next_tier
    from now n
    left join six_ago s using (level, area_code)
    left join last_other o using (level, area_code)
),
with_next as (
    select j.*, nx.min_pct as next_tier_min_pct,
           tier_min_members(nx.min_pct, j.target) as next_tier_members,
           tier_min_members(nx.min_pct, j.target) - j.n_active as members_to_next,
           j.n_active - j.n_active_6m_ago as change_6m
    from joined j left join cfg_tiers nx on nx.tier = j.next_tier
),
final as (
    select w.level, w.area_code, w.area_name, w.area_label, w.target, w.n_active,
           case when w.target > 0 then round(100.0 * w.n_active / w.target, 2) else 0 end as attainment_pct,
           w.tier, c.label_id as tier_label_id, c.label_en as tier_label_en,
           c.incentive_id, c.incentive_en, w.tier_since_month,
           w.next_tier, nx.label_id as next_tier_label_id, nx.label_en as next_tier_label_en,
           w.next_tier_min_pct, w.next_tier_members, w.members_to_next,
           w.n_active_6m_ago, round(w.change_6m / 6.0, 1) as pace_6m,
           case when w.next_tier is not null and w.change_6m > 0
                then ceil(w.members_to_next * 6.0 / w.change_6m)::bigint end as months_to_next,
           case when w.next_tier is not null and w.change_6m > 0
                 and ceil(w.members_to_next * 6.0 / w.change_6m) <= 600
                then ((select as_of_month from as_of)
                      + to_months(ceil(w.members_to_next * 6.0 / w.change_6m)::integer))::date
                end as next_tier_eta_month,
           (select as_of_month from as_of) as as_of_month
    from with_next w
    join cfg_tiers c on c.tier = w.tier
    left join cfg_tiers nx on nx.tier = w.next_tier
)
select * from final order by level = 'regency', attainment_pct desc, area_code;
