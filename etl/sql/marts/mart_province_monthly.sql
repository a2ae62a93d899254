-- grain: one row per month. Goal columns count the segments configured as
-- counting toward the goal (cfg_settings.goal_segments); per-segment columns beside them.
create or replace table mart_province_monthly as
with
goal as (select segment_code from int_goal_segments),
monthly as (
    select m.*, m.segment_code in (select segment_code from goal) as is_goal
    from mart_regency_monthly m
),
final as (
    select month,
           coalesce(sum(n_active) filter (where is_goal), 0)::bigint as n_active,
           coalesce(sum(n_registered) filter (where is_goal), 0)::bigint as n_registered,
           coalesce(sum(n_lapsed) filter (where is_goal), 0)::bigint as n_lapsed,
           coalesce(sum(n_new) filter (where is_goal), 0)::bigint as n_new,
           coalesce(sum(n_reactivated) filter (where is_goal), 0)::bigint as n_reactivated,
           coalesce(sum(n_stopped) filter (where is_goal), 0)::bigint as n_stopped,
           coalesce(sum(n_active) filter (where segment_code = 'BPU'), 0)::bigint as n_active_bpu,
           coalesce(sum(n_active) filter (where segment_code = 'PU'), 0)::bigint as n_active_pu,
           coalesce(sum(n_active) filter (where segment_code = 'JAKON'), 0)::bigint as n_active_jakon,
           coalesce(sum(n_active) filter (where segment_code = 'PMI'), 0)::bigint as n_active_pmi,
           coalesce(sum(n_registered) filter (where segment_code = 'BPU'), 0)::bigint as n_registered_bpu,
           coalesce(sum(n_registered) filter (where segment_code = 'PU'), 0)::bigint as n_registered_pu,
           coalesce(sum(n_registered) filter (where segment_code = 'JAKON'), 0)::bigint as n_registered_jakon,
           coalesce(sum(n_registered) filter (where segment_code = 'PMI'), 0)::bigint as n_registered_pmi
    from monthly group by month
)
select * from final order by month;
