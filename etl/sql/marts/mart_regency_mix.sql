-- grain: one row per regency x dimension x category with active members at the as-of month
-- (categories with none are left out). Dimensions:
--   'segment'     every segment (PU, BPU, JAKON, PMI), all members;
--   'sector'      sector of the goal-segment members (ref_sector);
--   'payer'       who pays the goal-segment members' current spell (ref_payer);
--   'payer_group' the same split in two: 'budget' (ref_payer.is_budget_paid: APBD, APBDes,
--                 CSR) and 'own' (self-paid, employer).
-- columns: regency_code, dimension, category_code, name_id, name_en, sort_order,
--   is_goal_segment (segment rows), is_budget_paid (payer and payer_group rows),
--   n_active, share_pct (0-100 of the dimension's total in the regency),
--   latest_end_month (payer rows: the latest end month of the active paid spells, i.e.
--   when that payer's current cohort runs out), suppression, as_of_month.
-- Privacy: small cells are hidden as in mart_area_progress: a count under
-- cfg_settings.suppress_below ('below_threshold'), and the smallest other category of the
-- same regency x dimension when the total would give a hidden count away ('complement');
-- n_active and share_pct are NULL for them.
create or replace table mart_regency_mix as
with
as_of as (select as_of_month from int_as_of),
threshold as (select suppress_threshold() as k),
goal as (select segment_code from int_goal_segments),
active_spells as (
    select s.*, s.segment_code in (select segment_code from goal) as is_goal
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
           segment_code in (select segment_code from goal) as is_goal_segment, null::boolean as is_budget_paid
    from ref_segment
    union all
    select 'sector', sector_code, name_id, name_en, sort_order, null, null from ref_sector
    union all
    select 'payer', payer_code, name_id, name_en, row_number() over (order by is_budget_paid, payer_code),
           null, is_budget_paid from ref_payer
    union all   -- the two groups are named by the page (ui/i18n.py)
    select 'payer_group', 'own', null, null, 1, null, false
    union all
    select 'payer_group', 'budget', null, null, 2, null, true
),
totals as (select regency_code, dimension, sum(n) as total from cells group by all),
flagged as (
    select c.*, t.total, c.n < (select k from threshold) as is_primary
    from cells c join totals t using (regency_code, dimension)
),
groups as (
    select regency_code, dimension,
           count(*) filter (where is_primary) as n_hidden,
           coalesce(sum(n) filter (where is_primary), 0) as sum_hidden
    from flagged group by all
),
ranked as (
    select f.*, g.n_hidden, g.sum_hidden,
           row_number() over (partition by f.regency_code, f.dimension, f.is_primary
                              order by f.n, f.category_code) as rank_in_kind
    from flagged f join groups g using (regency_code, dimension)
),
complemented as (
    select *, not is_primary and rank_in_kind = 1
              and (n_hidden = 1 or (n_hidden >= 2 and sum_hidden < (select k from threshold))) as is_complement
    from ranked
),
final as (
    select c.regency_code, c.dimension, c.category_code, l.name_id, l.name_en, l.sort_order,
           l.is_goal_segment, l.is_budget_paid,
           case when is_primary or is_complement then null else c.n end::bigint as n_active,
           case when is_primary or is_complement then null
                else round(100.0 * c.n / c.total, 1) end as share_pct,
           c.latest_end_month,
           case when is_primary then 'below_threshold' when is_complement then 'complement' end as suppression,
           (select as_of_month from as_of) as as_of_month
    from complemented c
    left join labels l using (dimension, category_code)
)
select * from final order by regency_code, dimension, sort_order;
