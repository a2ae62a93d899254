"""The one way pages read the warehouse. Every query goes through `run`:
parameterised SQL on a cursor of one cached read-only connection, cached
results keyed by the warehouse file's identity, so a newly published
warehouse (the ETL swaps the file) is picked up at the next query.
Pages read marts only: every query here returns aggregated rows."""
from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from etl import settings


class WarehouseMissing(Exception):
    pass


def warehouse_path() -> Path:
    return settings.get_path("warehouse")


def stamp() -> tuple[int, int]:
    """Identity of the published file: changes when the ETL swaps in a new one."""
    try:
        s = os.stat(warehouse_path())
    except FileNotFoundError:
        raise WarehouseMissing(str(warehouse_path())) from None
    return s.st_ino, s.st_mtime_ns


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(path: str, file_stamp: tuple[int, int]) -> duckdb.DuckDBPyConnection:
    """An in-memory database with the warehouse attached read-only. (duckdb.connect on
    the path would hand back the already-open database of the replaced file.)"""
    con = duckdb.connect(":memory:")
    con.execute(f"attach '{path.replace(chr(39), chr(39) * 2)}' as wh (read_only)")
    return con


@st.cache_data(max_entries=512, show_spinner=False)
def _run(sql: str, params: tuple, file_stamp: tuple[int, int]) -> pd.DataFrame:
    cur = _connection(str(warehouse_path()), file_stamp).cursor()
    try:
        cur.execute("use wh")
        t0 = time.perf_counter()
        df = cur.execute(sql, dict(params)).df()
        df.attrs["ms"] = (time.perf_counter() - t0) * 1000
        return df
    finally:
        cur.close()


def run(sql: str, **params) -> pd.DataFrame:
    return _run(sql, tuple(sorted(params.items())), stamp())


def scalar(sql: str, **params):
    df = run(sql, **params)
    return None if df.empty else df.iat[0, 0]


# --- status and configuration in force (as recorded in the warehouse) -----------------

def status() -> dict:
    cfg = dict(run("select key, value from cfg_settings").itertuples(index=False))
    as_of = scalar("select as_of_month from int_as_of")
    loaded = scalar("select max(finished_at) from load_log where status = 'loaded'")
    built = scalar("select value from meta where key = 'built_at'")
    return {"as_of": as_of, "loaded_at": loaded, "built_at": built,
            "target": int(cfg.get("target", 0)), "deadline": cfg.get("deadline"),
            "goal_segments": [s.strip() for s in cfg.get("goal_segments", "BPU").split(",") if s.strip()],
            "suppress_below": int(cfg.get("suppress_below", 5))}


# --- province overview ----------------------------------------------------------------

def province_monthly() -> pd.DataFrame:
    return run("select * from mart_province_monthly order by month")


def regency_progress() -> pd.DataFrame:
    return run("""select * from mart_regency_progress
                  order by attainment_pct, regency_kemendagri_code""")


def tiers() -> pd.DataFrame:
    return run("select * from cfg_tiers order by min_pct")


# --- regency view ----------------------------------------------------------------------

def regencies() -> pd.DataFrame:
    """The 22 regencies: codes, names, island, island group, informal workforce."""
    return run("""select kemendagri_code, bps_code, name, short_name, label, island, island_group,
                         informal_workforce_est from ref_regency order by kemendagri_code""")


def regency_standing() -> pd.DataFrame:
    """One row per regency at the as-of month: target, active, attainment, tier, next tier,
    members to the next tier, active per 1,000 informal workers, rank and its 3-month change."""
    return run("""select a.area_code as kemendagri_code, a.area_name as name, r.short_name, r.island,
                         r.island_group, a.target, a.n_active, a.attainment_pct, a.tier, a.tier_label_id,
                         a.tier_label_en, a.next_tier, a.next_tier_min_pct, a.n_to_next_tier,
                         g.active_per_1000_informal, g.attainment_rank, g.rank_change_3m, a.as_of_month
                  from mart_area_progress a
                  join mart_regency_goal_monthly g on g.regency_code = a.area_code and g.month = a.as_of_month
                  join ref_regency r on r.kemendagri_code = a.area_code
                  where a.level = 'regency'
                  order by g.attainment_rank, a.area_code""")


