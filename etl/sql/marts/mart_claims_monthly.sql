-- mart_claims_monthly: claims paid by month, regency, segment and programme. The loader
-- keeps one row per claim number (a repeated number is quarantined), so each claim counts once.
-- grain: one row per month (of paid_date) x regency x segment x programme with claims paid
-- key: month, regency_code, segment_code, programme_code
-- columns:
--   month                first day of the month of payment
--   regency_code         the claims file's regency
--   segment_code         the claims file's segment, else the member list's, else 'UNKNOWN'
--   programme_code       JKK, JKM, JHT, JP
--   n_claims             claims paid
--   claims_rp            Rupiah paid
with
claims_typed as (
    select c.paid_month as month, c.regency_code,
           coalesce(c.segment_code, m.segment_code, 'UNKNOWN') as segment_code,
           c.programme_code, c.amount_rp
    from stg_claims c
    left join stg_members m using (member_key)
)
select month, regency_code, segment_code, programme_code,
       count(*) as n_claims, sum(amount_rp)::bigint as claims_rp
from claims_typed
group by all
