-- mart_dq_quarantine: rows refused, per load and reason.
-- grain: one row per load x reason code
-- key: load_id, reason_code
-- columns:
--   load_id              the load
--   reason_code          why the rows were refused (docs/contracts.md)
--   n_rows               rows refused for it
select load_id, reason_code, count(*)::bigint as n_rows
from stg_quarantine group by all
