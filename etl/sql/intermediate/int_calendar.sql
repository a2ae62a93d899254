-- grain: one row per month, from the first registration to the as-of month.
create or replace table int_calendar as
with bounds as (
    select min(date_trunc('month', registered_date))::date as first_month,
           (select as_of_month from int_as_of) as last_month
    from members
),
final as (
    select unnest(generate_series(first_month, last_month, interval 1 month))::date as month
    from bounds where first_month is not null
)
select * from final;
