-- grain: one row per member x paid spell (a run of paid months with one payer),
-- overlaps between a member's spells clipped so a member is counted once a month.
-- A member is active in month M when registered on or before M and M lies in a spell.
create or replace table int_member_spells as
with
contribution_spells as (
    select member_key, period_start_month as start_month, period_end_month as end_month, payer_code
    from contributions
),
fallback_spells as (   -- a member list's last paid month stands in when no contribution rows exist
    select m.member_key, date_trunc('month', m.registered_date)::date, m.last_paid_month, m.payer_code
    from members m
    where m.last_paid_month is not null
      and not exists (select 1 from contributions c where c.member_key = m.member_key)
),
joined as (
    select s.member_key, s.start_month, s.end_month, s.payer_code,
           m.regency_code, m.district_code, m.village_code, m.segment_code, m.sector_code,
           date_trunc('month', m.registered_date)::date as registered_month
    from (select * from contribution_spells union all select * from fallback_spells) s
    join members m using (member_key)
),
from_registration as (
    select *, greatest(start_month, registered_month) as start0
    from joined where end_month >= registered_month
),
with_previous as (
    select *, max(end_month) over (partition by member_key order by start0, end_month
                                   rows between unbounded preceding and 1 preceding) as prev_end
    from from_registration
),
clipped as (
    select * exclude (start_month),
           case when prev_end is null then start0
                else greatest(start0, (prev_end + interval 1 month)::date) end as start_month
    from with_previous
),
kept as (
    select * from clipped where start_month <= end_month
),
final as (
    select member_key, regency_code, district_code, village_code, segment_code, sector_code, payer_code,
           start_month, end_month,
           prev_end is null as is_first_spell,
           prev_end is not null and start_month > (prev_end + interval 1 month)::date as is_reactivation,
           coalesce(lead(start_month) over (partition by member_key order by start_month)
                    > (end_month + interval 1 month)::date, true) as is_followed_by_gap
    from kept
)
select * from final;
