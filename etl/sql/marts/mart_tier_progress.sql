-- mart_tier_progress: the province and each regency today: tier, since when, the next tier
-- and the time to reach it at the last 6 months' pace (rules tier_of, tier_min_members,
-- pace_per_month, months_to_reach). Districts and villages are in mart_area_progress.
-- grain: one row for the province (level 'province', area_code '53') and one per regency
-- (level 'regency', all 22) at the as-of month, goal segments only
-- key: level, area_code
-- columns:
--   level                'province' or 'regency'
--   area_code            '53' or the regency's Kemendagri code
--   area_name            official name
--   area_label           short label
--   target               the target (province: the goal)
--   n_active             goal-segment members active
--   attainment_pct       0-100 of the target (rule attainment_pct)
--   tier                 tier reached
--   tier_label_id        its name in Indonesian
--   tier_label_en        its name in English
--   incentive_id         its incentive in Indonesian
--   incentive_en         its incentive in English
--   tier_since_month     first month of the current unbroken run at this tier (NULL for a
--                        region that has never been above the lowest tier)
--   next_tier            the next tier (NULL at the top)
--   next_tier_label_id   its name in Indonesian
--   next_tier_label_en   its name in English
--   next_tier_min_pct    its minimum share of the target
--   n_for_next_tier      active members the next tier needs (rule tier_min_members)
--   n_to_next_tier       members still needed
--   n_active_6m_ago      active six months before
--   pace_6m              net change per month over the last 6 months (rule pace_per_month)
--   months_to_next       months to the next tier at pace_6m (rule months_to_reach; NULL when
--                        beyond the horizon, at the top tier or without growth)
--   next_tier_eta_month  the as-of month + months_to_next
--   as_of_month          the month the data speaks for
with
as_of as (select as_of_month from int_as_of),
series as (
    select 'regency' as level, regency_code as area_code, regency_name as area_name,
           regency_label as area_label, month, target, n_active, tier
    from mart_tier_monthly
    union all
    select 'province', '53', 'Provinsi Nusa Tenggara Timur', 'NTT', p.month, goal_target(), p.n_active,
           tier_of(p.n_active, goal_target())
    from mart_province_monthly p
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
           next_tier_of(n.n_active, n.target) as next_tier
    from now n
    left join six_ago s using (level, area_code)
    left join last_other o using (level, area_code)
),
with_next as (
    select j.*, nx.min_pct as next_tier_min_pct,
           tier_min_members(nx.min_pct, j.target) as n_for_next_tier,
           tier_min_members(nx.min_pct, j.target) - j.n_active as n_to_next_tier,
           pace_per_month(j.n_active, j.n_active_6m_ago, 6) as pace_6m
    from joined j left join cfg_tiers nx on nx.tier = j.next_tier
),
final as (
    select w.level, w.area_code, w.area_name, w.area_label, w.target, w.n_active,
           attainment_pct(w.n_active, w.target) as attainment_pct,
           w.tier, c.label_id as tier_label_id, c.label_en as tier_label_en,
           c.incentive_id, c.incentive_en, w.tier_since_month,
           w.next_tier, nx.label_id as next_tier_label_id, nx.label_en as next_tier_label_en,
           w.next_tier_min_pct, w.n_for_next_tier, w.n_to_next_tier,
           w.n_active_6m_ago, round(w.pace_6m, 1) as pace_6m,
           case when w.next_tier is not null then months_to_reach(w.n_to_next_tier, w.pace_6m) end
               as months_to_next,
           case when w.next_tier is not null
                then ((select as_of_month from as_of)
                      + to_months(months_to_reach(w.n_to_next_tier, w.pace_6m)::integer))::date
                end as next_tier_eta_month,
           (select as_of_month from as_of) as as_of_month
    from with_next w
    join cfg_tiers c on c.tier = w.tier
    left join cfg_tiers nx on nx.tier = w.next_tier
)
select * from final order by level = 'regency', attainment_pct desc, area_code
