-- Progress toward a target, defined once:
--   attainment_pct(n, target): 100 * n / target, cut (never rounded up) to two decimals, so
--   a shown 50,00% has reached 50%; 0 when there is no target.
--   per_1000(n, base): n per 1,000 of base (NULL without a base), two decimals.
create or replace macro attainment_pct(n, n_target) as (
    case when n_target > 0 then floor(10000.0 * n / n_target) / 100.0 else 0 end
);

create or replace macro per_1000(n, base) as (
    case when base > 0 then round(1000.0 * n / base, 2) end
);
