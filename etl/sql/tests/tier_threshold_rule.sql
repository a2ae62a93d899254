-- the next tier's threshold is exactly where the tier rule switches: with next_tier_members
-- active a region reaches the next tier, with one fewer it does not; and the tier is the rule's
select level, area_code, n_active, target, tier, next_tier, next_tier_members
from mart_tier_progress
where tier <> tier_of(n_active, target)
   or (next_tier is not null and (tier_of(next_tier_members, target) < next_tier
                                  or tier_of(next_tier_members - 1, target) >= next_tier
                                  or members_to_next <> next_tier_members - n_active
                                  or members_to_next <= 0))
   or (next_tier is null and tier <> (select max(tier) from cfg_tiers));
