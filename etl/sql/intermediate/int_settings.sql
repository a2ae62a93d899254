-- Settings the models read, as macros stored in the warehouse (no table), so the
-- marts, the data tests and the read-only dashboard read them one way.
--   suppress_threshold(): counts below this are hidden below regency level
--   (setting suppress_below, recorded in cfg_settings; 5 when unset or unreadable).
create or replace macro suppress_threshold() as (
    select coalesce(max(try_cast(value as integer)), 5) from cfg_settings where key = 'suppress_below'
);