def regency_goal_monthly(codes: str, since) -> pd.DataFrame:
    """Monthly goal series of the regencies in `codes` ("53.02,53.03") from month `since`."""
    return run("""select month, regency_code, n_active, n_registered, target, attainment_pct,
                         active_per_1000_informal, attainment_rank
                  from mart_regency_goal_monthly
                  where list_contains(string_split($codes, ','), regency_code) and month >= $since::date
                  order by regency_code, month""", codes=codes, since=str(since))


def areas(regency: str, level: str) -> pd.DataFrame:
    """Districts ('district') or villages ('village') of a regency with their own targets and
    tiers; small counts already hidden by the mart (suppression not null)."""
    return run("""select a.area_code, a.area_name, p.area_name as parent_name, a.target, a.n_active,
                         a.attainment_pct, a.tier, a.tier_label_id, a.tier_label_en, a.next_tier,
                         a.n_to_next_tier, a.suppression, a.sort_pct
                  from mart_area_progress a
                  left join mart_area_progress p on p.area_code = a.parent_code and p.level <> a.level
                  where a.regency_code = $regency and a.level = $level
                  order by a.area_code""", regency=regency, level=level)


def village_board(regency: str, n: int = 10) -> pd.DataFrame:
    """The regency's top and bottom `n` villages by attainment (board 'top' / 'bottom').
    Top: published villages only. Bottom: every village, hidden ones ranked by the best they
    could be (sort_pct, public values only), the larger target first on ties."""
    return run("""with v as (
                      select a.area_code, a.area_name, p.area_name as parent_name, a.target, a.n_active,
                             a.attainment_pct, a.tier, a.tier_label_id, a.tier_label_en,
                             a.n_to_next_tier, a.suppression, a.sort_pct
                      from mart_area_progress a
                      join mart_area_progress p on p.area_code = a.parent_code and p.level = 'district'
                      where a.level = 'village' and a.regency_code = $regency),
                  top as (select 'top' as board, * from v where suppression is null
                          order by sort_pct desc, target desc, area_code limit $n),
                  bottom as (select 'bottom' as board, * from v
                             where area_code not in (select area_code from top)
                             order by sort_pct asc nulls first, target desc, area_code limit $n)
                  select * from top union all select * from bottom""", regency=regency, n=n)


def regency_mix(regency: str) -> pd.DataFrame:
    """Segment, sector and payer mix of a regency at the as-of month (small cells hidden)."""
    return run("""select * from mart_regency_mix where regency_code = $regency
                  order by dimension, sort_order""", regency=regency)


@st.cache_resource(max_entries=2, show_spinner=False)
def _boundaries(path: str, mtime_ns: int):
    from geo import boundaries
    match = boundaries.match_regencies(boundaries.read_boundaries(path))
    # ~500 m / ~100 m: below a pixel at province scale; the figure stays ~55 KiB
    match.matched = boundaries.orient_for_plotly(match.matched, tolerance=0.005, precision=1e-3)
    return match


def regency_boundaries():
    """The configured boundary file read, matched to the regencies, simplified and oriented
    for plotly (a geo.boundaries.MatchResult), cached by path and modification time;
    None when no file is configured. Raises geo.boundaries.BoundaryError for a bad file."""
    from geo.boundaries import BoundaryError
    raw = settings.get("boundary_file").strip()
    if not raw:
        return None
    path = Path(raw).expanduser()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        raise BoundaryError(f"Boundary file not found: {path}.") from None
    return _boundaries(str(path), mtime)



# --- sectors and incentive tiers -------------------------------------------------------

def sector_progress() -> pd.DataFrame:
    """One row per sector, province-wide at the as-of month: goal-segment active members,
    estimated informal workforce, coverage, 12-month change and share of growth."""
    return run("select * from mart_sector_progress order by sort_order")


def sector_summary() -> pd.DataFrame:
    """One row, province-wide at the as-of month: goal-segment active members; the
    agricultural sectors (farming, plantations, livestock, fishing) with their estimated
    workforce, coverage and share of the active; the 12-month net change and registrations."""
    return run("""select sum(n_active) as n_active,
                         sum(n_active) filter (where is_agriculture) as agri_active,
                         sum(workforce_est) filter (where is_agriculture) as agri_workforce_est,
                         100.0 * sum(n_active) filter (where is_agriculture)
                             / nullif(sum(workforce_est) filter (where is_agriculture), 0) as agri_coverage_pct,
                         100.0 * sum(n_active) filter (where is_agriculture) / nullif(sum(n_active), 0)
                             as agri_share_pct,
                         sum(change_12m) as change_12m, sum(n_new_12m) as n_new_12m
                  from mart_sector_progress""")


