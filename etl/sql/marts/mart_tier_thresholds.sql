-- mart_tier_thresholds: how many active members each tier takes in each region: the fewest
-- with which the tier rule (tier_of) gives that tier (rule tier_min_members). The tier page's
-- "what if" reads a tier off this table, so it follows the rule without reading cfg_tiers.
-- grain: one row per region (province and the 22 regencies) x tier
-- key: level, area_code, tier
-- columns:
--   level                'province' or 'regency'
--   area_code            '53' or the regency's Kemendagri code
--   target               the region's target
--   tier                 the tier
--   min_pct              its minimum share of the target
--   label_id             its name in Indonesian
--   label_en             its name in English
--   n_min_members        the fewest active members that reach it
select p.level, p.area_code, p.target, c.tier, c.min_pct, c.label_id, c.label_en,
       tier_min_members(c.min_pct, p.target) as n_min_members
from mart_tier_progress p cross join cfg_tiers c
order by p.level, p.area_code, c.tier
