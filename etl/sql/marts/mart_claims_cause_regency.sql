-- mart_claims_cause_regency: a regency's claims by cause, per calendar year, each cell through
-- the one suppression stage (int_disclosure, families cause:<programme>:<year>).
-- grain: one row per regency x programme x year x cause (every cause seen that year in the
-- province, zeros included)
-- key: regency_code, programme_code, paid_year, cause
-- columns:
--   regency_code         Kemendagri code
--   programme_code       JKK, JKM, JHT, JP
--   paid_year            calendar year of payment
--   cause                cause as written ('' when none)
--   n_claims             claims paid (NULL when hidden)
--   claims_rp            Rupiah paid (NULL when hidden)
--   is_suppressed        the cell's figures are hidden (small counts)
select c.regency_code, c.programme_code, c.paid_year, c.cause,
       case when not h.is_hidden then c.n_claims end as n_claims,
       case when not h.is_hidden then c.claims_rp end as claims_rp,
       h.is_hidden as is_suppressed
from int_claims_cause_year c
join int_disclosure h on h.family = 'cause:' || c.programme_code || ':' || c.paid_year
                     and h.cell_id = c.regency_code || ':' || c.cause
