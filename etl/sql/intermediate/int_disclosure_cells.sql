-- int_disclosure_cells: every count a page publishes below regency level (or that splits a
-- published total), gathered into one shape for the one suppression stage (int_disclosure).
-- A family is one published breakdown; each cell sums with its siblings to its parent:
--   area                 districts of a regency (depth 1), villages of a district (depth 2)
--   mix:<dimension>      a regency's active members by segment, sector, payer, payer group
--   cause:<prog>:<year>  a regency's claims of a programme in a year, by cause
--   budget:<payer>:<y>   a budget payer's workers in a year, by regency
--   retention:<payer>:<y> a budget payer's ended cohort in a year, by regency
-- Pseudo cells (is_pseudo) hold members located no further (a regency's members without a
-- known district, a district's without a known village): never published, they are unknowns
-- to a reader, and so count as hidden siblings.
-- grain: one row per family x cell
-- key: family, cell_id
-- columns:
--   family               the published breakdown
--   depth                1: the parent is a published total; 2: the parent is a depth-1 cell
--   parent_id            the parent (a regency, a district, a payer-year)
--   cell_id              the cell
--   n                    its true count
--   is_pseudo            an unknown remainder, never published
with
areas as (select * from int_area_counts),
area_cells as (
    select 'area' as family, 1 as depth, parent_code as parent_id, area_code as cell_id,
           n_active as n, false as is_pseudo
    from areas where level = 'district'
    union all
    select 'area', 2, parent_code, area_code, n_active, false from areas where level = 'village'
    union all
    select 'area', case level when 'regency' then 1 else 2 end, area_code, area_code || ':unlocated',
           n_unlocated, true
    from areas where level in ('regency', 'district') and n_unlocated > 0
),
mix_cells as (
    select 'mix:' || dimension, 1, regency_code, regency_code || ':' || category_code, n_active, false
    from int_mix_counts
),
cause_cells as (
    select 'cause:' || programme_code || ':' || paid_year, 1, regency_code,
           regency_code || ':' || cause, n_claims, false
    from int_claims_cause_year
),
budget_cells as (
    select 'budget:' || payer_code || ':' || budget_year, 1, payer_code || ':' || budget_year,
           regency_code, n_workers, false
    from int_budget_year
),
retention_cells as (
    select 'retention:' || payer_code || ':' || budget_year, 1, payer_code || ':' || budget_year,
           regency_code, n_cohort, false
    from int_budget_retention
)
select * from area_cells
union all select * from mix_cells
union all select * from cause_cells
union all select * from budget_cells
union all select * from retention_cells
