-- mart_added: what every published load added: claims (cases, Rupiah) and contributions (rows,
-- Rupiah) by programme (contributions split by programme for BPU; TOTAL otherwise) and load.
-- grain: one row per build x kind x programme x load
-- key: build_id, kind, programme_code, load_id
-- columns:
--   build_id             the build (mart_builds)
--   kind                 'claims' or 'contributions'
--   programme_code       JKK, JKM, JHT, JP or TOTAL
--   load_id              the load
--   n_rows               claims, or contribution rows of the files (int_change_added)
--   amount_rp            Rupiah
--   is_latest            the build now published
with current as (select coalesce(max(build_id), 0) + 1 as build_id from hist_build)
select build_id, kind, programme_code, load_id, n_rows, amount_rp, false as is_latest from hist_added
union all
select (select build_id from current), kind, programme_code, load_id, n_rows, amount_rp, true from int_change_added
