-- int_claims_cause_year: claims of each regency by programme, calendar year (of paid_date)
-- and cause, before suppression; every cause seen in the province for that programme and
-- year is listed for every regency, zeros included. Regency pages show causes by calendar
-- year only: a free choice of months would let differences of periods reveal hidden cells.
-- grain: one row per regency x programme x year x cause
-- key: regency_code, programme_code, paid_year, cause
-- columns:
--   regency_code         Kemendagri code (the claims file's)
--   programme_code       JKK, JKM, JHT, JP
--   paid_year            calendar year of payment
--   cause                cause as written ('' when none)
--   n_claims             claims paid
--   claims_rp            Rupiah paid
with
paid as (
    select regency_code, programme_code, year(paid_date)::integer as paid_year, cause,
           count(*) as n, sum(amount_rp) as rp
    from stg_claims group by all
),
causes as (select distinct programme_code, paid_year, cause from paid),
grid as (
    select r.kemendagri_code as regency_code, c.* from ref_regency r cross join causes c
)
select g.regency_code, g.programme_code, g.paid_year, g.cause,
       coalesce(p.n, 0)::bigint as n_claims, coalesce(p.rp, 0)::bigint as claims_rp
from grid g left join paid p using (regency_code, programme_code, paid_year, cause)
