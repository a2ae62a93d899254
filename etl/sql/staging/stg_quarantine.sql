-- stg_quarantine: rows refused by a load, with their reason (NIK masked, no names).
-- materialized: view
-- grain: one row per refused row
select * from quarantine
