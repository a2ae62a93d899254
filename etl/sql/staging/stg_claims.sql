-- stg_claims: claims paid, one row per claim number.
-- materialized: view
-- grain: one row per claim
-- key: claim_id
-- columns:
--   claim_id             the claim's number
--   member_key           pseudonym of the NIK
--   programme_code       JKK, JKM, JHT or JP
--   filed_date           date the claim was filed, when given
--   incident_date        date of the accident (JKK) or death (JKM), when given
--   paid_date            date it was paid
--   paid_month           its month
--   amount_rp            Rupiah paid
--   regency_code         the claims file's regency
--   segment_code         the claims file's segment, when given
--   cause                cause as written, trimmed ('' when none)
--   load_id              the load that brought the row
select claim_id, member_key, programme_code, filed_date, incident_date, paid_date,
       date_trunc('month', paid_date)::date as paid_month, amount_rp, regency_code, segment_code,
       coalesce(trim(cause), '') as cause, load_id
from claims
