-- grain: one row per month x regency x segment x payer x programme x is_estimate with money
-- (contrib_rp > 0): contributions attributed to the month they pay for.
-- Spreading: a spell's amount is spread evenly over its months in whole Rupiah; with
-- amount = q * n_months + r, the first r months get q + 1 and the others q, so the months of
-- a spell add up to its amount exactly (computed with start/stop events, not by exploding
-- spells into member-months).
-- programme_code: JKK, JKM, JHT for BPU members, split at the sourced BPU rates
-- (int_contrib_spells states the rule); 'TOTAL' for every other segment: contributions there
-- are reported in total only, because no per-programme rates are sourced for them.
-- is_estimate: true for members with no contributions rows, priced from the member list's
-- paid months and declared income at the BPU rates (other segments cannot be estimated).
-- Columns: month, regency_code, segment_code, payer_code, programme_code, is_estimate, contrib_rp.
create or replace table mart_contrib_monthly as
with
parts as (      -- one row per spell x programme that carries money
    select regency_code, segment_code, payer_code, is_estimate, n_months,
           year(start_month) * 12 + month(start_month) - 1 as start_i,
           year(end_month) * 12 + month(end_month) - 1 as end_i,
           unnest(['JKK', 'JKM', 'JHT', 'TOTAL']) as programme_code,
           unnest([jkk_rp, jkm_rp, jht_rp, unsplit_rp]) as amount_rp
    from int_contrib_spells
),
priced as (
    select * exclude (amount_rp), amount_rp // n_months as q, amount_rp % n_months as r
    from parts where amount_rp > 0
),
events as (
    select regency_code, segment_code, payer_code, programme_code, is_estimate,
           start_i as month_i, q + (r > 0)::bigint as delta from priced
    union all
    select regency_code, segment_code, payer_code, programme_code, is_estimate,
           start_i + r, -1 from priced where r > 0
    union all
    select regency_code, segment_code, payer_code, programme_code, is_estimate,
           end_i + 1, -q from priced
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
),
final as (
    select make_date((month_i // 12)::int, (month_i % 12 + 1)::int, 1) as month,
           regency_code, segment_code, payer_code, programme_code, is_estimate,
           contrib_rp::bigint as contrib_rp
    from running
    where contrib_rp <> 0
)
select * from final;
