-- int_as_of: the month the data speaks for, decided here once: the newest member list's
-- as-of month (the loader decides each list's month: --as-of, its title, its file name,
-- its newest paid month, its newest registration), else the newest registration month.
-- Every model and page that needs "today" reads it from here (mart_status for pages).
-- grain: one row
-- columns:
--   as_of_month          first day of the month the data speaks for (NULL without members)
select coalesce(max(as_of_month), max(registered_month))::date as as_of_month
from stg_members
