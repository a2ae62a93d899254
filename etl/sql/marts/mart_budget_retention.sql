-- mart_budget_retention: does a worker stay once a budget stops paying? Province-wide, per
-- payer and year (the sum over regencies of int_budget_retention, which states the rule).
-- grain: one row per budget payer x budget year with an ended cohort
-- key: payer_code, budget_year
-- columns:
--   payer_code           the budget or donor
--   name_id              its name in Indonesian
--   name_en              its name in English
--   budget_year          year the cover ended
--   n_cohort             members whose budget-paid cover ended
--   n_observable_3       of them, members observable 3 months after the end
--   n_paying_3           of those, members paying then
--   n_observable_6       the same for 6 months
--   n_paying_6
--   n_observable_12      the same for 12 months
--   n_paying_12
select r.payer_code, p.name_id, p.name_en, r.budget_year,
       sum(n_cohort)::bigint as n_cohort,
       sum(n_observable_3)::bigint as n_observable_3, sum(n_paying_3)::bigint as n_paying_3,
       sum(n_observable_6)::bigint as n_observable_6, sum(n_paying_6)::bigint as n_paying_6,
       sum(n_observable_12)::bigint as n_observable_12, sum(n_paying_12)::bigint as n_paying_12
from int_budget_retention r join ref_payer p using (payer_code)
group by all
order by r.budget_year, r.payer_code
