-- active + lapsed = registered, and no negative stock
select * from int_regency_monthly
where n_active + n_lapsed <> n_registered or n_active < 0 or n_lapsed < 0;
