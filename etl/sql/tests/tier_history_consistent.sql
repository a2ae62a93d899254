-- one row per month x regency; every transition is a real change; first-reached months
-- are in the history and a held tier was reached
select 'monthly' as what, regency_code, month from mart_tier_monthly
group by regency_code, month having count(*) > 1
union all
select 'monthly_grid', null, null
having (select count(*) from mart_tier_monthly)
       <> 22 * (select count(*) from int_calendar)
union all
select 'transition', regency_code, month from mart_tier_transitions
where tier_from = tier_to or is_drop <> (tier_to < tier_from)
union all
select 'reached', regency_code, first_reached_month from mart_tier_reached
where (is_held_now and first_reached_month is null)
   or first_reached_month not in (select month from int_calendar);
