-- mart_dq_issues: loaded rows that carry a recorded fallback, flag or conflict, per load and code.
-- grain: one row per load x issue code
-- key: load_id, issue_code
-- columns:
--   load_id              the load
--   issue_code           the issue (docs/contracts.md)
--   n_rows               loaded rows with it
select load_id, issue_code, count(*)::bigint as n_rows
from stg_load_issue group by all
