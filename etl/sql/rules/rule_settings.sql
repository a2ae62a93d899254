-- The settings in force, read one way by the models, the data tests and the read-only
-- dashboard. cfg_settings is one typed row, written by the loader from etl/settings.py
-- (Config: the only parse of the settings).
--   suppress_threshold(): counts below this are hidden below regency level
--   goal_target(): the province goal (active members of the goal segments)
--   deadline_month(): the month by which the goal is to be reached
--   is_goal_segment(seg): whether a segment counts toward the goal
--   alert_setting(name): the thresholds of the alerts after a load ('move_pct', 'stale_days',
--   'quarantine_pct')
create or replace macro suppress_threshold() as (select suppress_below from cfg_settings);

create or replace macro goal_target() as (select target from cfg_settings);

create or replace macro deadline_month() as (select deadline from cfg_settings);

create or replace macro is_goal_segment(seg) as
    coalesce(list_contains((select goal_segments from cfg_settings), seg), false);

create or replace macro alert_setting(name) as (
    select case name when 'move_pct' then alert_move_pct when 'stale_days' then alert_stale_days
                     when 'quarantine_pct' then alert_quarantine_pct end
    from cfg_settings
);
