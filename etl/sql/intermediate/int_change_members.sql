-- int_change_members: what each member did to the count of active goal-segment members of a
-- regency since the previous published warehouse (hist_prev_status), and which load caused it:
--   new          not registered by the previous as-of month, active now (+1)  the member list's load
--   reactivated  registered before, same regency and segment, inactive before and active now
--                (paying again, or for the first time) (+1)       the paying file's load
--   lapsed       same regency and segment, active before, not now (-1)       the member list setting the as-of
--   moved_in /   the member's regency changed (a newer member list): +1 where active now,
--   moved_out    -1 where active before                               the member list's load
--   correction   the member's segment moved in or out of the goal segments, or the member is gone
--                (a superseding or conflicting file): +1 / -1          the member list's load
-- Members whose standing did not change contribute nothing.
-- grain: one row per member x regency touched (up to two when the member moved)
-- columns:
--   member_key           pseudonym of the NIK
--   regency_code         the regency whose count changes
--   component            new, reactivated, lapsed, moved_in, moved_out, correction
--   load_id              the load of the file that caused it (NULL: none known)
--   delta                +1 or -1
with
prev as (select * from hist_prev_status where is_goal and is_active),
cur as (select * from int_member_status where is_goal and is_active),
asof_load as (select max(load_id) as load_id from stg_members where as_of_month = (select as_of_month from int_as_of)),
pairs as (
    select coalesce(c.member_key, p.member_key) as member_key,
           p.regency_code as before_regency, c.regency_code as after_regency,
           coalesce(o.is_registered, false) as was_registered, o.regency_code as old_regency, o.is_goal as old_goal,
           n.member_key is not null as is_registered, n.regency_code as new_regency, n.is_goal as new_goal,
           n.member_load_id, c.spell_load_id
    from cur c
    full join prev p using (member_key)
    left join hist_prev_status o on o.member_key = coalesce(c.member_key, p.member_key)
    left join int_member_status n on n.member_key = coalesce(c.member_key, p.member_key)
    where c.regency_code is distinct from p.regency_code
),
classified as (
    select member_key, after_regency as regency_code, 1 as delta,
           case when not was_registered then 'new'
                when old_regency is distinct from new_regency then 'moved_in'
                when old_goal is distinct from new_goal then 'correction'
                else 'reactivated' end as component,
           case when not was_registered or old_regency is distinct from new_regency
                     or old_goal is distinct from new_goal then member_load_id
                else spell_load_id end as load_id
    from pairs where after_regency is not null
    union all
    select member_key, before_regency, -1,
           case when not is_registered then 'correction'
                when old_regency is distinct from new_regency then 'moved_out'
                when old_goal is distinct from new_goal then 'correction'
                else 'lapsed' end,
           case when is_registered and old_regency is not distinct from new_regency
                     and old_goal is not distinct from new_goal then (select load_id from asof_load)
                else member_load_id end
    from pairs where before_regency is not null
)
select member_key, regency_code, component, load_id, delta from classified
