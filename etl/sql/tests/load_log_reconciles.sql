-- rows read = loaded + quarantined, and the quarantine table holds every quarantined row
select l.load_id, l.rows_read, l.rows_loaded, l.rows_quarantined, count(q.row_number) as n_q
from stg_load_log l left join stg_quarantine q using (load_id)
where l.status = 'loaded'
group by all
having l.rows_read <> l.rows_loaded + l.rows_quarantined or count(q.row_number) <> l.rows_quarantined;
