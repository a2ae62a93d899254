-- mart_alerts: rules evaluated after every load, worth a steward's reading; each says why it
-- fired (the value against its threshold, settings alert_*) and which figure to trace:
--   tier_drop       a regency's tier is lower than in the previous published warehouse
--   big_move        a regency's active members moved by more than alert_move_pct % in this
--                   load (and by at least 10 members)
--   stale_data      the as-of month ended more than alert_stale_days days before this build
--   claims_anomaly  an unusual month of claims (mart_claims_anomaly, regency or province
--                   series) in the as-of month or the month before
--   quarantine      a file of this build had more than alert_quarantine_pct % of its rows
--                   quarantined
-- grain: one row per alert of the published build
-- key: rule, area_code, subject
-- columns:
--   rule                 tier_drop, big_move, stale_data, claims_anomaly, quarantine
--   level                'province' or 'regency'
--   area_code            '53' or the regency's Kemendagri code
--   subject              what the alert is about: a tier, a month and programme, a load id
--   load_id              the file that caused it, where one did (NULL otherwise)
--   value_before         the figure before (tier, members; NULL where none)
--   value                the figure now (tier, members, %, days, z score)
--   threshold            the threshold it passed (NULL for a tier drop)
--   figure               the figure to trace: active, claims, load
with
changes as (
    select area_code, sum(n_members) filter (where component = 'before') as n_before,
           sum(n_members) filter (where component = 'after') as n_after
    from mart_changes where is_latest and level = 'regency' group by area_code
),
movers as (
    select c.area_code, ch.load_id, row_number() over (partition by c.area_code order by abs(ch.n_members) desc) as rk
    from changes c join mart_changes ch on ch.is_latest and ch.level = 'regency' and ch.area_code = c.area_code
    where ch.component not in ('before', 'after')
),
this_build as (select * from mart_builds where is_latest),
stale as (
    select as_of_after, date_diff('day', (as_of_after + interval 1 month)::date, built_at::date) as days
    from this_build
),
alerts as (
    select 'tier_drop' as rule, 'regency' as level, r.regency_code as area_code, r.tier::varchar as subject,
           null::integer as load_id, p.tier::double as value_before, r.tier::double as value,
           null::double as threshold, 'active' as figure
    from mart_regency_progress r join hist_prev_regency p using (regency_code)
    where r.tier < p.tier
    union all
    select 'big_move', 'regency', c.area_code, 'n_active', m.load_id, c.n_before, c.n_after,
           alert_setting('move_pct'), 'active'
    from changes c left join movers m on m.area_code = c.area_code and m.rk = 1
    where c.n_before > 0 and abs(c.n_after - c.n_before) >= 10
      and 100.0 * abs(c.n_after - c.n_before) / c.n_before > alert_setting('move_pct')
    union all
    select 'stale_data', 'province', '53', strftime(as_of_after, '%Y-%m'), null, null, days,
           alert_setting('stale_days'), 'load'
    from stale where days > alert_setting('stale_days')
    union all
    select 'claims_anomaly', level, area_code,
           strftime(month, '%Y-%m') || ' ' || programme_code || ' ' || segment_code, null, expected_n,
           n_claims, 3.5, 'claims'
    from mart_claims_anomaly
    where is_anomaly and month >= ((select as_of_month from int_as_of) - interval 1 month)::date
    union all
    select 'quarantine', 'province', '53', l.load_id::varchar, l.load_id, l.rows_read,
           round(100.0 * l.rows_quarantined / nullif(l.rows_read, 0), 1), alert_setting('quarantine_pct'), 'load'
    from mart_dq_load_history l, this_build b
    where l.load_id between b.first_load_id and b.last_load_id and l.rows_read > 0
      and 100.0 * l.rows_quarantined / l.rows_read > alert_setting('quarantine_pct')
)
select * from alerts
