-- mart_builds: every build that published: when, the as-of month before and after, and the
-- loads it brought (load ids first..last; none for a rebuild after a configuration change).
-- grain: one row per build
-- key: build_id
-- columns:
--   build_id             the build
--   built_at             when it was built
--   as_of_before         the as-of month of the warehouse it replaced
--   as_of_after          its as-of month
--   first_load_id        its first load (NULL: no file, a rebuild)
--   last_load_id         its last load
--   is_latest            the build now published
with
current as (
    select coalesce((select max(build_id) from hist_build), 0) + 1 as build_id,
           strftime(now(), '%Y-%m-%d %H:%M:%S')::timestamp as built_at,
           (select max(as_of_month) from hist_prev_meta) as as_of_before,
           (select as_of_month from int_as_of) as as_of_after,
           (select min(load_id) from stg_load_log where load_id > (select coalesce(max(max_load_id), 0) from hist_prev_meta)) as first_load_id,
           (select max(load_id) from stg_load_log where load_id > (select coalesce(max(max_load_id), 0) from hist_prev_meta)) as last_load_id
)
select *, false as is_latest from hist_build
union all
select *, true from current
