-- stg_contributions: contributions paid, one row per paid spell of months as loaded (a run of
-- one-month rows of a file is one row: etl/targets.py runs_sql).
-- materialized: view
-- grain: one row per loaded contribution row, or run of one-month rows
-- key: load_id, row_number
-- columns:
--   member_key           pseudonym of the NIK
--   start_month          first month paid for
--   end_month            last month paid for (the start month when the file gave one month)
--   n_months             months paid for
--   amount_rp            Rupiah paid for the spell
--   payer_code           who paid (mandiri, employer, APBD, APBDes, CSR)
--   regency_code         the file's regency, when given
--   programmes           programmes paid for, as written
--   load_id              the load that brought the row
--   row_number           its row in the file (a run: its first row)
--   n_rows               rows of the file it holds (a run: its months, each paid amount_rp / n_rows)
select member_key, period_start_month as start_month, period_end_month as end_month,
       (date_diff('month', period_start_month, period_end_month) + 1)::bigint as n_months,
       amount_rp, payer_code, regency_code, programmes, load_id, row_number,
       coalesce(n_rows, 1) as n_rows
from contributions
