-- grain: one row per month (of paid_date) x regency x programme x cause with claims paid.
-- cause is the claims file's text as loaded, trimmed ('' when the file has none); for JKK it
-- is the accident type. Columns: month, regency_code, programme_code, cause, n_claims, claims_rp.
-- Small counts are folded by the query layer (ui/queries.py), not here.
create or replace table mart_claims_cause as
with
final as (
    select date_trunc('month', paid_date)::date as month, regency_code, programme_code,
           coalesce(trim(cause), '') as cause,
           count(*) as n_claims, sum(amount_rp)::bigint as claims_rp
    from claims
    group by all
)
select * from final;
