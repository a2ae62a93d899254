-- mart_budget_year: contributions paid by budgets and donors, province-wide, per payer and
-- budget year (the sum over regencies of int_budget_year). The minimum BPU package JKK + JKM
-- is Rp 16,800 a month: rp_per_worker_month shows how close a budget stays to it.
-- grain: one row per budget payer x budget year
-- key: payer_code, budget_year
-- columns:
--   payer_code           the budget or donor
--   name_id              its name in Indonesian
--   name_en              its name in English
--   budget_year          calendar year of the months paid for
--   n_workers            workers covered (distinct per regency, summed over regencies)
--   worker_months        months paid
--   contrib_rp           Rupiah, loaded and estimated
--   contrib_est_rp       the part estimated from member lists
--   rp_per_worker_month  contrib_rp / worker_months
select b.payer_code, p.name_id, p.name_en, b.budget_year,
       sum(b.n_workers)::bigint as n_workers, sum(b.worker_months)::bigint as worker_months,
       sum(b.contrib_rp)::bigint as contrib_rp, sum(b.contrib_est_rp)::bigint as contrib_est_rp,
       sum(b.contrib_rp) / nullif(sum(b.worker_months), 0) as rp_per_worker_month
from int_budget_year b join ref_payer p using (payer_code)
group by all
order by b.budget_year, b.payer_code
