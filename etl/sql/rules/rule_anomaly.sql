-- The baseline an unusual month is measured against, defined once (mart_claims_anomaly):
-- a robust log-linear trend through the three yearly totals before the month.
--   median3(a, b, c): the middle one of three values.
--   yearly_log_growth(y1, y2, y3): growth per year (natural log) of a series whose last
--   three twelve-month totals before the month are y1 (oldest), y2, y3: the Theil-Sen slope
--   of three points, median of ln(y2/y1), ln(y3/y2) and ln(y3/y1)/2, so one odd year does
--   not move it; only ln(y3/y2) when y1 is unknown (NULL); 0 when a total is 0 or unknown;
--   bounded to a factor 3 a year either way.
--   trend_at(y3, g, k): the trend k months before the month scored: the mean month of the
--   last twelve (y3 / 12, centred 6.5 months back) carried forward at g a year.
create or replace macro median3(a, b, c) as greatest(least(a, b), least(greatest(a, b), c));

create or replace macro yearly_log_growth(y1, y2, y3) as greatest(-ln(3), least(ln(3),
    case when y1 > 0 and y2 > 0 and y3 > 0 then median3(ln(y2 / y1), ln(y3 / y2), ln(y3 / y1) / 2)
         when y1 is null and y2 > 0 and y3 > 0 then ln(y3 / y2)
         else 0 end));

create or replace macro trend_at(y3, g, k) as (y3 / 12.0 * exp(g * (6.5 - k) / 12.0));
