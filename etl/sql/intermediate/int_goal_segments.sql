-- grain: one row per segment that counts toward the goal (setting goal_segments,
-- recorded in cfg_settings at each load). Every mart that counts "toward the goal"
-- reads this table.
create or replace table int_goal_segments as
with final as (
    select distinct unnest(string_split(upper(replace(value, ' ', '')), ',')) as segment_code
    from cfg_settings where key = 'goal_segments'
)
select * from final where segment_code <> '';
