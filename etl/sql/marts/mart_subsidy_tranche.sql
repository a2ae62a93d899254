-- grain: one row per subsidy scheme x regency x tranche (the regency named in the subsidy file).
-- Columns: scheme, regency_code, tranche, n_recipients (distinct members paid in the tranche),
-- subsidy_rp, first_paid_date, last_paid_date.
create or replace table mart_subsidy_tranche as
with
final as (
    select scheme, regency_code, tranche,
           count(distinct member_key) as n_recipients, sum(amount_rp)::bigint as subsidy_rp,
           min(paid_date) as first_paid_date, max(paid_date) as last_paid_date
    from subsidies
    group by all
)
select * from final;
