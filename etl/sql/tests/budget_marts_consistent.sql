-- budget-paid marts: the Rupiah loaded for budget payers are all attributed to a budget year;
-- retention counts nest (paying <= observable <= cohort)
select 'year' as what, (select coalesce(sum(c.amount_rp), 0) from stg_contributions c
                        join ref_payer p using (payer_code) where p.is_budget_paid) as expected,
       coalesce(sum(contrib_rp - contrib_est_rp), 0) as got
from mart_budget_year
having coalesce(sum(contrib_rp - contrib_est_rp), 0)
       <> (select coalesce(sum(c.amount_rp), 0) from stg_contributions c join ref_payer p using (payer_code)
           where p.is_budget_paid)
union all
select 'retention', n_cohort, n_paying_3 from mart_budget_retention
where not (n_paying_3 <= n_observable_3 and n_observable_3 <= n_cohort
       and n_paying_6 <= n_observable_6 and n_observable_6 <= n_cohort
       and n_paying_12 <= n_observable_12 and n_observable_12 <= n_cohort
       and n_observable_12 <= n_observable_6 and n_observable_6 <= n_observable_3);
