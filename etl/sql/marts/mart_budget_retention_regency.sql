-- mart_budget_retention_regency: the same by regency, each cohort through the one suppression
-- stage (int_disclosure, families retention:<payer>:<year>); a hidden cohort shows no figure.
-- grain: one row per budget payer x budget year x regency with an ended cohort
-- key: payer_code, budget_year, regency_code
-- columns:
--   payer_code           the budget or donor
--   name_id              its name in Indonesian
--   name_en              its name in English
--   budget_year          year the cover ended
--   regency_code         the member list's regency at the end
--   regency_name         its name
--   n_cohort             members whose cover ended (NULL when hidden)
--   n_observable_3       observable 3 months after (NULL when hidden)
--   n_paying_3           paying then (NULL when hidden)
--   n_observable_6       the same for 6 months
--   n_paying_6
--   n_observable_12      the same for 12 months
--   n_paying_12
--   is_suppressed        the cohort's figures are hidden (small counts)
select r.payer_code, p.name_id, p.name_en, r.budget_year, r.regency_code, g.name as regency_name,
       case when not h.is_hidden then r.n_cohort end as n_cohort,
       case when not h.is_hidden then r.n_observable_3 end as n_observable_3,
       case when not h.is_hidden then r.n_paying_3 end as n_paying_3,
       case when not h.is_hidden then r.n_observable_6 end as n_observable_6,
       case when not h.is_hidden then r.n_paying_6 end as n_paying_6,
       case when not h.is_hidden then r.n_observable_12 end as n_observable_12,
       case when not h.is_hidden then r.n_paying_12 end as n_paying_12,
       h.is_hidden as is_suppressed
from int_budget_retention r
join ref_payer p using (payer_code)
left join ref_regency g on g.kemendagri_code = r.regency_code
join int_disclosure h on h.family = 'retention:' || r.payer_code || ':' || r.budget_year
                     and h.cell_id = r.regency_code
order by r.budget_year, r.payer_code, r.regency_code
