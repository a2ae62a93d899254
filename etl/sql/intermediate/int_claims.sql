-- int_claims: every claim with the rules that classify it applied once: its segment, its
-- programme group and the month it was incurred (rules/rule_claims.sql). The claims marts
-- read claims from here.
-- grain: one row per claim
-- key: claim_id
-- columns:
--   claim_id             the claim's number
--   member_key           pseudonym of the NIK
--   regency_code         the claims file's regency
--   segment_code         the claims file's segment, else the member list's, else 'UNKNOWN'
--   programme_code       JKK, JKM, JHT, JP
--   programme_group      'JKK_JKM' or 'JHT_JP' (rule programme_group)
--   amount_rp            Rupiah paid
--   paid_month           month of payment
--   incurred_month       month of the accident or death, else of filing, else of payment
--                        (rule incurred_date)
--   incurred_basis       'incident', 'filed' or 'paid' (rule incurred_basis)
select c.claim_id, c.member_key, c.regency_code,
       coalesce(c.segment_code, m.segment_code, 'UNKNOWN') as segment_code,
       c.programme_code, programme_group(c.programme_code) as programme_group, c.amount_rp, c.paid_month,
       date_trunc('month', incurred_date(c.incident_date, c.filed_date, c.paid_date))::date as incurred_month,
       incurred_basis(c.incident_date, c.filed_date, c.paid_date) as incurred_basis
from stg_claims c
left join stg_members m using (member_key)
