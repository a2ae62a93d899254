-- the claims marts add up to the claims table: every claim counted once, every Rupiah kept;
-- the processing histogram holds every claim with a filing date; the ratio mart holds every
-- claim once; the anomaly mart's regencies and province hold every claim paid up to its last
-- month, each once
select 'monthly' as mart, (select count(*) from stg_claims) as expected, sum(n_claims) as got
from mart_claims_monthly having sum(n_claims) <> (select count(*) from stg_claims)
    or sum(claims_rp) <> (select sum(amount_rp) from stg_claims)
union all
select 'cause', (select count(*) from stg_claims), sum(n_claims)
from mart_claims_cause having sum(n_claims) <> (select count(*) from stg_claims)
    or sum(claims_rp) <> (select sum(amount_rp) from stg_claims)
union all
select 'processing', (select count(filed_date) from stg_claims), sum(n_claims)
from mart_claims_processing having sum(n_claims) <> (select count(filed_date) from stg_claims)
    or min(days_to_pay) < 0
union all
select 'ratio', (select count(*) from stg_claims), sum(n_claims)
from mart_claims_ratio having sum(n_claims) <> (select count(*) from stg_claims)
    or sum(claims_rp) <> (select sum(amount_rp) from stg_claims)
    or sum(n_claims) <> sum(n_by_incident + n_by_filed + n_by_paid)
union all
select 'anomaly ' || level, (select count(*) from stg_claims
                             where paid_month <= (select max(month) from mart_claims_anomaly)), sum(n_claims)
from mart_claims_anomaly group by level
having sum(n_claims) <> (select count(*) from stg_claims
                         where paid_month <= (select max(month) from mart_claims_anomaly))
    or sum(claims_rp) <> (select sum(amount_rp) from stg_claims
                          where paid_month <= (select max(month) from mart_claims_anomaly));
