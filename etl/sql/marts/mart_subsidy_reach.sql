-- mart_subsidy_reach: how many of the wage earners a subsidy was meant for it reached.
-- Eligibility rule (stated on the claims page): the wage subsidy (BSU) went to wage earners
-- who were active members by the scheme's cut-off month: eligible = PU members active (a paid
-- spell covering the month, int_member_spells) in June of the scheme year for a 2020 scheme
-- (Permenaker 14/2020: registered by June 2020) and in July for a 2022 scheme (active by July
-- 2022). The wage ceiling (Rp 5 juta in 2020, Rp 3.5 juta in 2022) is not applied. The scheme
-- year is the year written in the scheme name, else the year of its first payment; a scheme
-- of another year has no rule (n_eligible null).
-- grain: one row per subsidy scheme x regency (all 22 regencies for every scheme loaded)
-- key: scheme, regency_code
-- columns:
--   scheme               the scheme
--   regency_code         Kemendagri code
--   eligibility_month    the month by which a member had to be active (NULL: no rule)
--   n_recipients         distinct members whose subsidy rows name this regency
--   n_eligible           eligible members, by the member list's regency
--   n_reached            eligible members who received at least one tranche
with
schemes as (
    select scheme,
           coalesce(try_cast(nullif(regexp_extract(scheme, '(20[0-9]{2})', 1), '') as integer),
                    year(min(paid_date))) as scheme_year
    from stg_subsidies group by scheme
),
rules as (
    select scheme, case scheme_year when 2020 then make_date(2020, 6, 1)
                                    when 2022 then make_date(2022, 7, 1) end as eligibility_month
    from schemes
),
eligible as (
    select distinct r.scheme, s.member_key, s.regency_code
    from rules r
    join int_member_spells s on s.segment_code = 'PU'
                            and r.eligibility_month between s.start_month and s.end_month
),
recipients as (
    select scheme, regency_code, count(distinct member_key) as n_recipients
    from stg_subsidies group by all
),
reached as (
    select e.scheme, e.regency_code, count(*) as n_eligible,
           count(*) filter (where exists (select 1 from stg_subsidies b
                                          where b.scheme = e.scheme and b.member_key = e.member_key)) as n_reached
    from eligible e group by all
),
final as (
    select r.scheme, g.kemendagri_code as regency_code, r.eligibility_month,
           coalesce(p.n_recipients, 0)::bigint as n_recipients,
           case when r.eligibility_month is not null then coalesce(e.n_eligible, 0) end::bigint as n_eligible,
           case when r.eligibility_month is not null then coalesce(e.n_reached, 0) end::bigint as n_reached
    from rules r
    cross join ref_regency g
    left join recipients p on p.scheme = r.scheme and p.regency_code = g.kemendagri_code
    left join reached e on e.scheme = r.scheme and e.regency_code = g.kemendagri_code
)
select * from final
