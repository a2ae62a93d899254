-- int_area_counts: active goal-segment members of every area at the as-of month, before any
-- suppression (never read by a page: mart_area_progress publishes them through int_disclosure).
-- A member whose list named a village but no district is counted in that village's district.
-- grain: one row per regency, district and village of the reference tables, members or not
-- key: level, area_code
-- columns:
--   level                'regency', 'district' (kecamatan) or 'village' (desa/kelurahan)
--   area_code            Kemendagri code
--   parent_code          '53' (province), the regency or the district
--   regency_code         the area's regency
--   area_name            official name
--   target               the area's own target (cfg_target)
--   split_basis          how the target was set: 'informal_workforce_est' (regencies),
--                        'population_2010' (districts), 'equal' (villages) or 'override'
--   population_2010      persons counted by the 2010 census (ref_district; a regency: its
--                        districts' sum; a village: NULL, no village figure exists)
--   n_active             active goal-segment members located in the area
--   n_unlocated          active members of the area located no further (regency: no known
--                        district; district: no known village; village: 0)
with
as_of as (select as_of_month from int_as_of),
active as (
    select s.regency_code, coalesce(s.district_code, v.district_code) as district_code, s.village_code
    from int_member_spells s
    left join ref_village v on v.code = s.village_code
    where is_goal_segment(s.segment_code)
      and (select as_of_month from as_of) between s.start_month and s.end_month
),
areas as (
    select 'regency' as level, r.kemendagri_code as area_code, '53' as parent_code,
           r.kemendagri_code as regency_code, r.name as area_name,
           (select sum(d.population_2010) from ref_district d
            where d.regency_code = r.kemendagri_code)::bigint as population_2010
    from ref_regency r
    union all
    select 'district', code, regency_code, regency_code, name, population_2010::bigint from ref_district
    union all
    select 'village', code, district_code, regency_code, name, null::bigint from ref_village
),
counts as (
    select 'regency' as level, regency_code as area_code, count(*) as n,
           count(*) filter (where district_code is null) as n_unlocated
    from active group by all
    union all
    select 'district', district_code, count(*), count(*) filter (where village_code is null)
    from active where district_code is not null group by all
    union all
    select 'village', village_code, count(*), 0 from active where village_code is not null group by all
)
select a.level, a.area_code, a.parent_code, a.regency_code, a.area_name,
       coalesce(t.target, 0)::bigint as target, t.split_basis, a.population_2010,
       coalesce(c.n, 0)::bigint as n_active, coalesce(c.n_unlocated, 0)::bigint as n_unlocated
from areas a
left join cfg_target t on t.area_code = a.area_code and t.level = a.level
left join counts c on c.area_code = a.area_code and c.level = a.level
