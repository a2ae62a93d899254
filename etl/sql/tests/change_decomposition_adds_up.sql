-- every load explains its effect: for the province and each regency, the parts of the change
-- (new, reactivated, lapsed, moved in/out, corrections) add up exactly to after - before,
-- and after equals the published active count
with latest as (select * from mart_changes where is_latest),
sums as (
    select level, area_code,
           sum(n_members) filter (where component = 'before') as n_before,
           sum(n_members) filter (where component = 'after') as n_after,
           coalesce(sum(n_members) filter (where component not in ('before', 'after')), 0) as n_parts
    from latest group by all
)
select s.*, 'parts do not add up' as problem from sums s where n_after - n_before <> n_parts
union all
select s.*, 'after is not the published count' from sums s
join mart_regency_progress r on s.level = 'regency' and r.regency_code = s.area_code
where s.n_after <> r.n_active
