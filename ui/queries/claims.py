"""The claims and subsidies page. Periods are month ranges [start, end] given as
'YYYY-MM-01'; regency / segment None = all. The comparison period is the same months one
year earlier. Counts below regency level come suppressed from the marts."""
from __future__ import annotations

import pandas as pd

from ui.queries.funnel import run

def claims_bounds() -> pd.DataFrame:
    """One row: first and last month with paid claims, and the as-of month."""
    return run("""select min(month) as first_month, max(month) as last_month,
                         (select as_of_month from mart_status) as as_of_month
                  from mart_claims_monthly""")


def programmes() -> pd.DataFrame:
    return run("select code as programme_code, name_id, name_en from mart_labels "
               "where dimension = 'programme' order by sort_order")


def claims_by_programme(start, end, regency=None, segment=None) -> pd.DataFrame:
    """Per programme (JKK, JKM, JHT, JP): cases and Rupiah paid in the period and in the same
    months a year earlier; prev_complete tells whether the earlier months are inside the data."""
    return run("""with f as (select * from mart_claims_monthly
                             where ($regency is null or regency_code = $regency)
                               and ($segment is null or segment_code = $segment)),
                  cur as (select programme_code, sum(n_claims) as n, sum(claims_rp) as rp from f
                          where month between $start::date and $end::date group by all),
                  prev as (select programme_code, sum(n_claims) as n, sum(claims_rp) as rp from f
                           where month between ($start::date - interval 12 month)::date
                                           and ($end::date - interval 12 month)::date group by all)
                  select p.code as programme_code, p.name_id, p.name_en,
                         coalesce(cur.n, 0)::bigint as n_claims, coalesce(cur.rp, 0)::bigint as claims_rp,
                         coalesce(prev.n, 0)::bigint as n_claims_prev, coalesce(prev.rp, 0)::bigint as claims_rp_prev,
                         ($start::date - interval 12 month)::date >= (select min(month) from mart_claims_monthly)
                             as prev_complete
                  from mart_labels p
                  left join cur on cur.programme_code = p.code left join prev on prev.programme_code = p.code
                  where p.dimension = 'programme'
                  order by p.sort_order""",
               start=str(start), end=str(end), regency=regency, segment=segment)


def claims_monthly(start, end, regency=None, segment=None) -> pd.DataFrame:
    """Month x programme: cases and Rupiah paid (months of paid_date)."""
    return run("""select month, programme_code, sum(n_claims)::bigint as n_claims,
                         sum(claims_rp)::bigint as claims_rp
                  from mart_claims_monthly
                  where month between $start::date and $end::date
                    and ($regency is null or regency_code = $regency)
                    and ($segment is null or segment_code = $segment)
                  group by all order by month, programme_code""",
               start=str(start), end=str(end), regency=regency, segment=segment)


def claims_by_regency(start, end, segment=None) -> pd.DataFrame:
    """All 22 regencies: cases and Rupiah per programme in the period, biggest first."""
    return run("""with c as (select * from mart_claims_monthly
                              where month between $start::date and $end::date
                                and ($segment is null or segment_code = $segment))
                   select r.regency_code, r.regency_name,
                          coalesce(sum(c.n_claims), 0)::bigint as n_claims,
                          coalesce(sum(c.claims_rp), 0)::bigint as claims_rp,
                          coalesce(sum(c.n_claims) filter (where c.programme_code = 'JKK'), 0)::bigint as n_jkk,
                          coalesce(sum(c.n_claims) filter (where c.programme_code = 'JKM'), 0)::bigint as n_jkm,
                          coalesce(sum(c.n_claims) filter (where c.programme_code = 'JHT'), 0)::bigint as n_jht,
                          coalesce(sum(c.n_claims) filter (where c.programme_code = 'JP'), 0)::bigint as n_jp
                   from mart_regency_progress r left join c using (regency_code)
                   group by all order by claims_rp desc, regency_code""",
               start=str(start), end=str(end), segment=segment)