def occupation_summary() -> pd.DataFrame:
    """One row: members, and how many fell to 'lainnya' (blank or unmatched occupation text)."""
    return run("""select sum(n_members) as n_members,
                         coalesce(sum(n_members) filter (where sector_code = 'lainnya'), 0) as n_other,
                         coalesce(sum(n_members) filter (where sector_code = 'lainnya' and is_blank), 0) as n_blank,
                         coalesce(sum(n_members) filter (where sector_code = 'lainnya' and not is_blank), 0)
                             as n_unmatched,
                         100.0 * coalesce(sum(n_members) filter (where sector_code = 'lainnya'), 0)
                             / nullif(sum(n_members), 0) as other_pct
                  from mart_occupation_mapping""")


def sector_regency(regency: str | None = None) -> pd.DataFrame:
    """Regency x sector cells at the as-of month (small cells hidden by the mart);
    one regency's sectors when `regency` is given, else all 22 x sectors."""
    return run("""select * from mart_sector_regency
                  where $regency is null or regency_code = $regency
                  order by regency_code, sort_order""", regency=regency)


def sector_monthly() -> pd.DataFrame:
    """Month x sector, province-wide: goal-segment active, registered, new."""
    return run("""select month, sector_code, name_id, name_en, sort_order, n_active, n_registered, n_new,
                         n_active_all_segments
                  from mart_sector_monthly order by month, sort_order""")


def occupation_mapping() -> pd.DataFrame:
    """Normalised occupation texts -> sector with member counts; rare texts already folded."""
    return run("""select * from mart_occupation_mapping
                  order by sort_order, is_blank, is_rare_group, n_members desc, occupation_norm""")


def tier_progress() -> pd.DataFrame:
    """The province and the 22 regencies at the as-of month: tier, since when, next tier,
    members and months (at the last 6 months' pace) to reach it."""
    return run("""select * from mart_tier_progress
                  order by level = 'regency', tier desc, attainment_pct desc, area_code""")


def tier_distribution() -> pd.DataFrame:
    """How many regencies held each tier, month by month (every tier, zeros included)."""
    return run("""select m.month, c.tier, c.label_id, c.label_en,
                         count(t.regency_code)::bigint as n_regencies
                  from (select distinct month from mart_tier_monthly) m
                  cross join cfg_tiers c
                  left join mart_tier_monthly t on t.month = m.month and t.tier = c.tier
                  group by all order by m.month, c.tier""")


def tier_reached() -> pd.DataFrame:
    """Regency x tier: the month each regency first reached each tier (NULL: never)."""
    return run("select * from mart_tier_reached order by regency_code, tier")


def tier_transitions(drops_only: bool = True) -> pd.DataFrame:
    """Months in which a regency's tier changed (only drops by default), newest first."""
    return run("""select * from mart_tier_transitions where is_drop or not $drops_only
                  order by month desc, regency_code""", drops_only=drops_only)


def tier_areas(regency: str, level: str) -> pd.DataFrame:
    """Districts or villages of a regency that have a target (> 0), with their tier;
    small counts hidden by mart_area_progress (suppression not null)."""
    return run("""select area_code, area_name, target, n_active, attainment_pct, tier, tier_label_id,
                         tier_label_en, next_tier, n_to_next_tier, suppression, sort_pct
                  from mart_area_progress
                  where regency_code = $regency and level = $level and target > 0
                  order by sort_pct desc nulls last, area_code""", regency=regency, level=level)


def tier_what_if(regency: str, more: int) -> pd.DataFrame:
    """If `more` members join (net) in a regency: its active members, attainment and tier,
    by the tier rule the marts use (macro tier_of, etl/sql/intermediate/int_tier_rule.sql)."""
    return run("""with p as (select area_code, target, n_active, tier,
                                    greatest(n_active + $more, 0)::bigint as n_after
                             from mart_tier_progress where level = 'regency' and area_code = $regency),
                  w as (select *, tier_of(n_after, target) as tier_after from p)
                  select w.*, case when target > 0 then round(100.0 * n_after / target, 2) else 0 end
                                  as attainment_after_pct,
                         c.label_id as tier_after_label_id, c.label_en as tier_after_label_en
                  from w join cfg_tiers c on c.tier = w.tier_after""", regency=regency, more=int(more))



