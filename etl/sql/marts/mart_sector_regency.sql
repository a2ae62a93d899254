-- grain: one row per regency x sector (all 22 regencies x every sector of ref_sector) at the
-- as-of month, goal segments only (cfg_settings.goal_segments).
-- n_active comes from mart_regency_mix (dimension 'sector'), so a small cell is hidden
-- exactly as on the regency page (suppression 'below_threshold' or 'complement'; n_active
-- and coverage_pct NULL); a sector absent there has no active member (0).
-- workforce_est is an ESTIMATE: ref_regency.informal_workforce_est x
-- ref_sector.informal_share_est, rounded. coverage_pct = 100 * n_active / workforce_est.
-- columns: regency_code, regency_name, regency_label, island, sector_code, name_id, name_en,
--   sort_order, workforce_est, n_active, coverage_pct, suppression, as_of_month.
create or replace table mart_sector_regency as
with
mix as (select regency_code, category_code as sector_code, n_active, suppression
        from mart_regency_mix where dimension = 'sector'),
grid as (
    select r.kemendagri_code as regency_code, r.name as regency_name, r.label as regency_label,
           r.island, s.sector_code, s.name_id, s.name_en, s.sort_order,
           round(r.informal_workforce_est * s.informal_share_est)::bigint as workforce_est
    from ref_regency r cross join ref_sector s
),
final as (
    select g.*,
           case when m.suppression is null then coalesce(m.n_active, 0) end::bigint as n_active,
           case when m.suppression is null and g.workforce_est > 0
                then round(100.0 * coalesce(m.n_active, 0) / g.workforce_est, 2) end as coverage_pct,
           m.suppression, (select as_of_month from int_as_of) as as_of_month
    from grid g left join mix m using (regency_code, sector_code)
)
select * from final order by regency_code, sort_order;
