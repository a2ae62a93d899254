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
select b.payer_code, p.name_id, p.name_en, b.budget_year, b.regency_code, r.name as regency_name,
       case when not h.is_hidden then b.n_workers end as n_workers,
       case when not h.is_hidden then b.worker_months end as worker_months,
       case when not h.is_hidden then b.contrib_rp end as contrib_rp,
       case when not h.is_hidden then b.contrib_rp / nullif(b.worker_months, 0) end as rp_per_worker_month,
       h.is_hidden as is_suppressed
from int_budget_year b
join ref_payer p using (payer_code)
left join ref_regency r on r.kemendagri_code = b.regency_code
join int_disclosure h on h.family = 'budget:' || b.payer_code || ':' || b.budget_year
                     and h.cell_id = b.regency_code
order by b.payer_code, b.regency_code
