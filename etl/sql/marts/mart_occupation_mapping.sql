-- grain: one row per sector x normalised occupation text (norm_key of
-- members.occupation_text: lower case, separators to one space) held by at least
-- cfg_settings.suppress_below members; rarer texts are folded into one row per sector
-- (occupation_norm NULL, is_rare_group) so that rare free text is never shown, and members
-- without any occupation text make one row (is_blank). Counts cover all members, every
-- segment; n_members_goal counts the goal segments (cfg_settings.goal_segments).
-- A text falls to 'lainnya' when no keyword of ref_occupation matched it (or it is blank).
-- columns: sector_code, name_id, name_en, sort_order, occupation_norm, is_rare_group,
--   is_blank, n_texts (distinct normalised texts in the row), n_members, n_members_goal.
create or replace table mart_occupation_mapping as
with
threshold as (select suppress_threshold() as k),
goal as (select segment_code from int_goal_segments),
normalised as (
    select sector_code, nullif(norm_key(occupation_text), '') as occupation_norm,
           segment_code in (select segment_code from goal) as is_goal
    from members
),
texts as (
    select sector_code, occupation_norm, count(*) as n_members,
           count(*) filter (where is_goal) as n_members_goal
    from normalised group by all
),
classified as (
    select *, occupation_norm is null as is_blank,
           occupation_norm is not null and n_members < (select k from threshold) as is_rare_group
    from texts
),
folded as (
    select sector_code, case when is_rare_group then null else occupation_norm end as occupation_norm,
           is_rare_group, is_blank, count(*) filter (where not is_blank) as n_texts,
           sum(n_members) as n_members, sum(n_members_goal) as n_members_goal
    from classified group by all
),
final as (
    select f.sector_code, s.name_id, s.name_en, s.sort_order, f.occupation_norm, f.is_rare_group,
           f.is_blank, f.n_texts::bigint as n_texts, f.n_members::bigint as n_members,
           f.n_members_goal::bigint as n_members_goal
    from folded f join ref_sector s using (sector_code)
)
select * from final order by sort_order, is_blank, is_rare_group, n_members desc, occupation_norm;
