-- mart_claims_monthly: claims paid by month, regency, segment and programme. The loader
-- keeps one row per claim number (a repeated number is quarantined), so each claim counts once.
-- grain: one row per month (of paid_date) x regency x segment x programme with claims paid
-- key: month, regency_code, segment_code, programme_code
-- columns:
--   month                first day of the month of payment
--   regency_code         the claims file's regency
--   segment_code         as in int_claims (the file's, else the member list's, else 'UNKNOWN')
--   programme_code       JKK, JKM, JHT, JP
--   n_claims             claims paid
--   claims_rp            Rupiah paid
select paid_month as month, regency_code, segment_code, programme_code,
       count(*) as n_claims, sum(amount_rp)::bigint as claims_rp
from int_claims
group by all
