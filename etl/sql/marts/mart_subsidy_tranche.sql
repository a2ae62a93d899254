-- mart_subsidy_tranche: wage-subsidy payments by scheme, regency (named in the subsidy file)
-- and tranche.
-- grain: one row per scheme x regency x tranche
-- key: scheme, regency_code, tranche
-- columns:
--   scheme               the scheme ('BSU' when the file names none)
--   regency_code         the subsidy file's regency
--   tranche              tranche number
--   n_recipients         distinct members paid in the tranche
--   subsidy_rp           Rupiah paid
--   first_paid_date      first payment
--   last_paid_date       last payment
with
final as (
    select scheme, regency_code, tranche,
           count(distinct member_key) as n_recipients, sum(amount_rp)::bigint as subsidy_rp,
           min(paid_date) as first_paid_date, max(paid_date) as last_paid_date
    from stg_subsidies
    group by all
)
select * from final
