-- the next tier's threshold is exactly where the tier rule switches: with n_for_next_tier
-- active a region reaches the next tier, with one fewer it does not; and the tier is the rule's
select level, area_code, n_active, target, tier, next_tier, n_for_next_tier
from mart_tier_progress
where tier <> tier_of(n_active, target)
   or (next_tier is not null and (tier_of(n_for_next_tier, target) < next_tier
                                  or tier_of(n_for_next_tier - 1, target) >= next_tier
                                  or n_to_next_tier <> n_for_next_tier - n_active
                                  or n_to_next_tier <= 0))
   or (next_tier is null and tier <> (select max(tier) from cfg_tiers))
union all
select t.level, t.area_code, t.n_min_members, t.target, t.tier, null, null
from mart_tier_thresholds t
where tier_of(t.n_min_members, t.target) < t.tier
   or (t.n_min_members > 0 and tier_of(t.n_min_members - 1, t.target) >= t.tier)
