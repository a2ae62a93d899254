-- grain: one row per budget-paid payer (ref_payer.is_budget_paid: APBD Provinsi, APBD Kab/Kota,
-- APBDes/Dana Desa, CSR) x regency x budget year (the calendar year of the months paid for).
-- From int_contrib_spells: a spell crossing a new year is cut at the year boundary, and its
-- Rupiah are attributed to months exactly as in mart_contrib_monthly (amount = q * n + r: the
-- first r months get q + 1). Cost per worker-month = contrib_rp / worker_months (the minimum
-- BPU package JKK + JKM is Rp 16,800).
-- Columns: payer_code, regency_code, budget_year, n_workers (distinct members with a month paid
-- by this payer in the year), worker_months (months paid; a month paid twice counts twice),
-- contrib_rp (loaded and estimated), contrib_est_rp (the part estimated from member lists).
create or replace table mart_budget_year as
with
budget_spells as (
    select s.*, year(start_month) * 12 + month(start_month) - 1 as start_i,
           year(end_month) * 12 + month(end_month) - 1 as end_i
    from int_contrib_spells s
    join ref_payer p on p.payer_code = s.payer_code and p.is_budget_paid
),
by_year as (
    select *, unnest(range(year(start_month), year(end_month) + 1)) as budget_year
    from budget_spells
),
clipped as (
    select *, greatest(start_i, budget_year * 12) as a_i, least(end_i, budget_year * 12 + 11) as b_i,
           coalesce(amount_rp, 0) // n_months as q, coalesce(amount_rp, 0) % n_months as r
    from by_year
),
attributed as (
    select payer_code, regency_code, budget_year, member_key, is_estimate,
           b_i - a_i + 1 as months,
           q * (b_i - a_i + 1) + greatest(0, least(b_i, start_i + r - 1) - a_i + 1) as rp
    from clipped
),
final as (
    select payer_code, regency_code, budget_year::integer as budget_year,
           count(distinct member_key) as n_workers, sum(months)::bigint as worker_months,
           sum(rp)::bigint as contrib_rp,
           coalesce(sum(rp) filter (where is_estimate), 0)::bigint as contrib_est_rp
    from attributed
    group by all
)
select * from final;
