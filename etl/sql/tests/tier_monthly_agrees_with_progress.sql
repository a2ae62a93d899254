-- at the as-of month the monthly tier mart and mart_tier_progress agree with
-- mart_regency_progress (its own tier expression) on active members and tier, for all 22
-- (a warehouse without members has no months, and so no monthly tiers)
select r.regency_code, r.n_active, r.tier, m.n_active, m.tier as monthly_tier,
       p.n_active as progress_active, p.tier as progress_tier
from mart_regency_progress r
left join mart_tier_monthly m on m.regency_code = r.regency_code
                             and m.month = (select as_of_month from int_as_of)
left join mart_tier_progress p on p.level = 'regency' and p.area_code = r.regency_code
where exists (select 1 from int_calendar)
  and (m.tier is distinct from r.tier or m.n_active is distinct from r.n_active
       or p.tier is distinct from r.tier or p.n_active is distinct from r.n_active);
