-- mart_sector_regency: coverage of each regency's estimated informal workforce by sector.
-- n_active comes from mart_regency_mix (dimension 'sector'), so a cell is hidden exactly as
-- on the regency page. workforce_est is an ESTIMATE: ref_regency.informal_workforce_est x
-- ref_sector.informal_share_est, rounded.
-- grain: one row per regency x sector (all 22 regencies x every sector) at the as-of month,
-- goal segments only
-- key: regency_code, sector_code
-- columns:
--   regency_code         Kemendagri code
--   regency_name         official name
--   regency_label        short label
--   island               main island
--   sector_code          sector
--   name_id              its name in Indonesian
--   name_en              its name in English
--   sort_order           display order
--   workforce_est        estimated informal workforce of the sector in the regency
--   n_active             active goal-segment members (NULL when hidden)
--   coverage_pct         100 * n_active / workforce_est (NULL when hidden)
--   is_suppressed        the cell's figures are hidden (small counts)
--   as_of_month          the month the data speaks for
with
mix as (select regency_code, category_code as sector_code, n_active, is_suppressed
        from mart_regency_mix where dimension = 'sector'),
grid as (
    select r.kemendagri_code as regency_code, r.name as regency_name, r.label as regency_label,
           r.island, s.sector_code, s.name_id, s.name_en, s.sort_order,
           round(r.informal_workforce_est * s.informal_share_est)::bigint as workforce_est
    from ref_regency r cross join ref_sector s
),
final as (
    select g.*,
           m.n_active,
           case when not m.is_suppressed and g.workforce_est > 0
                then round(100.0 * m.n_active / g.workforce_est, 2) end as coverage_pct,
           m.is_suppressed, (select as_of_month from int_as_of) as as_of_month
    from grid g left join mix m using (regency_code, sector_code)
)
select * from final order by regency_code, sort_order
