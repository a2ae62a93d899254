-- mart_claims_anomaly: flags regency-months whose claims (Rupiah)
-- are far outside the regency's own recent history, robustly:
--   history = the regency's previous 24 months (not the month itself), at least 12 of them;
--   robust_z = (claims_rp - median) / (1.4826 * MAD), MAD = median |x - median| over the history;
--   when MAD = 0 the scale is 1.2533 * mean |x - median| (the usual fallback); when that is
--   0 too the month is not scored (robust_z null);
--   is_anomaly = |robust_z| > 3.5.
-- grain: one row per regency x month, every month from the first month with a paid claim to
-- the as-of month (months without claims are 0)
-- key: regency_code, month
-- columns:
--   regency_code         Kemendagri code
--   month                first day of the month
--   n_claims             claims paid
--   claims_rp            Rupiah paid
--   n_history            months of history scored against
--   history_median_rp    their median
--   history_mad_rp       their median absolute deviation
--   robust_z             (claims_rp - median) / scale (NULL: not scored)
--   is_anomaly           |robust_z| > 3.5
with
params as (select 24 as window_months, 12 as min_history, 3.5 as threshold),
bounds as (
    select min(paid_month) as first_month, (select as_of_month from int_as_of) as last_month
    from stg_claims
),
months as (
    select unnest(generate_series(first_month, greatest(first_month, last_month), interval 1 month))::date as month
    from bounds where first_month is not null
),
grid as (
    select r.kemendagri_code as regency_code, m.month
    from ref_regency r cross join months m
),
paid as (
    select regency_code, paid_month as month, count(*) as n_claims, sum(amount_rp) as claims_rp
    from stg_claims group by all
),
monthly as (
    select g.regency_code, g.month,
           coalesce(p.n_claims, 0)::bigint as n_claims, coalesce(p.claims_rp, 0)::bigint as claims_rp
    from grid g
    left join paid p using (regency_code, month)
),
history as (    -- each month paired with its regency's preceding months in the window
    select x.regency_code, x.month, h.claims_rp as past_rp
    from monthly x
    join monthly h on h.regency_code = x.regency_code
                  and h.month < x.month
                  and h.month >= x.month - to_months((select window_months from params))
),
centre as (
    select regency_code, month, count(*) as n_history, median(past_rp) as history_median_rp
    from history group by all
),
spread as (
    select h.regency_code, h.month,
           median(abs(h.past_rp - c.history_median_rp)) as mad,
           avg(abs(h.past_rp - c.history_median_rp)) as mean_ad
    from history h join centre c using (regency_code, month)
    group by all
),
scored as (
    select m.*, c.n_history, c.history_median_rp, s.mad as history_mad_rp,
           case when coalesce(c.n_history, 0) < (select min_history from params) then null
                when s.mad > 0 then (m.claims_rp - c.history_median_rp) / (1.4826 * s.mad)
                when s.mean_ad > 0 then (m.claims_rp - c.history_median_rp) / (1.2533 * s.mean_ad)
           end as robust_z
    from monthly m
    left join centre c using (regency_code, month)
    left join spread s using (regency_code, month)
),
final as (
    select regency_code, month, n_claims, claims_rp, coalesce(n_history, 0)::bigint as n_history,
           history_median_rp, history_mad_rp, robust_z,
           coalesce(abs(robust_z) > (select threshold from params), false) as is_anomaly
    from scored
)
select * from final
