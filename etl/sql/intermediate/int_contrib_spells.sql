-- int_contrib_spells: contribution spells with their Rupiah split by programme.
-- grain: one row per contribution spell (loaded rows, and estimated spells of members
-- without contribution rows)
-- Loaded spells (is_estimate = false): every contributions row, as collected (overlaps kept:
-- money paid twice was collected twice). Estimated spells (is_estimate = true): for a member
-- with no contributions rows at all, the member list's paid spell from int_member_spells
-- (registration month to BLTH Iuran Terakhir), priced at the sourced BPU rates.
--
-- Programme split (a decision; the claims page labels it): BPU only. The sourced BPU monthly
-- rates (reference/bpjs_facts.md) are JKK 1% of declared income, min Rp 10,000, max Rp 207,000
-- (PP 44/2015); JKM Rp 6,800 flat; JHT 2% of declared income when the member takes JHT
-- (PP 46/2015). A loaded BPU amount is split in proportion to those rates for the member's
-- declared income and programmes (JHT counted only when the programmes name it; no income:
-- Rp 1,000,000, the lowest bracket), rounded to whole Rupiah with JKM taking the remainder, so
-- jkk_rp + jkm_rp + jht_rp = amount_rp exactly. PU, JAKON, PMI and members missing from the
-- member list have no sourced per-programme rates (PU JKK alone varies 0.24-1.74% by risk
-- class): their whole amount stays in unsplit_rp, and their estimated spells have no amount.
--
-- columns:
--   member_key           pseudonym of the NIK
--   regency_code         member list's regency, else the contributions row's, else 'UNKNOWN'
--   segment_code         member list's segment, else 'UNKNOWN'
--   payer_code           who paid
--   start_month          first month paid for
--   end_month            last month paid for
--   n_months             months in the spell
--   amount_rp            Rupiah of the spell (NULL when it cannot be estimated)
--   jkk_rp               its JKK part (BPU only)
--   jkm_rp               its JKM part (BPU only)
--   jht_rp               its JHT part (BPU only)
--   unsplit_rp           the whole amount for other segments
--   is_estimate          estimated from the member list, not loaded
with
rates as (
    select 10000 as jkk_min_rp, 207000 as jkk_max_rp, 0.01 as jkk_rate,
           6800 as jkm_rp, 0.02 as jht_rate, 1000000 as default_income_rp
),
loaded as (
    select c.member_key,
           coalesce(m.regency_code, c.regency_code, 'UNKNOWN') as regency_code,
           coalesce(m.segment_code, 'UNKNOWN') as segment_code,
           c.payer_code, c.start_month, c.end_month,
           c.amount_rp, coalesce(c.programmes, m.programmes) as programmes,
           m.declared_income_rp, false as is_estimate
    from stg_contributions c
    left join stg_members m using (member_key)
),
estimated as (
    select s.member_key, s.regency_code, s.segment_code, s.payer_code, s.start_month, s.end_month,
           null::bigint as amount_rp, m.programmes, m.declared_income_rp, true as is_estimate
    from int_member_spells s
    join stg_members m using (member_key)
    where not exists (select 1 from stg_contributions c where c.member_key = s.member_key)
),
spells as (
    select *, (date_diff('month', start_month, end_month) + 1)::bigint as n_months
    from (select * from loaded union all select * from estimated)
),
weighted as (   -- monthly rate of each BPU programme for this member (0 when not split)
    select s.*,
           s.segment_code = 'BPU' as is_split,
           least(greatest(coalesce(s.declared_income_rp, r.default_income_rp) * r.jkk_rate,
                          r.jkk_min_rp), r.jkk_max_rp) as jkk_w,
           r.jkm_rp::double as jkm_w,
           case when upper(coalesce(s.programmes, '')) like '%JHT%'
                then coalesce(s.declared_income_rp, r.default_income_rp) * r.jht_rate else 0 end as jht_w
    from spells s cross join rates r
),
priced as (     -- estimated BPU spells: months x the monthly rates, each rounded to whole Rupiah
    select * replace (
        case when is_estimate and is_split
             then n_months * (round(jkk_w) + round(jkm_w) + round(jht_w))::bigint
             else amount_rp end as amount_rp)
    from weighted
),
split as (
    select *,
           case when is_split then round(amount_rp * jkk_w / (jkk_w + jkm_w + jht_w))::bigint else 0 end as jkk_rp,
           case when is_split then round(amount_rp * jht_w / (jkk_w + jkm_w + jht_w))::bigint else 0 end as jht_rp
    from priced
),
final as (
    select member_key, regency_code, segment_code, payer_code, start_month, end_month, n_months,
           amount_rp,
           jkk_rp,
           case when is_split then amount_rp - jkk_rp - jht_rp else 0 end as jkm_rp,
           jht_rp,
           case when is_split then 0 else amount_rp end as unsplit_rp,
           is_estimate
    from split
    where end_month >= start_month
)
select * from final