# --- claims and subsidies --------------------------------------------------------------

# Periods are month ranges [start, end] given as 'YYYY-MM-01'; regency / segment None = all.
# The comparison period is the same months one year earlier. Small cells are hidden here
# (cfg_settings suppress_below) wherever a count goes below the regency x programme level.

def claims_bounds() -> pd.DataFrame:
    """One row: first and last month with paid claims, and the as-of month."""
    return run("""select min(month) as first_month, max(month) as last_month,
                         (select as_of_month from int_as_of) as as_of_month
                  from mart_claims_monthly""")


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
                  select p.programme_code, p.name_id, p.name_en,
                         coalesce(cur.n, 0)::bigint as n_claims, coalesce(cur.rp, 0)::bigint as claims_rp,
                         coalesce(prev.n, 0)::bigint as n_claims_prev, coalesce(prev.rp, 0)::bigint as claims_rp_prev,
                         ($start::date - interval 12 month)::date >= (select min(month) from mart_claims_monthly)
                             as prev_complete
                  from ref_programme p
                  left join cur using (programme_code) left join prev using (programme_code)
                  order by list_position(['JKK', 'JKM', 'JHT', 'JP'], p.programme_code)""",
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
                  select r.kemendagri_code as regency_code, r.name as regency_name,
                         coalesce(sum(c.n_claims), 0)::bigint as n_claims,
                         coalesce(sum(c.claims_rp), 0)::bigint as claims_rp,
                         coalesce(sum(c.n_claims) filter (where c.programme_code = 'JKK'), 0)::bigint as n_jkk,
                         coalesce(sum(c.n_claims) filter (where c.programme_code = 'JKM'), 0)::bigint as n_jkm,
                         coalesce(sum(c.n_claims) filter (where c.programme_code = 'JHT'), 0)::bigint as n_jht,
                         coalesce(sum(c.n_claims) filter (where c.programme_code = 'JP'), 0)::bigint as n_jp
                  from ref_regency r left join c on c.regency_code = r.kemendagri_code
                  group by all order by claims_rp desc, regency_code""",
               start=str(start), end=str(end), segment=segment)


def loss_ratio(start, end, programme=None) -> pd.DataFrame:
    """All 22 regencies: claims paid vs contributions for the months of the period.
    programme None: every segment and programme (contributions in total); 'JKK' / 'JKM' /
    'JHT': BPU members only, the only segment whose contributions are split by programme
    (mart_contrib_monthly). contrib_est_rp: the part estimated from member lists."""
    return run("""with cl as (select regency_code, sum(n_claims) as n, sum(claims_rp) as rp
                              from mart_claims_monthly
                              where month between $start::date and $end::date
                                and ($programme is null or (programme_code = $programme and segment_code = 'BPU'))
                              group by all),
                  co as (select regency_code, sum(contrib_rp) as rp,
                                sum(contrib_rp) filter (where is_estimate) as est_rp
                         from mart_contrib_monthly
                         where month between $start::date and $end::date
                           and ($programme is null or programme_code = $programme)
                         group by all)
                  select r.kemendagri_code as regency_code, r.name as regency_name,
                         coalesce(cl.n, 0)::bigint as n_claims, coalesce(cl.rp, 0)::bigint as claims_rp,
                         coalesce(co.rp, 0)::bigint as contrib_rp, coalesce(co.est_rp, 0)::bigint as contrib_est_rp,
                         case when co.rp > 0 then 100.0 * coalesce(cl.rp, 0) / co.rp end as loss_ratio_pct
                  from ref_regency r
                  left join cl on cl.regency_code = r.kemendagri_code
                  left join co on co.regency_code = r.kemendagri_code
                  order by loss_ratio_pct desc nulls last, regency_code""",
               start=str(start), end=str(end), programme=programme)


def claims_anomalies(start, end) -> pd.DataFrame:
    """Flagged regency-months of the period (mart_claims_anomaly), the furthest out first."""
    return run("""select a.month, a.regency_code, r.name as regency_name, a.n_claims, a.claims_rp,
                         a.n_history, a.history_median_rp, a.history_mad_rp, a.robust_z
                  from mart_claims_anomaly a join ref_regency r on r.kemendagri_code = a.regency_code
                  where a.month between $start::date and $end::date and a.is_anomaly
                  order by abs(a.robust_z) desc, a.month, a.regency_code""",
               start=str(start), end=str(end))


