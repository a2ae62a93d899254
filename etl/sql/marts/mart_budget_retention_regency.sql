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
with
cells as (
    select r.* exclude (payer_code, budget_year, regency_code), r.payer_code, p.name_id, p.name_en,
           r.budget_year, r.regency_code, g.name as regency_name, h.is_hidden as is_suppressed
    from int_budget_retention r
    join ref_payer p using (payer_code)
    left join ref_regency g on g.kemendagri_code = r.regency_code
    join int_disclosure h on h.family = 'retention:' || r.payer_code || ':' || r.budget_year
                         and h.cell_id = r.regency_code
)
select columns(lambda c: not c like 'n_%'), case when not is_suppressed then columns(lambda c: c like 'n_%') end
from cells
order by budget_year, payer_code, regency_code
