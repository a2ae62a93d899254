-- int_member_spells: the paid spells of each member, overlaps clipped so that a member
-- counts once a month. THE definition of active: a member is active in month M when
-- registered on or before M and M lies in one of these spells.
-- grain: one row per member x paid spell (a run of paid months with one payer)
-- key: member_key, start_month
-- columns:
--   member_key           pseudonym of the NIK
--   regency_code         the member list's regency
--   district_code        the member list's district
--   village_code         the member list's village
--   segment_code         BPU, PU, JAKON, PMI
--   sector_code          sector of the occupation
--   payer_code           who paid the spell
--   start_month          first month of the spell (not before registration)
--   end_month            last month of the spell
--   is_first_spell       the member's first spell
--   is_reactivation      a spell after a gap of unpaid months
--   is_followed_by_gap   no spell starts the month after this one ends
--   source_load_id       the load whose file gave the spell (a contribution list, or the member
--                        list's last paid month)
with
contribution_spells as (
    select member_key, start_month, end_month, payer_code, load_id as source_load_id
    from stg_contributions
),
fallback_spells as (   -- a member list's last paid month stands in when no contribution rows exist
    select m.member_key, m.registered_month, m.last_paid_month, m.payer_code, m.load_id
    from stg_members m
    where m.last_paid_month is not null
      and not exists (select 1 from stg_contributions c where c.member_key = m.member_key)
),
joined as (      -- narrow rows through the windows; the member's areas, segment and sector are
                  -- joined at the end (wide rows spilled: 49 s instead of 30 s at 10M under 4 GiB)
    select s.member_key, s.start_month, s.end_month, s.payer_code, s.source_load_id,
           m.registered_month
    from (select * from contribution_spells union all select * from fallback_spells) s
    join stg_members m using (member_key)
),
from_registration as (
    select *, greatest(start_month, registered_month) as start0
    from joined where end_month >= registered_month
),
several as (       -- members with more than one spell: only theirs need the windows below
    select member_key from from_registration group by member_key having count(*) > 1
),
with_previous as (
    select f.*, max(f.end_month) over (partition by f.member_key order by f.start0, f.end_month
                                       rows between unbounded preceding and 1 preceding) as prev_end,
           true as is_several
    from from_registration f semi join several s using (member_key)
    union all
    select f.*, null::date as prev_end, false as is_several
    from from_registration f anti join several s using (member_key)
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
followed as (       -- the next spell of the member, when it has one
    select *, lead(start_month) over (partition by member_key order by start_month) as next_start
    from kept where is_several
    union all
    select *, null::date as next_start from kept where not is_several
),
final as (
    select member_key, m.regency_code, m.district_code, m.village_code, m.segment_code, m.sector_code, f.payer_code,
           start_month, end_month,
           prev_end is null as is_first_spell,
           prev_end is not null and start_month > (prev_end + interval 1 month)::date as is_reactivation,
           coalesce(next_start > (end_month + interval 1 month)::date, true) as is_followed_by_gap,
           source_load_id
    from followed f join stg_members m using (member_key)
)
select * from final
