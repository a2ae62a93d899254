-- int_change_added: what this build's loads added: claims (cases, Rupiah) and contributions
-- (rows, Rupiah: by programme where split, BPU; TOTAL otherwise) per load.
-- grain: one row per kind x programme x load of this build
-- key: kind, programme_code, load_id
-- columns:
--   kind                 'claims' or 'contributions'
--   programme_code       JKK, JKM, JHT, JP, or TOTAL (contributions of unsplit segments)
--   load_id              the load (newer than the previous build's loads)
--   n_rows               claims, or contribution rows of the files (one cut by a relief edge counts
--                        in each piece; a run of month rows counts its rows)
--   amount_rp            Rupiah
with
seen as (select coalesce(max(max_load_id), 0) as load_id from hist_prev_meta),
claims as (
    select 'claims' as kind, programme_code, load_id, count(*) as n_rows, sum(amount_rp) as amount_rp
    from stg_claims where load_id > (select load_id from seen) group by all
),
pieces as (
    select load_id, unnest(['JKK', 'JKM', 'JHT', 'TOTAL']) as programme_code,
           unnest([jkk_rp, jkm_rp, jht_rp, unsplit_rp]) as amount_rp, n_rows
    from int_contrib_spells where not is_estimate and load_id > (select load_id from seen)
),
contributions as (
    select 'contributions', programme_code, load_id, sum(n_rows), sum(amount_rp) from pieces
    where amount_rp > 0 group by all
)
select kind, programme_code, load_id, n_rows::bigint as n_rows, amount_rp::bigint as amount_rp from claims
union all
select * from contributions
