-- mart_change_tiers: regencies whose tier changed with the published build, against the
-- warehouse it replaced (hist_prev_regency), for the "what changed" page and the digest.
-- grain: one row per regency whose tier changed
-- key: regency_code
-- columns:
--   regency_code         Kemendagri code
--   regency_name         its name
--   tier_before          tier before the build
--   tier_after           tier now
--   label_before_id      names of both tiers in Indonesian and English
--   label_before_en
--   label_after_id
--   label_after_en
--   n_before             active goal-segment members before
--   n_after              active now
select r.regency_code, r.regency_name, p.tier as tier_before, r.tier as tier_after,
       b.label_id as label_before_id, b.label_en as label_before_en,
       r.tier_label_id as label_after_id, r.tier_label_en as label_after_en,
       p.n_active as n_before, r.n_active as n_after
from mart_regency_progress r
join hist_prev_regency p using (regency_code)
join cfg_tiers b on b.tier = p.tier
where r.tier <> p.tier
