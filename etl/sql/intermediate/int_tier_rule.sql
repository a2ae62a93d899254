-- The tier rule, defined once here (macros, no table) and used by every mart that assigns
-- a tier (mart_regency_progress, mart_area_progress, mart_tier_*) and by the tier page's
-- "what if" (ui/queries.py tier_what_if):
--   tier_of(n, target): the highest tier of cfg_tiers whose min_pct * target <= n * 100
--   (the same comparison as mart_regency_progress; cfg_tiers always has a 0% tier).
--   tier_min_members(min_pct, target): the fewest active members with which that
--   comparison holds, i.e. the members a region needs to reach a tier of min_pct.
-- Both macros are stored in the warehouse, so the read-only dashboard can call them.
create or replace macro tier_of(n_active, n_target) as (
    select max(c.tier) from cfg_tiers c where n_active * 100.0 >= c.min_pct * n_target
);

create or replace macro tier_min_members(min_pct, n_target) as (
    case when greatest(ceil(min_pct * n_target / 100.0) - 1, 0) * 100.0 >= min_pct * n_target
              then greatest(ceil(min_pct * n_target / 100.0) - 1, 0)
         when ceil(min_pct * n_target / 100.0) * 100.0 >= min_pct * n_target
              then ceil(min_pct * n_target / 100.0)
         else ceil(min_pct * n_target / 100.0) + 1 end
)::bigint;

