-- int_payer_monthly: active members by who pays, month by month.
-- grain: one row per month x regency x segment x payer
-- key: month, regency_code, segment_code, payer_code
-- columns:
--   month                first day of the month
--   regency_code         Kemendagri code
--   segment_code         BPU, PU, JAKON, PMI
--   payer_code           who pays the spell covering the month
--   n_active             active members paid by this payer in the month
with
dims as (select distinct regency_code, segment_code, payer_code from int_member_spells),
grid as (select c.month, d.* from int_calendar c cross join dims d),
starts as (select start_month as month, regency_code, segment_code, payer_code, count(*) as n
           from int_member_spells group by all),
ends as (select (end_month + interval 1 month)::date as month, regency_code, segment_code, payer_code, count(*) as n
         from int_member_spells group by all),
flows as (
    select g.*, coalesce(s.n, 0) as n_start, coalesce(e.n, 0) as n_end
    from grid g
    left join starts s using (month, regency_code, segment_code, payer_code)
    left join ends e using (month, regency_code, segment_code, payer_code)
),
final as (
    select month, regency_code, segment_code, payer_code,
           (sum(n_start - n_end) over (partition by regency_code, segment_code, payer_code order by month
                                        rows between unbounded preceding and current row))::bigint as n_active
    from flows
)
select * from final
