-- int_budget_year: contributions paid by budgets and donors (ref_payer.is_budget_paid: APBD
-- Provinsi, APBD Kab/Kota, APBDes/Dana Desa, CSR) per regency and budget year (the calendar
-- year of the months paid for), before suppression. A spell crossing a new year counts in
-- both; its Rupiah follow the months exactly as in mart_contrib_monthly (int_contrib_segments).
-- grain: one row per budget payer x regency x budget year with a month paid
-- key: payer_code, regency_code, budget_year
-- columns:
--   payer_code           the budget or donor
--   regency_code         the member list's regency
--   budget_year          calendar year of the months paid for
--   n_workers            distinct members with a month paid by this payer in the year
--   worker_months        months paid (a month paid twice counts twice)
--   contrib_rp           Rupiah of those months, loaded and estimated
--   contrib_est_rp       the part estimated from member lists
with
budget_spells as (
    select s.* from int_contrib_spells s
    join ref_payer p on p.payer_code = s.payer_code and p.is_budget_paid
),
spell_years as (
    select *, unnest(range(year(start_month), year(end_month) + 1)) as budget_year from budget_spells
),
workers as (
    select payer_code, regency_code, budget_year,
           count(distinct member_key) as n_workers,
           sum(months_between(greatest(start_month, make_date(budget_year::integer, 1, 1)),
                              least(end_month, make_date(budget_year::integer, 12, 1))) + 1) as worker_months
    from spell_years group by all
),
runs as (
    select g.* from int_contrib_segments g
    join ref_payer p on p.payer_code = g.payer_code and p.is_budget_paid
),
run_years as (
    select *, unnest(range(year(start_month), year(end_month) + 1)) as budget_year from runs
),
money as (
    select payer_code, regency_code, budget_year,
           sum(rp_per_month * (months_between(greatest(start_month, make_date(budget_year::integer, 1, 1)),
                                              least(end_month, make_date(budget_year::integer, 12, 1))) + 1)) as rp,
           sum(rp_per_month * (months_between(greatest(start_month, make_date(budget_year::integer, 1, 1)),
                                              least(end_month, make_date(budget_year::integer, 12, 1))) + 1))
               filter (where is_estimate) as est_rp
    from run_years group by all
)
select w.payer_code, w.regency_code, w.budget_year::integer as budget_year,
       w.n_workers::bigint as n_workers, w.worker_months::bigint as worker_months,
       coalesce(m.rp, 0)::bigint as contrib_rp, coalesce(m.est_rp, 0)::bigint as contrib_est_rp
from workers w
left join money m using (payer_code, regency_code, budget_year)
