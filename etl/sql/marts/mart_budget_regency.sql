-- mart_budget_regency: a budget payer's workers and Rupiah of one year by regency, each cell
-- through the one suppression stage (int_disclosure, families budget:<payer>:<year>).
-- grain: one row per budget payer x budget year x regency with a month paid
-- key: payer_code, budget_year, regency_code
-- columns:
--   payer_code           the budget or donor
--   name_id              its name in Indonesian
--   name_en              its name in English
--   budget_year          calendar year of the months paid for
--   regency_code         the member list's regency
--   regency_name         its name
--   n_workers            workers covered (NULL when hidden)
--   worker_months        months paid (NULL when hidden)
--   contrib_rp           Rupiah (NULL when hidden)
--   rp_per_worker_month  contrib_rp / worker_months (NULL when hidden)
--   is_suppressed        the cell's figures are hidden (small counts)
with
cells as (
    select b.payer_code, p.name_id, p.name_en, b.budget_year, b.regency_code, r.name as regency_name,
           h.is_hidden as is_suppressed,
           b.n_workers, b.worker_months, b.contrib_rp, b.contrib_rp / nullif(b.worker_months, 0) as rp_per_worker_month
    from int_budget_year b
    join ref_payer p using (payer_code)
    left join ref_regency r on r.kemendagri_code = b.regency_code
    join int_disclosure h on h.family = 'budget:' || b.payer_code || ':' || b.budget_year
                         and h.cell_id = b.regency_code
)
select columns(lambda c: c not in ('n_workers', 'worker_months', 'contrib_rp', 'rp_per_worker_month')),
       case when not is_suppressed then columns(lambda c: c in ('n_workers', 'worker_months', 'contrib_rp',
                                                                'rp_per_worker_month')) end
from cells
order by payer_code, regency_code
