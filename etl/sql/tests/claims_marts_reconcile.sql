-- the claims marts add up to the claims table: every claim counted once, every Rupiah kept;
-- the processing histogram holds every claim with a filing date; one anomaly row per regency-month
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
select 'anomaly', count(*), count(distinct (regency_code, month))
from mart_claims_anomaly having count(*) <> count(distinct (regency_code, month));
