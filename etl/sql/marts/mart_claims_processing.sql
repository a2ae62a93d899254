-- grain: one row per month (of paid_date) x regency x programme x days_to_pay: a histogram of
-- processing time, so a median and a 90th percentile can be read exactly for any month range
-- (the smallest days_to_pay whose cumulative count reaches 50% / 90% of the claims).
-- days_to_pay = paid_date - filed_date in days; claims without a filed date are left out
-- (the loader quarantines a claim paid before it was filed).
-- Columns: month, regency_code, programme_code, days_to_pay, n_claims.
create or replace table mart_claims_processing as
with
final as (
    select date_trunc('month', paid_date)::date as month, regency_code, programme_code,
           date_diff('day', filed_date, paid_date) as days_to_pay, count(*) as n_claims
    from claims
    where filed_date is not null
    group by all
)
select * from final;
