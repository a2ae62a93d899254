-- mart_dq_completeness: which regencies' data is missing or late. For the 12 months up to the
-- as-of month (without members: the newest claim month; without either: the current month),
-- new registrations and claims paid per regency and month, and each regency's status:
-- 'missing' (no rows in the 12 months), 'late' (none in the last 3) or 'ok'.
-- grain: one row per regency x month (all 22 regencies, every month, zeros included)
-- key: regency_code, month
-- columns:
--   regency_code         Kemendagri code
--   regency_bps_code     BPS code
--   regency_label        short label
--   regency_name         official name
--   month                first day of the month
--   n_new_members        registrations in the month
--   n_claims             claims paid in the month
--   is_recent            the month is one of the last 3
--   status               'missing', 'late' or 'ok'
--   last_month_with_data the regency's newest month with a row in the window
with
last_month as (
    select coalesce((select as_of_month from int_as_of), (select max(paid_month) from stg_claims),
                    date_trunc('month', current_date)::date) as m
),
months as (
    select unnest(generate_series((select m from last_month) - to_months(11), (select m from last_month),
                                  interval 1 month))::date as month
),
new_members as (select regency_code, registered_month as month, count(*) as n from stg_members group by all),
claim_rows as (select regency_code, paid_month as month, count(*) as n from stg_claims group by all),
grid as (
    select r.kemendagri_code as regency_code, r.bps_code as regency_bps_code, r.label as regency_label,
           r.name as regency_name, m.month,
           coalesce(nm.n, 0)::bigint as n_new_members, coalesce(c.n, 0)::bigint as n_claims,
           m.month > (select m from last_month) - to_months(3) as is_recent
    from ref_regency r cross join months m
    left join new_members nm on nm.regency_code = r.kemendagri_code and nm.month = m.month
    left join claim_rows c on c.regency_code = r.kemendagri_code and c.month = m.month
),
status as (
    select regency_code,
           max(month) filter (where n_new_members + n_claims > 0) as last_month_with_data,
           case when sum(n_new_members + n_claims) = 0 then 'missing'
                when coalesce(sum(n_new_members + n_claims) filter (where is_recent), 0) = 0 then 'late'
                else 'ok' end as status
    from grid group by regency_code
)
select g.*, s.status, s.last_month_with_data
from grid g join status s using (regency_code)
order by g.regency_code, g.month
