-- int_contrib_spells: contribution spells with their Rupiah split by programme.
-- grain: one row per contribution spell piece: a spell (loaded rows, and estimated spells of
-- members without contribution rows) cut where the PP 49/2020 relief starts and ends
-- Loaded spells (is_estimate = false): every contributions row, as collected (overlaps kept:
-- money paid twice was collected twice). Estimated spells (is_estimate = true): for a member
-- with no contributions rows at all, the member list's paid spell from int_member_spells
-- (registration month to BLTH Iuran Terakhir), priced at the sourced BPU rates.
--
-- Programme split (a decision; the claims page labels it): BPU only (has_programme_split in
-- rules/rule_contrib.sql). The sourced BPU monthly rates (reference/bpjs_facts.md) are JKK 1%
-- of declared income, min Rp 10,000, max Rp 207,000 (PP 44/2015); JKM Rp 6,800 flat; JHT 2%
-- of declared income when the member takes JHT (PP 46/2015); in the PP 49/2020 relief months
-- (rule_contrib.sql) JKK and JKM at 1% of those, taken for every BPU member, as the sources
-- do not say which BPU members were relieved.
-- A spell crossing an edge of the relief window is cut into its pieces before, inside and
-- after it; a loaded amount is shared between its pieces in proportion to months x the
-- monthly total in force (whole Rupiah, the last piece takes the remainder); a run of one-month
-- rows (stg_contributions.n_rows > 1, each month paid the same amount) by months alone, so each
-- piece holds exactly the Rupiah of its months. Each BPU piece
-- is split in proportion to the rates for the member's declared income and programmes (JHT
-- counted only when the programmes name it; no income: Rp 1,000,000, the lowest bracket),
-- rounded to whole Rupiah with JKM taking the remainder, so jkk_rp + jkm_rp + jht_rp =
-- amount_rp exactly. PU, JAKON, PMI and members missing from the member list have no sourced
-- per-programme rates (PU JKK alone varies 0.24-1.74% by risk class): their pieces share the
-- amount by months, the whole of it stays in unsplit_rp, and estimated spells have no amount.
--
-- columns:
--   member_key           pseudonym of the NIK
--   regency_code         member list's regency, else the contributions row's, else 'UNKNOWN'
--   segment_code         member list's segment, else 'UNKNOWN'
--   payer_code           who paid
--   start_month          first month of the piece
--   end_month            last month of the piece
--   n_months             months in the piece
--   is_relief            the piece lies in the PP 49/2020 relief months
--   amount_rp            Rupiah of the piece (NULL when it cannot be estimated)
--   jkk_rp               its JKK part (BPU only)
--   jkm_rp               its JKM part (BPU only)
--   jht_rp               its JHT part (BPU only)
--   unsplit_rp           the whole amount for other segments
--   is_estimate          estimated from the member list, not loaded
--   load_id              the load that brought the contribution row (NULL when estimated)
--   n_rows               rows of the file the piece stands for (a run's piece: its months; else 1)
with
rates as (
    select 10000 as jkk_min_rp, 207000 as jkk_max_rp, 0.01 as jkk_rate,
           6800 as jkm_rp, 0.02 as jht_rate, 1000000 as default_income_rp
),
loaded as not materialized (     -- no CTE below is held whole: each is read where it is used, and
                                  -- the few spells a relief edge cuts are found by a filter on their
                                  -- months (a CTE read twice is held whole, here 16.5M rows at 10M
                                  -- members: 29.9 s under 4 GiB; not held: 11.2 s, the same rows)
    select c.member_key,
           coalesce(m.regency_code, c.regency_code, 'UNKNOWN') as regency_code,
           coalesce(m.segment_code, 'UNKNOWN') as segment_code,
           c.payer_code, c.start_month, c.end_month,
           c.amount_rp, coalesce(c.programmes, m.programmes) as programmes,
           m.declared_income_rp, false as is_estimate, c.load_id, c.n_rows > 1 as is_run
    from stg_contributions c
    left join stg_members m using (member_key)
),
estimated as not materialized (  -- a member without contribution rows has only the spells of
                                  -- its member list's last paid month (int_member_spells), so these
                                  -- are the spells a member list gave
    select s.member_key, s.regency_code, s.segment_code, s.payer_code, s.start_month, s.end_month,
           null::bigint as amount_rp, m.programmes, m.declared_income_rp, true as is_estimate,
           null::integer as load_id, false as is_run
    from int_member_spells s
    join stg_members m using (member_key)
    where s.source_load_id in (select load_id from stg_load_log where kind = 'members')
),
spells as not materialized (      -- n_pieces: 1, or 2-3 when a relief edge cuts the spell; read twice, never
                                  -- held whole (a held copy cannot spill: 10M members did not fit 4 GiB)
    select *,
           1 + (start_month < relief_first_month() and end_month >= relief_first_month())::integer
             + (start_month <= relief_last_month() and end_month > relief_last_month())::integer as n_pieces
    from (select * from loaded union all select * from estimated)
    where end_month >= start_month
),
crossing as (   -- the spells a relief edge cuts (few), numbered so that their pieces find each other
    select *, row_number() over () as spell_id from spells where n_pieces > 1
),
windows as (    -- before, inside and after the relief months
    select date '0001-01-01' as w_start, (relief_first_month() - interval 1 month)::date as w_end
    union all select relief_first_month(), relief_last_month()
    union all select (relief_last_month() + interval 1 month)::date, date '9999-12-01'
),
pieces as not materialized (     -- a spell inside one window is its own piece
    select *, null::bigint as spell_id from spells where n_pieces = 1
    union all by name
    select s.* replace (greatest(s.start_month, w.w_start) as start_month,
                        least(s.end_month, w.w_end) as end_month)
    from crossing s join windows w on s.start_month <= w.w_end and s.end_month >= w.w_start
),
weighted as not materialized (   -- monthly rate of each BPU programme for this member in the piece (0 when not split)
    select p.*, (date_diff('month', p.start_month, p.end_month) + 1)::bigint as n_months,
           is_relief_month(p.start_month) as is_relief,
           has_programme_split(p.segment_code) as is_split,
           case when has_programme_split(p.segment_code) and is_relief_month(p.start_month)
                then relief_keep_share() else 1.0 end as keep,
           least(greatest(coalesce(p.declared_income_rp, r.default_income_rp) * r.jkk_rate,
                          r.jkk_min_rp), r.jkk_max_rp) * keep as jkk_w,
           r.jkm_rp * keep as jkm_w,
           case when upper(coalesce(p.programmes, '')) like '%JHT%'
                then coalesce(p.declared_income_rp, r.default_income_rp) * r.jht_rate else 0 end as jht_w
    from pieces p cross join rates r
),
shared as not materialized (     -- a loaded amount shared by months x the monthly total (months alone when not split)
    select *, n_months * case when is_split and not is_run then jkk_w + jkm_w + jht_w else 1 end as piece_w
    from weighted
),
cut as (        -- the pieces of a spell a relief edge cuts (few): the windows run over these only
    select *, sum(piece_w) over (partition by spell_id) as spell_w,
           row_number() over (partition by spell_id order by start_month desc) = 1 as is_last_piece,
           amount_rp as spell_amount_rp
    from shared where n_pieces > 1
),
cut_shared as (
    select * replace (round(amount_rp * piece_w / spell_w)::bigint as amount_rp)
    from cut
),
cut_exact as (  -- the last piece of a loaded spell takes the remainder
    select * exclude (spell_w, is_last_piece, spell_amount_rp) replace (
        case when is_last_piece and not is_estimate
             then spell_amount_rp - coalesce(sum(amount_rp) over (partition by spell_id) - amount_rp, 0)
             else amount_rp end as amount_rp)
    from cut_shared
),
exact as (      -- a spell in one piece keeps its amount; estimated BPU pieces: months x the monthly
                -- rates, each rounded to whole Rupiah
    select * replace (
        case when is_estimate and is_split
             then n_months * (round(jkk_w) + round(jkm_w) + round(jht_w))::bigint
             when is_estimate then null
             else amount_rp end as amount_rp)
    from (select * from shared where n_pieces = 1 union all by name select * from cut_exact)
),
split as (
    select *,
           case when is_split then round(amount_rp * jkk_w / (jkk_w + jkm_w + jht_w))::bigint else 0 end as jkk_rp,
           case when is_split then round(amount_rp * jht_w / (jkk_w + jkm_w + jht_w))::bigint else 0 end as jht_rp
    from exact
),
final as (
    select member_key, regency_code, segment_code, payer_code, start_month, end_month, n_months, is_relief,
           amount_rp,
           jkk_rp,
           case when is_split then amount_rp - jkk_rp - jht_rp else 0 end as jkm_rp,
           jht_rp,
           case when is_split then 0 else amount_rp end as unsplit_rp,
           is_estimate, load_id, case when is_run then n_months else 1 end as n_rows
    from split
)
select * from final
