-- int_mix_counts: each regency's active members split by segment, sector, payer and payer
-- group at the as-of month, before suppression; every category listed, zeros included, so
-- that a missing row never tells a page reader that a category is empty.
-- grain: one row per regency x dimension x category
-- key: regency_code, dimension, category_code
-- columns:
--   regency_code         Kemendagri code
--   dimension            'segment' (every segment, all members), 'sector', 'payer' or
--                        'payer_group' ('budget': APBD, APBDes, CSR; 'own': self, employer),
--                        the last three for the goal segments
--   category_code        the segment, sector, payer or group
--   name_id              its name in Indonesian (payer groups are named by the page)
--   name_en              its name in English
--   sort_order           display order
--   is_goal_segment      segment rows: it counts toward the goal
--   is_budget_paid       payer rows: paid by a budget or donor
--   n_active             active members
--   latest_end_month     payer rows: the latest end month of the active paid spells (when
--                        that payer's current cohort runs out)
with
as_of as (select as_of_month from int_as_of),
active_spells as (
    select s.*, is_goal_segment(s.segment_code) as is_goal
    from int_member_spells s
    where (select as_of_month from as_of) between s.start_month and s.end_month
),
cells as (
    select regency_code, 'segment' as dimension, segment_code as category_code,
           count(*) as n, null::date as latest_end_month
    from active_spells group by all
    union all
    select regency_code, 'sector', sector_code, count(*), null
    from active_spells where is_goal group by all
    union all
    select regency_code, 'payer', payer_code, count(*), max(end_month)
    from active_spells where is_goal group by all
    union all
    select s.regency_code, 'payer_group', case when p.is_budget_paid then 'budget' else 'own' end,
           count(*), max(s.end_month)
    from active_spells s join ref_payer p using (payer_code) where s.is_goal group by all
),
labels as (
    select 'segment' as dimension, segment_code as category_code, name_id, name_en,
           case segment_code when 'BPU' then 1 when 'PU' then 2 when 'JAKON' then 3 else 4 end as sort_order,
           is_goal_segment(segment_code) as is_goal_segment, null::boolean as is_budget_paid
    from ref_segment
    union all
    select 'sector', sector_code, name_id, name_en, sort_order, null, null from ref_sector
    union all
    select 'payer', payer_code, name_id, name_en, row_number() over (order by is_budget_paid, payer_code),
           null, is_budget_paid from ref_payer
    union all
    select 'payer_group', 'own', null, null, 1, null, false
    union all
    select 'payer_group', 'budget', null, null, 2, null, true
),
grid as (
    select r.kemendagri_code as regency_code, l.* from ref_regency r cross join labels l
)
select g.regency_code, g.dimension, g.category_code, g.name_id, g.name_en, g.sort_order,
       g.is_goal_segment, g.is_budget_paid, coalesce(c.n, 0)::bigint as n_active, c.latest_end_month
from grid g
left join cells c using (regency_code, dimension, category_code)