def claims_anomaly_counts(start, end) -> pd.DataFrame:
    """One row: regency-months of the period that could be scored (enough history), and flagged."""
    return run("""select count(robust_z)::bigint as n_scored, count(*) filter (where is_anomaly)::bigint as n_flagged
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
                  select c.regency_code, r.name as regency_name, c.programme_code,
                         max(c.total)::bigint as n_claims,
                         min(c.days_to_pay) filter (where c.cum >= 0.5 * c.total) as p50_days,
                         min(c.days_to_pay) filter (where c.cum >= 0.9 * c.total) as p90_days
                  from c left join ref_regency r on r.kemendagri_code = c.regency_code
                  group by c.regency_code, r.name, c.programme_code
                  order by c.regency_code nulls first,
                           list_position(['JKK', 'JKM', 'JHT', 'JP'], c.programme_code)""",
               start=str(start), end=str(end), regency=regency)


def claims_causes(start, end, regency=None, programme: str = "JKK") -> pd.DataFrame:
    """Causes of a programme's claims in the period, most cases first. For one regency, causes
    with fewer cases than suppress_below are folded into one row (cause null), and that row's
    figures are hidden (null) when it is itself below the threshold."""
    return run("""with k as (select suppress_threshold() as k),
                  c as (select cause, sum(n_claims) as n, sum(claims_rp) as rp from mart_claims_cause
                        where month between $start::date and $end::date and programme_code = $programme
                          and ($regency is null or regency_code = $regency)
                        group by all),
                  folded as (select case when $regency is not null and n < (select k from k) then null
                                         else nullif(cause, '') end as cause,
                                    sum(n) as n, sum(rp) as rp
                             from c group by all)
                  select cause,
                         case when $regency is not null and cause is null and n < (select k from k)
                              then null else n end::bigint as n_claims,
                         case when $regency is not null and cause is null and n < (select k from k)
                              then null else rp end::bigint as claims_rp
                  from folded order by cause is null, n desc, cause""",
               start=str(start), end=str(end), regency=regency, programme=programme)


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
                  select r.regency_code, g.name as regency_name, r.eligibility_month,
                         coalesce(sum(t.n_recipients) filter (where t.tranche = 1), 0)::bigint as n_tranche_1,
                         coalesce(sum(t.n_recipients) filter (where t.tranche = 2), 0)::bigint as n_tranche_2,
                         coalesce(sum(t.n_recipients) filter (where t.tranche > 2), 0)::bigint as n_tranche_later,
                         coalesce(sum(t.subsidy_rp), 0)::bigint as subsidy_rp,
                         r.n_recipients, r.n_eligible, r.n_reached,
                         case when r.n_eligible > 0 then 100.0 * r.n_reached / r.n_eligible end as reach_pct
                  from mart_subsidy_reach r
                  join ref_regency g on g.kemendagri_code = r.regency_code
                  left join t on t.regency_code = r.regency_code
                  where r.scheme = $scheme
                  group by all order by r.regency_code""", scheme=scheme)


def budget_years() -> pd.DataFrame:
    """Budget-paid contributions per payer x budget year, province-wide: workers covered,
    worker-months, Rupiah (and the estimated part), cost per worker-month."""
    return run("""select b.payer_code, p.name_id, p.name_en, b.budget_year,
                         sum(b.n_workers)::bigint as n_workers, sum(b.worker_months)::bigint as worker_months,
                         sum(b.contrib_rp)::bigint as contrib_rp, sum(b.contrib_est_rp)::bigint as contrib_est_rp,
                         sum(b.contrib_rp) / nullif(sum(b.worker_months), 0) as rp_per_worker_month
                  from mart_budget_year b join ref_payer p using (payer_code)
                  group by all order by b.budget_year, b.payer_code""")


def budget_regencies(year: int) -> pd.DataFrame:
    """Budget-paid contributions of one budget year per payer x regency; a cell with fewer
    workers than suppress_below shows no figures (null)."""
    return run("""with k as (select suppress_threshold() as k)
                  select b.payer_code, p.name_id, p.name_en, b.regency_code, r.name as regency_name,
                         b.n_workers < (select k from k) as is_suppressed,
                         case when b.n_workers >= (select k from k) then b.n_workers end as n_workers,
                         case when b.n_workers >= (select k from k) then b.worker_months end as worker_months,
                         case when b.n_workers >= (select k from k) then b.contrib_rp end as contrib_rp,
                         case when b.n_workers >= (select k from k)
                              then b.contrib_rp / nullif(b.worker_months, 0) end as rp_per_worker_month
                  from mart_budget_year b
                  join ref_payer p using (payer_code)
                  left join ref_regency r on r.kemendagri_code = b.regency_code
                  where b.budget_year = $year
                  order by b.payer_code, b.regency_code""", year=int(year))


def budget_retention(by_regency: bool = False) -> pd.DataFrame:
    """Workers whose budget-paid cover ended, per payer x budget year (x regency when
    by_regency): cohort, and for 3, 6 and 12 months after the end the members observable so
    far and those still paying. Regency cells with a cohort below suppress_below show no
    figures (null, is_suppressed)."""
    return run("""with k as (select suppress_threshold() as k),
                  g as (select payer_code, budget_year,
                               case when $by_regency then regency_code end as regency_code,
                               sum(n_cohort) as n_cohort,
                               sum(n_observable_3) as o3, sum(n_paying_3) as p3,
                               sum(n_observable_6) as o6, sum(n_paying_6) as p6,
                               sum(n_observable_12) as o12, sum(n_paying_12) as p12
                        from mart_budget_retention group by all),
                  s as (select *, $by_regency and n_cohort < (select k from k) as is_suppressed from g)
                  select s.payer_code, p.name_id, p.name_en, s.budget_year, s.regency_code,
                         r.name as regency_name, s.is_suppressed,
                         case when not is_suppressed then n_cohort end::bigint as n_cohort,
                         case when not is_suppressed then o3 end::bigint as n_observable_3,
                         case when not is_suppressed then p3 end::bigint as n_paying_3,
                         case when not is_suppressed then o6 end::bigint as n_observable_6,
                         case when not is_suppressed then p6 end::bigint as n_paying_6,
                         case when not is_suppressed then o12 end::bigint as n_observable_12,
                         case when not is_suppressed then p12 end::bigint as n_paying_12
                  from s join ref_payer p using (payer_code)
                  left join ref_regency r on r.kemendagri_code = s.regency_code
                  order by s.budget_year, s.payer_code, s.regency_code""", by_regency=bool(by_regency))


# --- data quality ---------------------------------------------------------------------
# Load history, reconciliation, quarantine and issues per code, freshness and
# completeness. Counts per file, code, kind or regency x month; the one row-level
# query (dq_quarantine_sample) returns quarantined rows as stored: NIK masked, no names.

DQ_KINDS = ("members", "contributions", "claims", "subsidies")


def dq_freshness() -> pd.DataFrame:
    """One row per file kind: files loaded, when the last one finished, and the newest
    month its data reaches (registration, contribution, claim or subsidy payment)."""
    return run("""with loads as (
                      select kind, count(*) as n_files, max(finished_at) as last_loaded_at,
                             sum(rows_loaded)::bigint as rows_loaded
                      from load_log where status = 'loaded' group by kind),
                  newest as (
                      select 'members' as kind, max(date_trunc('month', registered_date))::date as newest_month
                      from members
                      union all select 'contributions', max(period_end_month) from contributions
                      union all select 'claims', max(date_trunc('month', paid_date))::date from claims
                      union all select 'subsidies', max(date_trunc('month', paid_date))::date from subsidies)
                  select k.kind, coalesce(l.n_files, 0) as n_files, l.last_loaded_at,
                         coalesce(l.rows_loaded, 0) as rows_loaded, n.newest_month
                  from (select unnest($kinds::varchar[]) as kind, generate_subscripts($kinds::varchar[], 1) as ord) k
                  left join loads l using (kind) left join newest n using (kind)
                  order by k.ord""", kinds=list(DQ_KINDS))


def dq_load_history(limit: int = 500) -> pd.DataFrame:
    """One row per file loaded, newest first, with its reconciliation: rows read =
    loaded + quarantined, and the quarantine holding exactly the quarantined rows."""
    return run("""with q as (select load_id, count(*) as n_in_quarantine from quarantine group by load_id),
                  i as (select load_id, count(*) as n_issues from load_issue group by load_id)
                  select l.load_id, l.file_name, l.kind, l.status, l.started_at, l.finished_at, l.as_of_month,
                         l.rows_read, l.rows_loaded, l.rows_quarantined, l.rows_blank, l.rows_flagged,
                         coalesce(q.n_in_quarantine, 0) as n_in_quarantine, coalesce(i.n_issues, 0) as n_issues,
                         l.rows_read = l.rows_loaded + l.rows_quarantined
                             and coalesce(q.n_in_quarantine, 0) = l.rows_quarantined as is_reconciled,
                         l.columns_ignored
                  from load_log l left join q using (load_id) left join i using (load_id)
                  order by l.load_id desc limit $limit""", limit=int(limit))


def dq_quarantine_by_reason(load_id: int | None = None) -> pd.DataFrame:
    """Quarantined rows per reason code (of one load, or of all), most frequent first."""
    return run("""select reason_code, count(*) as n_rows, count(distinct load_id) as n_files
                  from quarantine where $load_id::integer is null or load_id = $load_id::integer
                  group by reason_code order by n_rows desc, reason_code""",
               load_id=None if load_id is None else int(load_id))


def dq_quarantine_sample(reason_code: str, limit: int = 50, load_id: int | None = None) -> pd.DataFrame:
    """A few quarantined rows of one reason, newest load first, as stored in the quarantine
    (the NIK masked, names never kept): where in which file, why, and the row's content."""
    return run("""select q.load_id, q.file_name, q.sheet, q.row_number, q.reason_code, q.params::varchar as params,
                         q.content
                  from quarantine q
                  where q.reason_code = $reason and ($load_id::integer is null or q.load_id = $load_id::integer)
                  order by q.load_id desc, q.sheet, q.row_number limit $limit""",
               reason=str(reason_code), limit=int(limit), load_id=None if load_id is None else int(load_id))


