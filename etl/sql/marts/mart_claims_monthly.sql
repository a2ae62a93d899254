-- grain: one row per month (of paid_date) x regency x segment x programme with claims paid.
-- Claims come from the claims table, where the loader keeps one row per claim_id (a repeated
-- claim_id is quarantined as DUPLICATE_ROW / DUPLICATE_CONFLICT / DUPLICATE_LOADED), so each
-- claim is counted once. regency_code is the claims file's; segment_code is the claims file's,
-- else the member list's, else 'UNKNOWN'.
-- Columns: month, regency_code, segment_code, programme_code (JKK, JKM, JHT, JP),
-- n_claims, claims_rp.
create or replace table mart_claims_monthly as
with
claims_typed as (
    select date_trunc('month', c.paid_date)::date as month, c.regency_code,
           coalesce(c.segment_code, m.segment_code, 'UNKNOWN') as segment_code,
           c.programme_code, c.amount_rp
    from claims c
    left join members m using (member_key)
),
final as (
    select month, regency_code, segment_code, programme_code,
           count(*) as n_claims, sum(amount_rp)::bigint as claims_rp
    from claims_typed
    group by all
)
select * from final;
