-- stg_load_issue: loaded rows with a recorded fallback, flag or conflict.
-- materialized: view
-- grain: one row per loaded row and issue
select * from load_issue
