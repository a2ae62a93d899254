-- mart_claims_anomaly: unusual months of claims paid, per programme and segment, for each
-- regency and the province, on the number of claims and on their Rupiah separately, against
-- a baseline that follows the series' own trend and the programme's season.
-- Baseline of a month m (rules/rule_anomaly.sql), from the months before m only:
--   trend: the twelve-month totals y1, y2, y3 of the 36 months before m give a robust
--   growth per year g (Theil-Sen slope of the three yearly points; with 24-35 months of
--   history, the last two); the level at m is y3 / 12 carried forward 6.5 months at g.
--   Counts and Rupiah each have their own trend.
--   season: the programme's month-of-year factor from the province's claims of all segments
--   (more claims than any one series): the median, over the same month 1, 2 and 3 years
--   back, of claims / the trend there, shrunk toward 1 with the weight E / (E + 30), E the
--   trend's claims in those three months; 1 with less than 36 months of history.
--   expected = level x season (claims and Rupiah).
-- Score: z_n = (n - E_n) / sqrt(E_n + (0.15 E_n)^2): chance (Poisson) plus 15% month-to-month
-- variation; z_rp = (rp - E_rp) / sqrt(E_n m2 + (0.15 E_rp)^2), m2 the mean squared claim of
-- the 36 months before (one large claim is not a trend). A month is scored when it has 24
-- months of history and at least 5 expected claims (few claims say nothing); it is unusual
-- when |z| > 3.5, on counts (is_anomaly_n) or Rupiah (is_anomaly_rp).
-- grain: one row per area (the province '53' and each regency with claims) x segment x
-- programme with claims x month, from the first month with a paid claim to the as-of month
-- key: level, area_code, segment_code, programme_code, month
-- columns:
--   level                'province' or 'regency'
--   area_code            '53' or the regency's Kemendagri code
--   segment_code         as in int_claims
--   programme_code       JKK, JKM, JHT, JP
--   month                first day of the month paid
--   n_claims             claims paid
--   claims_rp            Rupiah paid
--   n_history            months of history before the month (at most 36)
--   growth_pct_year      trend growth of the claim count, % a year
--   season_factor        month-of-year factor applied (1 = none)
--   expected_n           claims expected
--   expected_rp          Rupiah expected
--   z_n                  score of the count (NULL: not scored)
--   z_rp                 score of the Rupiah (NULL: not scored)
--   is_anomaly_n         the count is unusual
--   is_anomaly_rp        the Rupiah are unusual
--   is_anomaly           either
-- not null: n_claims, claims_rp, n_history, is_anomaly_n, is_anomaly_rp, is_anomaly
with
params as (select 24 as min_history, 5.0 as min_expected, 3.5 as threshold, 0.15 as extra_cv,
                  30.0 as season_prior),
bounds as (
    select min(paid_month) as first_month, (select as_of_month from int_as_of) as last_month from int_claims
),
months as (
    select unnest(generate_series(first_month, greatest(first_month, coalesce(last_month, first_month)),
                                  interval 1 month))::date as month
    from bounds where first_month is not null
),
paid as (       -- the regencies, the province by segment, and the province of all segments (season)
    select 'regency' as level, regency_code as area_code, segment_code, programme_code, paid_month as month,
           amount_rp
    from int_claims
    union all
    select 'province', '53', segment_code, programme_code, paid_month, amount_rp from int_claims
    union all
    select 'season', '53', 'ALL', programme_code, paid_month, amount_rp from int_claims
),
counted as (
    select level, area_code, segment_code, programme_code, month, count(*) as n, sum(amount_rp) as rp,
           sum(amount_rp::double * amount_rp) as sq
    from paid group by all
),
grid as (
    select s.*, m.month
    from (select distinct level, area_code, segment_code, programme_code from counted) s cross join months m
),
monthly as (
    select g.*, coalesce(c.n, 0) as n, coalesce(c.rp, 0) as rp, coalesce(c.sq, 0) as sq
    from grid g left join counted c using (level, area_code, segment_code, programme_code, month)
),
history as (    -- the months before each month (the grid has no gaps: rows are months)
    select *,
           count(*) over w36 as n_history,
           sum(n) over w12 as y3_n, sum(n) over w24 as y2_n, sum(n) over w36b as y1_n,
           sum(rp) over w12 as y3_rp, sum(rp) over w24 as y2_rp, sum(rp) over w36b as y1_rp,
           sum(n) over w36 as n_36, sum(sq) over w36 as sq_36,
           lag(n, 12) over w as n_12, lag(n, 24) over w as n_24, lag(n, 36) over w as n_36_back
    from monthly
    window w as (partition by level, area_code, segment_code, programme_code order by month),
           w12 as (w rows between 12 preceding and 1 preceding),
           w24 as (w rows between 24 preceding and 13 preceding),
           w36b as (w rows between 36 preceding and 25 preceding),
           w36 as (w rows between 36 preceding and 1 preceding)
),
trended as (
    select *,
           yearly_log_growth(case when n_history >= 36 then y1_n end, case when n_history >= 24 then y2_n end,
                             y3_n) as g_n,
           yearly_log_growth(case when n_history >= 36 then y1_rp end, case when n_history >= 24 then y2_rp end,
                             y3_rp) as g_rp
    from history
),
season as (     -- the programme's month-of-year factor, from the province's claims of all segments
    select programme_code, month,
           case when n_history >= 36 and y3_n > 0 then
               1 + (median3(n_12 / trend_at(y3_n, g_n, 12), n_24 / trend_at(y3_n, g_n, 24),
                            n_36_back / trend_at(y3_n, g_n, 36)) - 1)
                 * (trend_at(y3_n, g_n, 12) + trend_at(y3_n, g_n, 24) + trend_at(y3_n, g_n, 36))
                 / (trend_at(y3_n, g_n, 12) + trend_at(y3_n, g_n, 24) + trend_at(y3_n, g_n, 36)
                    + (select season_prior from params))
           else 1.0 end as season_factor
    from trended where level = 'season'
),
expected as (
    select t.*, s.season_factor,
           trend_at(t.y3_n, t.g_n, 0) * s.season_factor as expected_n,
           trend_at(t.y3_rp, t.g_rp, 0) * s.season_factor as expected_rp,
           case when t.n_36 > 0 then t.sq_36 / t.n_36 end as m2
    from trended t join season s using (programme_code, month)
    where t.level <> 'season'
),
scored as (
    select *, n_history >= p.min_history and expected_n >= p.min_expected as is_scored,
           p.threshold, p.extra_cv
    from expected cross join params p
),
final as (
    select level, area_code, segment_code, programme_code, month, n::bigint as n_claims, rp::bigint as claims_rp,
           n_history::bigint as n_history,
           case when n_history >= 24 then 100 * (exp(g_n) - 1) end as growth_pct_year,
           season_factor,
           case when n_history >= 24 then expected_n end as expected_n,
           case when n_history >= 24 then expected_rp end as expected_rp,
           case when is_scored then (n - expected_n) / sqrt(expected_n + (extra_cv * expected_n) ^ 2) end as z_n,
           case when is_scored then (rp - expected_rp)
                                    / sqrt(expected_n * m2 + (extra_cv * expected_rp) ^ 2) end as z_rp,
           threshold
    from scored
)
select * exclude (threshold),
       coalesce(abs(z_n) > threshold, false) as is_anomaly_n,
       coalesce(abs(z_rp) > threshold, false) as is_anomaly_rp,
       coalesce(abs(z_n) > threshold or abs(z_rp) > threshold, false) as is_anomaly
from final
