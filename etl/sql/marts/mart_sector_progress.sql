-- mart_sector_progress: coverage of each sector's estimated informal workforce, and growth.
-- workforce_est is an ESTIMATE: the sum over regencies of ref_regency.informal_workforce_est
-- x ref_sector.informal_share_est, rounded. Growth over the last 12 months: change_12m =
-- n_active now - n_active 12 months before (0 before the data starts).
-- grain: one row per sector (every sector of ref_sector), province-wide, at the as-of month;
-- goal segments unless named otherwise
-- key: sector_code
-- columns:
--   sector_code          sector
--   name_id              its name in Indonesian
--   name_en              its name in English
--   sort_order           display order
--   is_agriculture       farming, plantations, livestock, fishing: the governor's named groups
--   informal_share_est   estimated share of informal work in the sector
--   workforce_est        estimated informal workforce of the sector
--   n_active             goal-segment members active
--   n_registered         goal-segment members registered
--   n_lapsed             n_registered - n_active
--   coverage_pct         100 * n_active / workforce_est
--   n_active_all_segments  members of every segment active
--   n_active_12m_ago     active 12 months before
--   change_12m           n_active - n_active_12m_ago
--   growth_share_pct     this sector's share of the province's net change (NULL when 0)
--   n_new_12m            registrations in the 12 months up to the as-of month
--   as_of_month          the month the data speaks for
with
as_of as (select as_of_month from int_as_of),
workforce as (select sum(informal_workforce_est) as total from ref_regency),
now as (select * from mart_sector_monthly where month = (select as_of_month from as_of)),
year_ago as (select sector_code, n_active from mart_sector_monthly
             where month = ((select as_of_month from as_of) - interval 12 month)::date),
new_12m as (select sector_code, sum(n_new) as n_new from mart_sector_monthly
            where month > ((select as_of_month from as_of) - interval 12 month)::date
              and month <= (select as_of_month from as_of)
            group by all),
joined as (
    select s.sector_code, s.name_id, s.name_en, s.sort_order, s.is_agriculture = 'true' as is_agriculture,
           s.informal_share_est,
           round((select total from workforce) * s.informal_share_est)::bigint as workforce_est,
           coalesce(n.n_active, 0) as n_active, coalesce(n.n_registered, 0) as n_registered,
           coalesce(n.n_active_all_segments, 0) as n_active_all_segments,
           coalesce(y.n_active, 0)::bigint as n_active_12m_ago,
           coalesce(w.n_new, 0)::bigint as n_new_12m
    from ref_sector s
    left join now n using (sector_code)
    left join year_ago y using (sector_code)
    left join new_12m w using (sector_code)
),
final as (
    select sector_code, name_id, name_en, sort_order, is_agriculture, informal_share_est, workforce_est,
           n_active, n_registered, n_registered - n_active as n_lapsed,
           case when workforce_est > 0 then round(100.0 * n_active / workforce_est, 2) end as coverage_pct,
           n_active_all_segments, n_active_12m_ago, n_active - n_active_12m_ago as change_12m,
           case when sum(n_active - n_active_12m_ago) over () <> 0
                then round(100.0 * (n_active - n_active_12m_ago)
                           / sum(n_active - n_active_12m_ago) over (), 1) end as growth_share_pct,
           n_new_12m, (select as_of_month from as_of) as as_of_month
    from joined
)
select * from final order by sort_order
