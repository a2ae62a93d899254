-- the regency view adds up: regency rows of mart_area_progress and the as-of month of
-- mart_regency_goal_monthly equal mart_regency_progress; 22 regencies every month;
-- the goal-segment mix of each regency sums to its active members
with as_of as (select as_of_month from int_as_of)
select p.regency_code, p.n_active, a.n_true, 'area_progress' as source
from mart_regency_progress p
join (select area_code, coalesce(n_active, -1) as n_true from mart_area_progress where level = 'regency') a
  on a.area_code = p.regency_code
where a.n_true <> p.n_active
union all
select p.regency_code, p.n_active, g.n_active, 'goal_monthly'
from mart_regency_progress p
join mart_regency_goal_monthly g on g.regency_code = p.regency_code
     and g.month = (select as_of_month from as_of)
where g.n_active <> p.n_active or g.target <> p.target
union all
select null, count(*), null, 'goal_monthly: not 22 regencies in ' || month::varchar
from mart_regency_goal_monthly group by month having count(*) <> 22
union all
select p.regency_code, p.n_active, m.total, 'mix ' || m.dimension
from mart_regency_progress p
join (select regency_code, dimension, count(*) as n_rows, count(n_active) as n_shown,
             sum(n_active) as total
      from mart_regency_mix where dimension in ('sector', 'payer', 'payer_group') group by all) m
  on m.regency_code = p.regency_code
where m.n_rows = m.n_shown and m.total <> p.n_active;
