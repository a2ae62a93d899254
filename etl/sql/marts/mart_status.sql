-- mart_status: what the dashboard says about its data and the configuration in force.
-- grain: one row
-- columns:
--   as_of_month          the month the data speaks for (int_as_of)
--   loaded_at            when the last file was loaded
--   built_at             when the models were last built
--   n_loads              files loaded
--   target               the province goal
--   deadline_month       the month the goal is to be reached by
--   goal_segments        the segments that count toward the goal
--   suppress_below       counts below this are hidden below regency level
select (select as_of_month from int_as_of) as as_of_month,
       (select max(finished_at) from stg_load_log where status = 'loaded') as loaded_at,
       strftime(now(), '%Y-%m-%d %H:%M:%S')::timestamp as built_at,
       (select count(*) from stg_load_log where status = 'loaded') as n_loads,
       goal_target() as target, deadline_month() as deadline_month,
       (select goal_segments from cfg_settings) as goal_segments, suppress_threshold() as suppress_below
