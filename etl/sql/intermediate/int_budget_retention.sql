-- int_budget_retention: does a worker stay once a budget stops paying? Before suppression.
-- Cohort: members with a spell paid by a budget payer (ref_payer.is_budget_paid) ending in
-- month E of the budget year, where the same payer does not pay E + 1 (a renewal is not an end)
-- and E is before the as-of month (a spell reaching the as-of month may still be running).
-- A member with several such ends for one payer in a year counts once, at the last. Members
-- with a JKM (death) claim are left out: their spell ended because they died.
-- For h = 3, 6, 12: n_observable_h = cohort members with E + h before the as-of month (the
-- as-of month itself may still receive late payments); n_paying_h = of those, members who pay
-- (themselves or any other payer: a paid spell in int_member_spells) in month E + h.
-- grain: one row per budget payer x regency (member list) x budget year with an ended cohort
-- key: payer_code, regency_code, budget_year
-- columns:
--   payer_code           the budget or donor
--   regency_code         the member list's regency (at the end)
--   budget_year          year of the end month
--   n_cohort             members whose budget-paid cover ended
--   n_observable_3       of them, members with E + 3 before the as-of month
--   n_paying_3           of those, members paying in E + 3
--   n_observable_6       the same for 6 months
--   n_paying_6
--   n_observable_12      the same for 12 months
--   n_paying_12
with
as_of as (select as_of_month from int_as_of),
budget_spells as (
    select s.member_key, s.regency_code, s.payer_code, s.start_month, s.end_month
    from int_member_spells s
    join ref_payer p on p.payer_code = s.payer_code and p.is_budget_paid
),
ends as (
    select b.member_key, b.regency_code, b.payer_code, b.end_month,
           year(b.end_month) as budget_year
    from budget_spells b
    where b.end_month < (select as_of_month from as_of)
      and not exists (select 1 from stg_claims k where k.member_key = b.member_key and k.programme_code = 'JKM')
      and not exists (select 1 from budget_spells n
                      where n.member_key = b.member_key and n.payer_code = b.payer_code
                        and n.start_month = (b.end_month + interval 1 month)::date)
),
cohort as (
    select member_key, payer_code, budget_year,
           arg_max(regency_code, end_month) as regency_code, max(end_month) as end_month
    from ends group by all
),
horizons as (
    select c.*, h.h, (c.end_month + to_months(h.h))::date as at_month
    from cohort c cross join (select unnest([3, 6, 12]) as h) h
),
checked as (
    select h.*, h.at_month < (select as_of_month from as_of) as is_observable,
           exists (select 1 from int_member_spells s
                   where s.member_key = h.member_key and h.at_month between s.start_month and s.end_month) as is_paying
    from horizons h
),
final as (
    select payer_code, regency_code, budget_year::integer as budget_year,
           count(distinct member_key) as n_cohort,
           count(*) filter (where h = 3 and is_observable) as n_observable_3,
           count(*) filter (where h = 3 and is_observable and is_paying) as n_paying_3,
           count(*) filter (where h = 6 and is_observable) as n_observable_6,
           count(*) filter (where h = 6 and is_observable and is_paying) as n_paying_6,
           count(*) filter (where h = 12 and is_observable) as n_observable_12,
           count(*) filter (where h = 12 and is_observable and is_paying) as n_paying_12
    from checked
    group by all
)
select * from final
