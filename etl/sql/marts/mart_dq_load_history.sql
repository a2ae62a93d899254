-- mart_dq_load_history: every file loaded, with its reconciliation: rows read = loaded +
-- quarantined, and the quarantine holding exactly the quarantined rows.
-- grain: one row per load
-- key: load_id
-- columns:
--   load_id              the load
--   file_name            the file's name
--   kind                 members, contributions, claims or subsidies
--   status               loaded (or dry-run)
--   started_at           when its load started
--   finished_at          when it finished
--   as_of_month          the month the file speaks for
--   rows_read            data rows read
--   rows_loaded          rows loaded
--   rows_quarantined     rows refused
--   rows_blank           blank rows skipped
--   rows_flagged         loaded rows with a recorded issue
--   n_in_quarantine      rows of this load in the quarantine
--   n_issues             issues recorded for this load
--   is_reconciled        read = loaded + quarantined, and the quarantine holds them all
--   columns_ignored      headers of the file that no field took
--   loaded_by            who loaded it: the signed-in e-mail (load page), cli:<os user> (command line)
--   size_bytes           the file's size in bytes
--   sha256               the SHA-256 of the file's bytes (the same file loaded again is skipped)
with
q as (select load_id, count(*) as n from stg_quarantine group by load_id),
i as (select load_id, count(*) as n from stg_load_issue group by load_id)
select l.load_id, l.file_name, l.kind, l.status, l.started_at, l.finished_at, l.as_of_month,
       l.rows_read, l.rows_loaded, l.rows_quarantined, l.rows_blank, l.rows_flagged,
       coalesce(q.n, 0)::bigint as n_in_quarantine, coalesce(i.n, 0)::bigint as n_issues,
       l.rows_read = l.rows_loaded + l.rows_quarantined and coalesce(q.n, 0) = l.rows_quarantined
           as is_reconciled,
       l.columns_ignored, l.loaded_by, l.size_bytes, l.sha256
from stg_load_log l left join q using (load_id) left join i using (load_id)
order by l.load_id desc
