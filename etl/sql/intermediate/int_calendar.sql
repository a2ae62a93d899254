-- int_calendar: every month from the first registration to the as-of month.
-- grain: one row per month
-- key: month
-- columns:
--   month                first day of the month
with
bounds as (
    select min(registered_month) as first_month, (select as_of_month from int_as_of) as last_month
    from stg_members
)
select unnest(generate_series(first_month, last_month, interval 1 month))::date as month
from bounds where first_month is not null