def dq_issues_by_code(load_id: int | None = None) -> pd.DataFrame:
    """Loaded rows that carry a recorded fallback or flag, per issue code."""
    return run("""select issue_code, count(*) as n_rows, count(distinct load_id) as n_files
                  from load_issue where $load_id::integer is null or load_id = $load_id::integer
                  group by issue_code order by n_rows desc, issue_code""",
               load_id=None if load_id is None else int(load_id))


def dq_completeness(months: int = 12, recent: int = 3) -> pd.DataFrame:
    """Regency x month for the last `months` months up to the as-of month (all 22
    regencies, every month, zeros included): new registrations and claims paid, with each
    regency's status: 'missing' (no rows in the window), 'late' (none in the last `recent`
    months) or 'ok'. The as-of month is the member lists'; without members, the newest
    claim month; without either, the current month."""
    return run("""with
                  last_month as (select coalesce((select max(as_of_month) from int_as_of),
                                           (select max(date_trunc('month', paid_date))::date from claims),
                                           date_trunc('month', current_date)::date) as m),
                  months as (select unnest(generate_series((select m from last_month) - to_months($months - 1),
                                                           (select m from last_month), interval 1 month))::date as month),
                  reg as (select kemendagri_code as regency_code, bps_code, label as regency_label,
                                 name as regency_name from ref_regency),
                  new_members as (select regency_code, date_trunc('month', registered_date)::date as month,
                                         count(*) as n from members group by all),
                  claim_rows as (select regency_code, date_trunc('month', paid_date)::date as month,
                                        count(*) as n from claims group by all),
                  grid as (
                      select r.*, m.month, coalesce(nm.n, 0)::bigint as n_new_members,
                             coalesce(c.n, 0)::bigint as n_claims,
                             m.month > (select m from last_month) - to_months($recent) as is_recent
                      from reg r cross join months m
                      left join new_members nm on nm.regency_code = r.regency_code and nm.month = m.month
                      left join claim_rows c on c.regency_code = r.regency_code and c.month = m.month),
                  status as (
                      select regency_code,
                             max(month) filter (where n_new_members + n_claims > 0) as last_month_with_data,
                             case when sum(n_new_members + n_claims) = 0 then 'missing'
                                  when sum(n_new_members + n_claims) filter (where is_recent) = 0 then 'late'
                                  else 'ok' end as status
                      from grid group by regency_code)
                  select g.regency_code, g.bps_code, g.regency_label, g.regency_name, g.month,
                         g.n_new_members, g.n_claims, s.status, s.last_month_with_data
                  from grid g join status s using (regency_code)
                  order by g.regency_code, g.month""", months=int(months), recent=int(recent))
