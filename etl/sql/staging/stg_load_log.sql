-- stg_load_log: one row per file loaded (the loader's load_log).
-- materialized: view
-- grain: one row per load
-- key: load_id
select * from load_log