def claims_ratio(start, end, segment: str = "BPU") -> pd.DataFrame:
    """Every regency (and 'UNKNOWN' for contributions of unknown members, without a name) for
    the months of the period, one segment (mart_claims_ratio): JKK + JKM claims incurred against
    JKK + JKM contributions earned, and JHT + JP withdrawals paid against JHT + JP contributions
    collected; how the claims incurred were dated; whether a PP 49/2020 relief month is inside.
    Contributions are NULL where the segment has no programme split."""
    return run("""with m as (select * from mart_claims_ratio
                             where month between $start::date and $end::date and segment_code = $segment),
                   a as (select regency_code,
                                sum(n_claims) filter (where programme_group = 'JKK_JKM') as n_risk,
                                sum(claims_rp) filter (where programme_group = 'JKK_JKM') as risk_claims_rp,
                                sum(contrib_rp) filter (where programme_group = 'JKK_JKM') as risk_contrib_rp,
                                sum(contrib_est_rp) filter (where programme_group = 'JKK_JKM') as risk_contrib_est_rp,
                                sum(n_by_incident) filter (where programme_group = 'JKK_JKM') as n_by_incident,
                                sum(n_by_filed) filter (where programme_group = 'JKK_JKM') as n_by_filed,
                                sum(n_by_paid) filter (where programme_group = 'JKK_JKM') as n_by_paid,
                                sum(n_claims) filter (where programme_group = 'JHT_JP') as n_savings,
                                sum(claims_rp) filter (where programme_group = 'JHT_JP') as savings_claims_rp,
                                sum(contrib_rp) filter (where programme_group = 'JHT_JP') as savings_contrib_rp
                         from m group by all)
                   select coalesce(r.regency_code, a.regency_code) as regency_code, r.regency_name,
                          coalesce(a.n_risk, 0)::bigint as n_risk, coalesce(a.risk_claims_rp, 0)::bigint as risk_claims_rp,
                          a.risk_contrib_rp::bigint as risk_contrib_rp, a.risk_contrib_est_rp::bigint as risk_contrib_est_rp,
                          case when a.risk_contrib_rp > 0 then 100.0 * coalesce(a.risk_claims_rp, 0) / a.risk_contrib_rp
                          end as loss_ratio_pct,
                          coalesce(a.n_by_incident, 0)::bigint as n_by_incident,
                          coalesce(a.n_by_filed, 0)::bigint as n_by_filed, coalesce(a.n_by_paid, 0)::bigint as n_by_paid,
                          coalesce(a.n_savings, 0)::bigint as n_savings,
                          coalesce(a.savings_claims_rp, 0)::bigint as savings_claims_rp,
                          a.savings_contrib_rp::bigint as savings_contrib_rp,
                          case when a.savings_contrib_rp > 0
                               then 100.0 * coalesce(a.savings_claims_rp, 0) / a.savings_contrib_rp end as withdrawal_pct,
                          (select coalesce(bool_or(is_relief_month), false) from mart_claims_ratio
                           where month between $start::date and $end::date) as has_relief_month
                   from mart_regency_progress r full join a using (regency_code)
                   order by loss_ratio_pct desc nulls last, regency_code""",
               start=str(start), end=str(end), segment=segment)


def claims_anomalies(start, end) -> pd.DataFrame:
    """Unusual months of the period (mart_claims_anomaly): province and regency series of one
    segment and programme whose count or Rupiah is far from its trend-and-season baseline,
    the furthest out first; regency_name NULL for the province."""
    return run("""select a.month, a.level, a.area_code, r.regency_name, a.segment_code, a.programme_code,
                          a.n_claims, a.expected_n, a.claims_rp, a.expected_rp, a.z_n, a.z_rp,
                          a.is_anomaly_n, a.is_anomaly_rp
                   from mart_claims_anomaly a left join mart_regency_progress r on r.regency_code = a.area_code
                   where a.month between $start::date and $end::date and a.is_anomaly
                   order by greatest(abs(coalesce(a.z_n, 0)), abs(coalesce(a.z_rp, 0))) desc, a.month,
                            a.level, a.area_code, a.segment_code, a.programme_code""",
               start=str(start), end=str(end))


def claims_anomaly_counts(start, end) -> pd.DataFrame:
    """One row: series-months of the period that could be scored (history and enough expected
    claims), and flagged."""
    return run("""select count(z_n)::bigint as n_scored, count(*) filter (where is_anomaly)::bigint as n_flagged
                  from mart_claims_anomaly where month between $start::date and $end::date""",
               start=str(start), end=str(end))


