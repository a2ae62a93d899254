-- int_change_regency: this build's change decomposition by regency: active goal-segment members
-- before (the previous published warehouse) and after, and the parts of the difference by
-- component and load (int_change_members). The parts sum exactly to after - before (data test
-- change_decomposition_adds_up).
-- grain: one row per regency x component x load ('before' and 'after' rows carry no load)
-- key: regency_code, component, load_id
-- nullable: load_id
-- columns:
--   regency_code         Kemendagri code
--   component            before, after, new, reactivated, lapsed, moved_in, moved_out, correction
--   load_id              the load that caused the part (NULL for before/after and unknown causes)
--   n_members            members (signed for the parts)
with
before as (select regency_code, n_active from hist_prev_regency),
after as (select regency_code, n_active from mart_regency_progress),
parts as (
    select regency_code, component, load_id, sum(delta) as n from int_change_members group by all
)
select r.regency_code, 'before' as component, null::integer as load_id, coalesce(b.n_active, 0)::bigint as n_members
from mart_regency_progress r left join before b using (regency_code)
union all
select regency_code, 'after', null, n_active from after
union all
select regency_code, component, load_id, n::bigint from parts where n <> 0
