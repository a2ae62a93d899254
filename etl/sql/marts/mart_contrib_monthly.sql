-- mart_contrib_monthly: contributions attributed to the months they pay for (the runs of
-- int_contrib_segments, whose Rupiah follow rule_money.sql, summed with start/stop events
-- rather than by exploding spells into member-months).
-- programme_code: JKK, JKM, JHT for BPU members, split at the sourced BPU rates
-- (int_contrib_spells states the rule); 'TOTAL' for every other segment: contributions there
-- are reported in total only, because no per-programme rates are sourced for them.
-- is_estimate: true for members with no contributions rows, priced from the member list's
-- paid months and declared income at the BPU rates (other segments cannot be estimated).
-- grain: one row per month x regency x segment x payer x programme x is_estimate with money
-- key: month, regency_code, segment_code, payer_code, programme_code, is_estimate
-- columns:
--   month                first day of the month paid for
--   regency_code         as in int_contrib_spells
--   segment_code         as in int_contrib_spells
--   payer_code           who paid
--   programme_code       JKK, JKM, JHT or TOTAL
--   is_estimate          estimated from the member list
--   contrib_rp           Rupiah attributed to the month
with
runs as (
    select regency_code, segment_code, payer_code, programme_code, is_estimate, rp_per_month,
           year(start_month) * 12 + month(start_month) - 1 as start_i,
           year(end_month) * 12 + month(end_month) - 1 as end_i
    from int_contrib_segments
),
events as (
    select regency_code, segment_code, payer_code, programme_code, is_estimate,
           start_i as month_i, rp_per_month as delta from runs
    union all
    select regency_code, segment_code, payer_code, programme_code, is_estimate,
           end_i + 1, -rp_per_month from runs
),
changes as (
    select regency_code, segment_code, payer_code, programme_code, is_estimate, month_i,
           sum(delta) as delta
    from events group by all
),
keyed as (
    select regency_code, segment_code, payer_code, programme_code, is_estimate,
           min(month_i) as first_i, max(month_i) as last_i
    from changes group by all
),
grid as (
    select regency_code, segment_code, payer_code, programme_code, is_estimate,
           unnest(range(first_i, last_i + 1)) as month_i
    from keyed
),
running as (
    select g.*, sum(coalesce(c.delta, 0)) over (
               partition by g.regency_code, g.segment_code, g.payer_code, g.programme_code, g.is_estimate
               order by g.month_i rows between unbounded preceding and current row) as contrib_rp
    from grid g
    left join changes c using (regency_code, segment_code, payer_code, programme_code, is_estimate, month_i)
)
select make_date((month_i // 12)::int, (month_i % 12 + 1)::int, 1) as month,
       regency_code, segment_code, payer_code, programme_code, is_estimate,
       contrib_rp::bigint as contrib_rp
from running
where contrib_rp <> 0
