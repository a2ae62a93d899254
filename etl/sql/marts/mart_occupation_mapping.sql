-- mart_occupation_mapping: how free-text occupations became sectors. A text falls to
-- 'lainnya' when no keyword of ref_occupation matched it (or it is blank). Texts held by
-- fewer members than the suppression threshold are folded into one row per sector, so that
-- rare free text is never shown; members without any occupation text make one row.
-- Counts cover all members, every segment; n_members_goal counts the goal segments.
-- grain: one row per sector x normalised occupation text (norm_key: lower case, separators
-- to one space), rare texts folded (occupation_norm NULL, is_rare_group)
-- key: sector_code, occupation_norm, is_rare_group, is_blank
-- nullable: occupation_norm
-- columns:
--   sector_code          sector
--   name_id              its name in Indonesian
--   name_en              its name in English
--   sort_order           display order
--   occupation_norm      the normalised text (NULL for the folded and blank rows)
--   is_rare_group        the row folds texts below the threshold
--   is_blank             the row counts members without occupation text
--   n_texts              distinct normalised texts in the row
--   n_members            members, every segment
--   n_members_goal       members of the goal segments
with
threshold as (select suppress_threshold() as k),
normalised as (
    select sector_code, nullif(norm_key(occupation_text), '') as occupation_norm,
           is_goal_segment(segment_code) as is_goal
    from stg_members
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
select * from final order by sort_order, is_blank, is_rare_group, n_members desc, occupation_norm
