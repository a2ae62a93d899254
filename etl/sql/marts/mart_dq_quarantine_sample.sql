-- mart_dq_quarantine_sample: the first refused rows of each load and reason, as the
-- quarantine keeps them (the NIK masked, names never kept), for a data officer to fix at
-- the source. At most 50 rows per load and reason.
-- grain: one row per refused row shown
-- key: load_id, sheet, row_number
-- nullable: sheet
-- columns:
--   load_id              the load
--   file_name            the file
--   sheet                worksheet, for Excel files
--   row_number           line or spreadsheet row in the file
--   reason_code          why the row was refused
--   params               the reason's parameters (JSON, values masked): etl/reasons.py renders them
--   content              the row's fields (NIK masked, no names)
select load_id, file_name, sheet, row_number, reason_code, params::varchar as params, content
from stg_quarantine
qualify row_number() over (partition by load_id, reason_code order by sheet, row_number) <= 50
