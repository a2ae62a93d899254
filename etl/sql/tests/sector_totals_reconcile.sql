-- sector views add up to the province: per month (mart_sector_monthly) and at the as-of
-- month (mart_sector_progress); every regency x sector cell exists once
select 'monthly' as what, s.month, s.n_active, p.n_active as province
from (select month, sum(n_active) as n_active, sum(n_registered) as n_registered
      from mart_sector_monthly group by month) s
join mart_province_monthly p using (month)
where s.n_active <> p.n_active or s.n_registered <> p.n_registered
union all
select 'progress', null, (select sum(n_active) from mart_sector_progress), p.n_active
from mart_province_monthly p
where p.month = (select as_of_month from int_as_of)
  and p.n_active <> (select sum(n_active) from mart_sector_progress)
union all
select 'regency_grid', null, count(*), count(distinct (regency_code, sector_code))
from mart_sector_regency
having count(*) <> 22 * (select count(*) from ref_sector)
    or count(distinct (regency_code, sector_code)) <> count(*);
