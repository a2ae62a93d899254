-- The tier rule, defined once here and used by every mart that assigns a tier and by the
-- tier page's "what if" (through mart_tier_thresholds):
--   tier_of(n, target): the highest tier of cfg_tiers whose min_pct * target <= n * 100
--   (cfg_tiers always has a 0% tier).
--   next_tier_of(n, target): the lowest tier that n does not reach yet (NULL at the top).
--   tier_min_members(min_pct, target): the fewest active members with which the
--   comparison of tier_of holds, i.e. the members a region needs to reach a tier of min_pct.
create or replace macro tier_of(n_active, n_target) as (
    select max(c.tier) from cfg_tiers c where n_active * 100.0 >= c.min_pct * n_target
);

create or replace macro next_tier_of(n_active, n_target) as (
    select min(c.tier) from cfg_tiers c where n_active * 100.0 < c.min_pct * n_target
);

create or replace macro tier_min_members(min_pct, n_target) as (
    case when greatest(ceil(min_pct * n_target / 100.0) - 1, 0) * 100.0 >= min_pct * n_target
              then greatest(ceil(min_pct * n_target / 100.0) - 1, 0)
         when ceil(min_pct * n_target / 100.0) * 100.0 >= min_pct * n_target
              then ceil(min_pct * n_target / 100.0)
         else ceil(min_pct * n_target / 100.0) + 1 end
)::bigint;
