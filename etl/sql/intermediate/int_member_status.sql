-- int_member_status: every registered member's standing at the as-of month, the unit the
-- next build compares with (etl/sql/history.sql keeps the previous one).
-- grain: one row per member
-- key: member_key
-- columns:
--   member_key           pseudonym of the NIK
--   regency_code         the member list's regency
--   is_goal              the member's segment counts toward the goal
--   is_registered        registered by the as-of month
--   is_active            registered by the as-of month and a paid spell covers it (int_member_spells)
--   member_load_id       the load of the member list row
--   spell_load_id        the load of the file whose spell makes the member active (NULL when not)
with
as_of as (select as_of_month from int_as_of),
covering as (
    select member_key, any_value(source_load_id) as spell_load_id from int_member_spells
    where (select as_of_month from as_of) between start_month and end_month
    group by member_key
)
select m.member_key, m.regency_code, is_goal_segment(m.segment_code) as is_goal,
       m.registered_month <= (select as_of_month from as_of) as is_registered,
       c.member_key is not null and m.registered_month <= (select as_of_month from as_of) as is_active,
       m.load_id as member_load_id, c.spell_load_id
from stg_members m left join covering c using (member_key)
