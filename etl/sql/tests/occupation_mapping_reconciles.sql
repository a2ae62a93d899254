-- every member is in the mapping once, and no shown occupation text has fewer members
-- than cfg_settings.suppress_below
select 'total' as what, null as occupation_norm, (select sum(n_members) from mart_occupation_mapping) as n
where (select coalesce(sum(n_members), 0) from mart_occupation_mapping) <> (select count(*) from stg_members)
union all
select 'rare_text_shown', occupation_norm, n_members from mart_occupation_mapping
where occupation_norm is not null
  and n_members < suppress_threshold();
