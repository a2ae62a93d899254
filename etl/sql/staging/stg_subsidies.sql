-- stg_subsidies: wage-subsidy (BSU) payments, one row per member x scheme x tranche.
-- materialized: view
-- grain: one row per member, scheme and tranche
-- key: member_key, scheme, tranche
-- columns:
--   member_key           pseudonym of the NIK
--   scheme               the scheme as written ('BSU' when the file names none)
--   tranche              tranche number (1, 2, ...)
--   paid_date            date paid
--   paid_month           its month
--   amount_rp            Rupiah paid
--   regency_code         the file's regency
--   load_id              the load that brought the row
select member_key, scheme, tranche, paid_date, date_trunc('month', paid_date)::date as paid_month,
       amount_rp, regency_code, load_id
from subsidies
