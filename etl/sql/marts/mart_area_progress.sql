-- grain: one row per area at the as-of month: every regency (level 'regency'), district
-- ('district', kecamatan) and village ('village', desa/kelurahan) of the reference tables,
-- with members or not, each with its own target (cfg_target of that level).
-- columns: level, area_code, parent_code (province '53' / regency / district), regency_code,
--   area_name, target, n_active (active members of the goal segments located in the area),
--   attainment_pct (0-100 of target), tier, tier_label_id, tier_label_en, next_tier,
--   next_tier_min_pct, n_to_next_tier (active members still needed to reach next_tier),
--   suppression, sort_pct, as_of_month.
-- Privacy: below regency level a count under cfg_settings.suppress_below is suppressed
-- (suppression = 'below_threshold'); so is the smallest other child of the same parent
-- ('complement') when a parent's published total would otherwise give the hidden count
-- away (one hidden child, or hidden children summing below the threshold), and so are the
-- two smallest villages of a complement-hidden district whose villages are all published.
-- For suppressed rows n_active, attainment_pct, tier, next_tier and n_to_next_tier are
-- NULL. sort_pct orders rows for rankings
-- using public values only: attainment_pct, else the best a hidden row can be
-- (100 * (threshold - 1) / target) or, for a complement row, the least (100 * threshold / target).
create or replace table mart_area_progress as
with
as_of as (select as_of_month from int_as_of),
threshold as (select suppress_threshold() as k),
goal as (select segment_code from int_goal_segments),
active_spells as (
    select s.regency_code, s.district_code, s.village_code
    from int_member_spells s
    where s.segment_code in (select segment_code from goal)
      and (select as_of_month from as_of) between s.start_month and s.end_month
),
areas as (
    select 'regency' as level, kemendagri_code as area_code, '53' as parent_code,
           kemendagri_code as regency_code, name as area_name from ref_regency
    union all
    select 'district', code, regency_code, regency_code, name from ref_district
    union all
    select 'village', code, district_code, regency_code, name from ref_village
),
counts as (
    select 'regency' as level, regency_code as area_code, count(*) as n from active_spells group by all
    union all
    select 'district', district_code, count(*) from active_spells where district_code is not null group by all
    union all
    select 'village', village_code, count(*) from active_spells where village_code is not null group by all
),
joined as (
    select a.*, coalesce(t.target, 0)::bigint as target, coalesce(c.n, 0)::bigint as n_true,
           a.level <> 'regency' and coalesce(c.n, 0) < (select k from threshold) as is_primary
    from areas a
    left join cfg_target t on t.area_code = a.area_code and t.level = a.level
    left join counts c on c.area_code = a.area_code and c.level = a.level
),
sibling_groups as (
    select level, parent_code,
           count(*) filter (where is_primary) as n_hidden,
           coalesce(sum(n_true) filter (where is_primary), 0) as sum_hidden
    from joined where level <> 'regency' group by all
),
ranked as (
    select j.*, g.n_hidden, g.sum_hidden,
           row_number() over (partition by j.level, j.parent_code, j.is_primary
                              order by j.n_true, j.area_code) as rank_in_kind
    from joined j left join sibling_groups g using (level, parent_code)
),
complemented as (
    select *,
           not is_primary and rank_in_kind = 1 and level <> 'regency'
           and (n_hidden = 1 or (n_hidden >= 2 and sum_hidden < (select k from threshold))) as is_complement
    from ranked
),
-- a complement-hidden district whose villages are all published would be given away by
-- their sum: hide its two smallest villages too (two, so neither is the only hidden one)
open_districts as (
    select c.area_code from complemented c
    where c.level = 'district' and c.is_complement
      and not exists (select 1 from complemented v where v.level = 'village'
                      and v.parent_code = c.area_code and (v.is_primary or v.is_complement))
),
flagged as (
    select c.* exclude (is_complement),
           c.is_complement or (c.level = 'village' and c.parent_code in (select area_code from open_districts)
                               and c.rank_in_kind <= 2 and not c.is_primary) as is_complement
    from complemented c
),
tiered as (
    select f.*,
           case when target > 0 then round(100.0 * n_true / target, 2) else 0 end as pct_true,
           tier_of(f.n_true, f.target) as tier_true,
           (select min(tier) from cfg_tiers c where f.n_true * 100.0 < c.min_pct * f.target) as next_tier
    from flagged f
),
-- the fewest members reaching the next tier (the tier rule, int_tier_rule.sql)
with_needed as (
    select t.*, n.min_pct as next_min_pct,
           tier_min_members(n.min_pct, t.target) as next_tier_members
    from tiered t left join cfg_tiers n on n.tier = t.next_tier
),
final as (
    select t.level, t.area_code, t.parent_code, t.regency_code, t.area_name, t.target,
           case when is_primary or is_complement then null else n_true end as n_active,
           case when is_primary or is_complement then null else pct_true end as attainment_pct,
           case when is_primary or is_complement then null else tier_true end as tier,
           case when is_primary or is_complement then null else c.label_id end as tier_label_id,
           case when is_primary or is_complement then null else c.label_en end as tier_label_en,
           case when is_primary or is_complement then null else t.next_tier end as next_tier,
           case when is_primary or is_complement then null else t.next_min_pct end as next_tier_min_pct,
           case when is_primary or is_complement or t.next_tier is null then null
                else (t.next_tier_members - n_true)::bigint end as n_to_next_tier,
           case when is_primary then 'below_threshold' when is_complement then 'complement' end as suppression,
           case when not (is_primary or is_complement) then pct_true
                when t.target <= 0 then null
                when is_primary then round(100.0 * ((select k from threshold) - 1) / t.target, 2)
                else round(100.0 * (select k from threshold) / t.target, 2) end as sort_pct,
           (select as_of_month from as_of) as as_of_month
    from with_needed t
    left join cfg_tiers c on c.tier = t.tier_true
)
select * from final order by level, area_code;
