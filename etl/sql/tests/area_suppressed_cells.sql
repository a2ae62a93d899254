-- small counts never reach a page: below regency level (districts, villages) and in the
-- regency mix (segment, sector, payer) no published count is under the threshold, a hidden
-- row shows no number that gives it away, and no group of siblings has exactly one hidden
-- row beside published ones (its count would be the parent's total minus the others)
with k as (select suppress_threshold() as k),
areas as (
    select level as what, parent_code as grp, area_code as code, n_active, suppression,
           attainment_pct, tier, n_to_next_tier
    from mart_area_progress where level <> 'regency'
),
mix as (
    select dimension as what, regency_code as grp, category_code as code, n_active, suppression,
           share_pct as attainment_pct, null as tier, null as n_to_next_tier
    from mart_regency_mix
),
cells as (select * from areas union all select * from mix),
groups as (
    select what, grp, count(*) filter (where suppression is not null) as n_hidden,
           count(*) filter (where suppression is null) as n_shown
    from cells group by all
)
select what, grp, code, n_active, suppression, 'published below threshold' as problem from cells
where suppression is null and (n_active is null or n_active < (select k from k))
union all
select what, grp, code, n_active, suppression, 'hidden row shows a number' from cells
where suppression is not null
  and (n_active is not null or attainment_pct is not null or tier is not null or n_to_next_tier is not null)
union all
select what, grp, null, n_hidden, null, 'one hidden row among published siblings' from groups
where n_hidden = 1 and n_shown > 0;
