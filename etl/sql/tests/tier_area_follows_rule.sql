-- districts and villages (mart_area_progress) follow the same tier rule where shown
select level, area_code, n_active, target, tier from mart_area_progress
where n_active is not null and tier is distinct from tier_of(n_active, target);
