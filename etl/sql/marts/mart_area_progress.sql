-- mart_area_progress: every regency, district and village at the as-of month, with its own
-- target and tier. Below regency level a count passes the one suppression stage
-- (int_disclosure): for a hidden area (is_suppressed) every figure derived from its count
-- (n_active, attainment, tier, next tier, members to it, per 1,000 inhabitants) is NULL,
-- the same whatever the reason it was hidden. Targets split the parent's by a weight
-- (etl/reference.py): regencies by estimated informal workforce, districts by 2010
-- census population, villages equally (no village figure exists); split_basis names it.
-- grain: one row per area: every regency (level 'regency'), district ('district', kecamatan)
-- and village ('village', desa/kelurahan) of the reference tables, with members or not
-- key: level, area_code
-- columns:
--   level                'regency', 'district' or 'village'
--   area_code            Kemendagri code
--   parent_code          '53' (province), the regency or the district
--   regency_code         the area's regency
--   area_name            official name
--   target               the area's own target (cfg_target)
--   split_basis          the weight that set it: 'informal_workforce_est', 'population_2010',
--                        'equal' or 'override' (the targets file)
--   population_2010      2010 census persons (BPS SP2010; a regency: its districts' sum;
--                        villages: NULL, no village figure exists)
--   n_active             active members of the goal segments located in the area
--   attainment_pct       0-100 of the target (rule attainment_pct)
--   tier                 tier reached (rule tier_of)
--   tier_label_id        its name in Indonesian
--   tier_label_en        its name in English
--   next_tier            the next tier (rule next_tier_of)
--   next_tier_min_pct    its minimum share of the target
--   n_to_next_tier       active members still needed to reach next_tier (rule tier_min_members)
--   active_per_1000_pop  n_active per 1,000 persons of population_2010 (rule per_1000; NULL
--                        for villages and hidden areas)
--   is_suppressed        the area's figures are hidden (small counts)
--   as_of_month          the month the data speaks for
with
hidden as (select cell_id as area_code, is_hidden from int_disclosure where family = 'area'),
counted as (
    select a.*, coalesce(h.is_hidden, false) as is_suppressed
    from int_area_counts a
    left join hidden h on h.area_code = a.area_code and a.level <> 'regency'
),
tiered as (
    select c.*, tier_of(c.n_active, c.target) as tier_true, next_tier_of(c.n_active, c.target) as next_true
    from counted c
),
final as (
    select t.level, t.area_code, t.parent_code, t.regency_code, t.area_name, t.target, t.split_basis,
           t.population_2010,
           case when not is_suppressed then t.n_active end as n_active,
           case when not is_suppressed then attainment_pct(t.n_active, t.target) end as attainment_pct,
           case when not is_suppressed then t.tier_true end as tier,
           case when not is_suppressed then c.label_id end as tier_label_id,
           case when not is_suppressed then c.label_en end as tier_label_en,
           case when not is_suppressed then t.next_true end as next_tier,
           case when not is_suppressed then n.min_pct end as next_tier_min_pct,
           case when not is_suppressed and t.next_true is not null
                then tier_min_members(n.min_pct, t.target) - t.n_active end as n_to_next_tier,
           case when not is_suppressed then per_1000(t.n_active, t.population_2010) end as active_per_1000_pop,
           t.is_suppressed,
           (select as_of_month from int_as_of) as as_of_month
    from tiered t
    left join cfg_tiers c on c.tier = t.tier_true
    left join cfg_tiers n on n.tier = t.next_true
)
select * from final order by level, area_code
