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
pieces as (     -- spells count the workers and their months; runs carry the Rupiah of those months
    select member_key, regency_code, payer_code, start_month, end_month, is_estimate, null::bigint as rp_per_month
    from int_contrib_spells
    union all
    select member_key, regency_code, payer_code, start_month, end_month, is_estimate, rp_per_month
    from int_contrib_segments
),
by_year as (
    select x.*, unnest(range(year(x.start_month), year(x.end_month) + 1)) as budget_year
    from pieces x join ref_payer p on p.payer_code = x.payer_code and p.is_budget_paid
),
counted as (
    select *, months_in_year(start_month, end_month, budget_year) as months from by_year
)
select payer_code, regency_code, budget_year::integer as budget_year,
       count(distinct member_key) filter (where rp_per_month is null)::bigint as n_workers,
       coalesce(sum(months) filter (where rp_per_month is null), 0)::bigint as worker_months,
       coalesce(sum(rp_per_month * months), 0)::bigint as contrib_rp,
       coalesce(sum(rp_per_month * months) filter (where is_estimate), 0)::bigint as contrib_est_rp
from counted
group by all
having count(*) filter (where rp_per_month is null) > 0
