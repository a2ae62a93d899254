-- mart_changes: what every published load changed, by component and by the file that caused
-- it: active goal-segment members before and after, and the parts of the difference (new
-- registrations, reactivations, lapses, moves between regencies, corrections from superseding
-- or conflicting files; int_change_members defines them). The history of earlier builds
-- (hist_change) and this build's (int_change_regency).
-- grain: one row per build x area (province '53' and each regency) x component x load
-- key: build_id, level, area_code, component, load_id
-- nullable: load_id
-- columns:
--   build_id             the build that published the change (mart_builds)
--   level                'province' or 'regency'
--   area_code            '53' or the regency's Kemendagri code
--   component            before, after, new, reactivated, lapsed, moved_in, moved_out, correction
--   load_id              the load of the file that caused the part (NULL: before/after, or unknown)
--   n_members            members (signed for the parts)
--   is_latest            the build now published
with
current as (select coalesce(max(build_id), 0) + 1 as build_id from hist_build),
rows as (
    select build_id, regency_code, component, load_id, n_members from hist_change
    union all
    select (select build_id from current), regency_code, component, load_id, n_members from int_change_regency
),
levels as (
    select build_id, 'regency' as level, regency_code as area_code, component, load_id, n_members from rows
    union all
    select build_id, 'province', '53', component, load_id, sum(n_members)::bigint from rows group by all
)
select *, build_id = (select build_id from current) as is_latest from levels
