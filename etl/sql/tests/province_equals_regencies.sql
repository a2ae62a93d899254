-- the province headline equals the sum of the regencies at the as-of month
select p.n_active, r.total from mart_province_monthly p,
       (select sum(n_active) as total from mart_regency_progress) r
where p.month = (select as_of_month from int_as_of) and p.n_active <> r.total;