def claims_processing(start, end, regency=None) -> pd.DataFrame:
    """Days from filing to payment per programme, province (regency_code null) and per
    regency: claims with a filing date, median and 90th percentile (the smallest number of
    days by which half / 90% of the claims were paid)."""
    return run("""with h as (select regency_code, programme_code, days_to_pay, sum(n_claims) as n
                              from mart_claims_processing
                              where month between $start::date and $end::date
                                and ($regency is null or regency_code = $regency)
                              group by grouping sets ((regency_code, programme_code, days_to_pay),
                                                      (programme_code, days_to_pay))),
                   c as (select *, sum(n) over (partition by regency_code, programme_code order by days_to_pay
                                                rows between unbounded preceding and current row) as cum,
                                sum(n) over (partition by regency_code, programme_code) as total
                         from h)
                   select c.regency_code, r.regency_name, c.programme_code,
                          max(c.total)::bigint as n_claims,
                          min(c.days_to_pay) filter (where c.cum >= 0.5 * c.total) as p50_days,
                          min(c.days_to_pay) filter (where c.cum >= 0.9 * c.total) as p90_days
                   from c left join mart_regency_progress r using (regency_code)
                   group by c.regency_code, r.regency_name, c.programme_code
                   order by c.regency_code nulls first,
                            list_position(['JKK', 'JKM', 'JHT', 'JP'], c.programme_code)""",
               start=str(start), end=str(end), regency=regency)


def claims_causes(start, end, regency=None, programme: str = "JKK") -> pd.DataFrame:
    """Causes of a programme's claims, most cases first. Province-wide: the months of the
    period. One regency: the calendar year of the period's end (mart_claims_cause_regency,
    suppressed cells with NULL figures and is_suppressed)."""
    if regency is None:
        return run("""select nullif(cause, '') as cause, sum(n_claims)::bigint as n_claims,
                             sum(claims_rp)::bigint as claims_rp, false as is_suppressed
                      from mart_claims_cause
                      where month between $start::date and $end::date and programme_code = $programme
                      group by all order by n_claims desc, cause""",
                   start=str(start), end=str(end), programme=programme)
    return run("""select nullif(cause, '') as cause, n_claims, claims_rp, is_suppressed
                  from mart_claims_cause_regency
                  where regency_code = $regency and programme_code = $programme
                    and paid_year = year($end::date)
                  order by is_suppressed, n_claims desc, cause""",
               end=str(end), regency=regency, programme=programme)


def subsidy_schemes() -> pd.DataFrame:
    """Subsidy schemes loaded, newest first: recipients (distinct members) and Rupiah."""
    return run("""select t.scheme, sum(t.subsidy_rp)::bigint as subsidy_rp, max(r.n_recipients) as n_recipients,
                         min(t.first_paid_date) as first_paid_date, max(t.last_paid_date) as last_paid_date
                  from mart_subsidy_tranche t
                  join (select scheme, sum(n_recipients)::bigint as n_recipients from mart_subsidy_reach
                        group by all) r using (scheme)
                  group by all order by first_paid_date desc, scheme""")


def subsidy_regencies(scheme: str) -> pd.DataFrame:
    """All 22 regencies for a scheme: recipients and Rupiah per tranche (1, 2, later ones
    together), distinct recipients, eligible members and eligible members reached."""
    return run("""with t as (select * from mart_subsidy_tranche where scheme = $scheme)
                   select r.regency_code, g.regency_name, r.eligibility_month,
                          coalesce(sum(t.n_recipients) filter (where t.tranche = 1), 0)::bigint as n_tranche_1,
                          coalesce(sum(t.n_recipients) filter (where t.tranche = 2), 0)::bigint as n_tranche_2,
                          coalesce(sum(t.n_recipients) filter (where t.tranche > 2), 0)::bigint as n_tranche_later,
                          coalesce(sum(t.subsidy_rp), 0)::bigint as subsidy_rp,
                          r.n_recipients, r.n_eligible, r.n_reached,
                          case when r.n_eligible > 0 then 100.0 * r.n_reached / r.n_eligible end as reach_pct
                   from mart_subsidy_reach r
                   join mart_regency_progress g using (regency_code)
                   left join t on t.regency_code = r.regency_code
                   where r.scheme = $scheme
                   group by all order by r.regency_code""", scheme=scheme)


def budget_years() -> pd.DataFrame:
    """Budget-paid contributions per payer x budget year, province-wide (mart_budget_year)."""
    return run("select * from mart_budget_year order by budget_year, payer_code")


def budget_regencies(year: int) -> pd.DataFrame:
    """Budget-paid contributions of one budget year per payer x regency (hidden cells: NULL)."""
    return run("""select * from mart_budget_regency where budget_year = $year
                  order by payer_code, regency_code""", year=int(year))


def budget_retention(by_regency: bool = False) -> pd.DataFrame:
    """Workers whose budget-paid cover ended, per payer x budget year (x regency when
    by_regency, hidden cohorts with NULL figures and is_suppressed)."""
    if by_regency:
        return run("select * from mart_budget_retention_regency order by budget_year, payer_code, regency_code")
    return run("""select *, null::varchar as regency_code, null::varchar as regency_name, false as is_suppressed
                  from mart_budget_retention order by budget_year, payer_code""")
