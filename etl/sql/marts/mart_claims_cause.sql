-- mart_claims_cause: the province's claims by cause, month by month (province-wide counts are
-- public; a regency's causes are in mart_claims_cause_regency, suppressed, by year).
-- grain: one row per month (of paid_date) x programme x cause with claims paid
-- key: month, programme_code, cause
-- columns:
--   month                first day of the month of payment
--   programme_code       JKK, JKM, JHT, JP
--   cause                cause as written, trimmed ('' when none; for JKK the accident type)
--   n_claims             claims paid
--   claims_rp            Rupiah paid
select paid_month as month, programme_code, cause, count(*) as n_claims, sum(amount_rp)::bigint as claims_rp
from stg_claims
group by all
