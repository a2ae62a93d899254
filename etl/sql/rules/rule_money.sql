-- Rupiah attributed to months, defined once: a spell's amount is spread over its months in
-- whole Rupiah; with amount = q * n_months + r, the first r months get q + 1 and the others
-- q, so the months add up to the amount exactly.
--   rp_month_base(amount, n): q;  rp_month_extra(amount, n): r (months that get one more).
-- int_contrib_segments applies it to every spell.
create or replace macro rp_month_base(amount, n_months) as (amount // n_months);

create or replace macro rp_month_extra(amount, n_months) as (amount % n_months);


-- months_in_year(start_month, end_month, y): how many months of the run start..end fall in
-- calendar year y (0 when none): a spell or run crossing a new year counts in both years.
create or replace macro months_in_year(start_month, end_month, y) as greatest(0,
    months_between(greatest(start_month, make_date(y::integer, 1, 1)),
                   least(end_month, make_date(y::integer, 12, 1))) + 1);
