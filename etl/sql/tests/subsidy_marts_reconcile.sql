-- subsidy marts add up to the subsidies table; reached never exceeds eligible
select 'tranche' as what, (select coalesce(sum(amount_rp), 0) from stg_subsidies) as expected,
       coalesce(sum(subsidy_rp), 0) as got
from mart_subsidy_tranche
having coalesce(sum(subsidy_rp), 0) <> (select coalesce(sum(amount_rp), 0) from stg_subsidies)
union all
select 'reach', n_eligible, n_reached from mart_subsidy_reach where n_reached > n_eligible;
