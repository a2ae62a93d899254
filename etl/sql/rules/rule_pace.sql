-- Pace and time to a goal, defined once (the overview, the regency page and the tier page
-- read them through mart_pace and mart_tier_progress):
--   horizon_months(): beyond this many months a goal counts as not reached at this pace.
--   pace_per_month(now, before, months): average net change per month over the window.
--   months_to_reach(gap, pace): months until the gap is closed at that pace, rounded up;
--   0 when there is no gap; NULL when the pace never closes it within the horizon.
--   months_between(a, b): whole months from month a to month b.
--   needed_per_month(gap, from, to): net change per month that closes the gap by month
--   `to`, counting the months after `from`; NULL when no month is left.
create or replace macro horizon_months() as 600;

create or replace macro pace_per_month(n_now, n_before, months) as
    (n_now - n_before) / months::double;

create or replace macro months_to_reach(gap, pace) as (
    case when gap <= 0 then 0
         when pace > 0 and ceil(gap / pace) <= horizon_months() then ceil(gap / pace)::bigint end
);

create or replace macro months_between(a, b) as
    ((year(b) - year(a)) * 12 + month(b) - month(a))::bigint;

create or replace macro needed_per_month(gap, from_month, to_month) as (
    case when gap <= 0 then 0.0
         when months_between(from_month, to_month) > 0 then gap / months_between(from_month, to_month)::double
    end
);
