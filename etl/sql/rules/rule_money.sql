-- Rupiah attributed to months, defined once: a spell's amount is spread over its months in
-- whole Rupiah; with amount = q * n_months + r, the first r months get q + 1 and the others
-- q, so the months add up to the amount exactly.
--   rp_month_base(amount, n): q;  rp_month_extra(amount, n): r (months that get one more).
-- int_contrib_segments applies it to every spell.
create or replace macro rp_month_base(amount, n_months) as (amount // n_months);

create or replace macro rp_month_extra(amount, n_months) as (amount % n_months);

