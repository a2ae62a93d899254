-- mart_claims_processing: a histogram of processing time, so a median and a 90th percentile
-- can be read exactly for any month range (the smallest days_to_pay whose cumulative count
-- reaches 50% / 90% of the claims). Claims without a filing date are left out.
-- grain: one row per month (of paid_date) x regency x programme x days_to_pay
-- key: month, regency_code, programme_code, days_to_pay
-- columns:
--   month                first day of the month of payment
--   regency_code         the claims file's regency
--   programme_code       JKK, JKM, JHT, JP
--   days_to_pay          paid_date - filed_date, in days
--   n_claims             claims
with
final as (
    select paid_month as month, regency_code, programme_code,
           date_diff('day', filed_date, paid_date) as days_to_pay, count(*) as n_claims
    from stg_claims
    where filed_date is not null
    group by all
)
select * from final
