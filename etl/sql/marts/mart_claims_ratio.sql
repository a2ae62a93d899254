-- mart_claims_ratio: claims against the contributions of the same programmes, segment,
-- regency and month, as an actuary reads them. A page sums the months of a period:
--   JKK_JKM (work accident, death): the loss ratio = claims INCURRED in the months (dated by
--   the accident or death, else the filing, else the payment: int_claims) / contributions
--   EARNED for JKK + JKM in those months (mart_contrib_monthly: the months paid for, with the
--   PP 49/2020 relief applied in the split);
--   JHT_JP (old-age savings, pension): withdrawals PAID in the months / contributions
--   collected for JHT + JP in those months: savings paid back, not a loss ratio.
-- Contributions by programme exist only for segments with a programme split (BPU:
-- has_programme_split); elsewhere contrib_rp is NULL, never 0. Claims incurred in the latest
-- months are still being filed and paid: their ratio grows as later exports arrive.
-- grain: one row per month x regency x segment x programme group with a claim or a contribution
-- key: month, regency_code, segment_code, programme_group
-- columns:
--   month                first day of the month (incurred, paid or paid for, as above)
--   regency_code         Kemendagri code ('UNKNOWN' for contributions of unknown members)
--   segment_code         as in int_claims and mart_contrib_monthly
--   programme_group      'JKK_JKM' (loss ratio) or 'JHT_JP' (withdrawals)
--   n_claims             JKK_JKM: claims incurred in the month; JHT_JP: withdrawals paid in it
--   claims_rp            their Rupiah
--   n_by_incident        of n_claims, dated by the accident or death date
--   n_by_filed           dated by the filing date (no incident date)
--   n_by_paid            dated by the payment date (neither; every JHT_JP withdrawal)
--   contrib_rp           contributions of the group's programmes attributed to the month
--                        (NULL: the segment's contributions are not split by programme)
--   contrib_est_rp       the part of contrib_rp estimated from member lists
--   is_relief_month      a PP 49/2020 relief month (JKK + JKM contributions at 1%)
-- not null: n_claims, claims_rp, n_by_incident, n_by_filed, n_by_paid, is_relief_month
with
claims as (
    select case when programme_group = 'JKK_JKM' then incurred_month else paid_month end as month,
           regency_code, segment_code, programme_group,
           case when programme_group = 'JKK_JKM' then incurred_basis else 'paid' end as basis, amount_rp
    from int_claims
),
claimed as (
    select month, regency_code, segment_code, programme_group,
           count(*) as n_claims, sum(amount_rp) as claims_rp,
           count(*) filter (where basis = 'incident') as n_by_incident,
           count(*) filter (where basis = 'filed') as n_by_filed,
           count(*) filter (where basis = 'paid') as n_by_paid
    from claims group by all
),
earned as (
    select month, regency_code, segment_code, programme_group(programme_code) as programme_group,
           sum(contrib_rp) as contrib_rp, coalesce(sum(contrib_rp) filter (where is_estimate), 0) as contrib_est_rp
    from mart_contrib_monthly
    where programme_group(programme_code) is not null
    group by all
),
joined as (
    select coalesce(c.month, e.month) as month, coalesce(c.regency_code, e.regency_code) as regency_code,
           coalesce(c.segment_code, e.segment_code) as segment_code,
           coalesce(c.programme_group, e.programme_group) as programme_group,
           c.n_claims, c.claims_rp, c.n_by_incident, c.n_by_filed, c.n_by_paid, e.contrib_rp, e.contrib_est_rp
    from claimed c
    full join earned e on e.month = c.month and e.regency_code = c.regency_code
                      and e.segment_code = c.segment_code and e.programme_group = c.programme_group
)
select month, regency_code, segment_code, programme_group,
       coalesce(n_claims, 0)::bigint as n_claims, coalesce(claims_rp, 0)::bigint as claims_rp,
       coalesce(n_by_incident, 0)::bigint as n_by_incident, coalesce(n_by_filed, 0)::bigint as n_by_filed,
       coalesce(n_by_paid, 0)::bigint as n_by_paid,
       case when has_programme_split(segment_code) then coalesce(contrib_rp, 0) end::bigint as contrib_rp,
       case when has_programme_split(segment_code) then coalesce(contrib_est_rp, 0) end::bigint as contrib_est_rp,
       is_relief_month(month) as is_relief_month
from joined
