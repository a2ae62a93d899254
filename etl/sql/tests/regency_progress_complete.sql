-- one row per regency, all 22
select count(*) as n, count(distinct regency_code) as n_distinct
from mart_regency_progress having count(*) <> 22 or count(distinct regency_code) <> 22;
