-- grain: one row. The month the data speaks for: the newest member list's
-- as-of month (its latest registration month unless given with --as-of).
create or replace table int_as_of as
with final as (
    select coalesce(max(as_of_month), max(date_trunc('month', registered_date)))::date as as_of_month
    from members
)
select * from final;
