-- every district's and village's own target: the children of a regency (districts) and of a
-- district (villages) sum exactly to the parent's target, and every reference area has a row
select p.level, p.area_code, p.target, sum(c.target) as children_sum
from mart_area_progress p
join mart_area_progress c on c.parent_code = p.area_code
     and c.level = case p.level when 'regency' then 'district' else 'village' end
where p.level in ('regency', 'district')
group by all
having sum(c.target) <> p.target
union all
select 'missing rows', null, (select count(*) from ref_regency) + (select count(*) from ref_district)
                             + (select count(*) from ref_village), count(*)
from mart_area_progress
having count(*) <> (select count(*) from ref_regency) + (select count(*) from ref_district)
                   + (select count(*) from ref_village);
