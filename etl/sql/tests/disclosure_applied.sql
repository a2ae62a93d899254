-- every mart that publishes cells below regency level follows the one suppression stage
-- (int_disclosure): a cell is marked hidden exactly when the stage hid it, a hidden cell
-- shows no figure derived from its count, and a published cell never holds a count of 1 to
-- threshold - 1 unless it is its parent's only cell with members
with
k as (select suppress_threshold() as k),
stage as (select family, cell_id, n, is_hidden, is_pseudo,
                 count(*) filter (where n > 0) over (partition by family, parent_id) as n_real
          from int_disclosure),
published as (
    select 'area' as family, area_code as cell_id, is_suppressed, n_active as n,
           coalesce(attainment_pct, tier, next_tier, n_to_next_tier, active_per_1000_pop) is not null as shows_more
    from mart_area_progress where level <> 'regency'
    union all
    select 'mix:' || dimension, regency_code || ':' || category_code, is_suppressed, n_active,
           coalesce(share_pct::varchar, latest_end_month::varchar) is not null
    from mart_regency_mix
    union all
    select 'cause:' || programme_code || ':' || paid_year, regency_code || ':' || cause, is_suppressed,
           n_claims, claims_rp is not null
    from mart_claims_cause_regency
    union all
    select 'budget:' || payer_code || ':' || budget_year, regency_code, is_suppressed, n_workers,
           coalesce(worker_months, contrib_rp) is not null
    from mart_budget_regency
    union all
    select 'retention:' || payer_code || ':' || budget_year, regency_code, is_suppressed, n_cohort,
           coalesce(n_observable_3, n_paying_3, n_observable_12) is not null
    from mart_budget_retention_regency
)
select p.family, p.cell_id, p.is_suppressed, s.is_hidden, p.n, 'marked unlike the stage' as problem
from published p left join stage s using (family, cell_id)
where p.is_suppressed is distinct from s.is_hidden
union all
select p.family, p.cell_id, p.is_suppressed, null, p.n, 'hidden cell shows a figure'
from published p where p.is_suppressed and (p.n is not null or p.shows_more)
union all
select p.family, p.cell_id, p.is_suppressed, null, p.n, 'published below the threshold'
from published p join stage s using (family, cell_id)
where not p.is_suppressed and (p.n is null or (p.n > 0 and p.n < (select k from k) and s.n_real > 1))
