-- mart_projection: the lines drawn after today on the trend charts, for the province and each
-- regency: the target path (a straight line from today's active count to the target at the
-- deadline) and the projection at the last 6 months' pace (mart_pace), up to the month the
-- target is reached or the deadline, whichever comes first, never below 0.
-- grain: one row per area x month from the as-of month to the deadline
-- key: level, area_code, month
-- columns:
--   level                'province' or 'regency'
--   area_code            '53' or the regency's Kemendagri code
--   month                first day of the month
--   target_path          members on the straight path to the target at the deadline
--   projected            members at the 6-month pace (NULL after the target or the deadline,
--                        and without a pace)
with
p as (select * from mart_pace where window_months = 6),
steps as (
    select p.*, unnest(range(0, greatest(months_between(as_of_month, deadline_month), 0) + 1)) as i,
           greatest(months_between(as_of_month, deadline_month), 0) as n_months
    from p
)
select level, area_code, (as_of_month + to_months(i::integer))::date as month,
       case when n_months = 0 then target::double
            else n_active + (target - n_active) * i / n_months::double end as target_path,
       case when pace_per_month is not null and (months_to_target is null or i <= months_to_target)
            then greatest(n_active + pace_per_month * i, 0) end as projected
from steps
