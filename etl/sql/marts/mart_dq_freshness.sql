-- mart_dq_freshness: is each kind of file loaded, and how new is its data?
-- grain: one row per file kind (members, contributions, claims, subsidies)
-- key: kind
-- columns:
--   kind                 members, contributions, claims or subsidies
--   sort_order           display order
--   n_files              files loaded
--   last_loaded_at       when the last one finished
--   rows_loaded          rows loaded in all
--   newest_month         the newest month its data reaches (registration, contribution,
--                        claim or subsidy payment)
with
kinds as (
    select * from (values ('members', 1), ('contributions', 2), ('claims', 3), ('subsidies', 4)) k(kind, sort_order)
),
loads as (
    select kind, count(*) as n_files, max(finished_at) as last_loaded_at, sum(rows_loaded)::bigint as rows_loaded
    from stg_load_log where status = 'loaded' group by kind
),
newest as (
    select 'members' as kind, max(registered_month) as newest_month from stg_members
    union all select 'contributions', max(end_month) from stg_contributions
    union all select 'claims', max(paid_month) from stg_claims
    union all select 'subsidies', max(paid_month) from stg_subsidies
)
select k.kind, k.sort_order, coalesce(l.n_files, 0)::bigint as n_files, l.last_loaded_at,
       coalesce(l.rows_loaded, 0)::bigint as rows_loaded, n.newest_month
from kinds k left join loads l using (kind) left join newest n using (kind)
order by k.sort_order
