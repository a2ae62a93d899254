-- grain: one row per month x regency x segment x payer: active members by who pays.
create or replace table mart_payer_monthly as
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
    select month, regency_code, segment_code, payer_code, n_start, n_end,
           (sum(n_start - n_end) over (partition by regency_code, segment_code, payer_code order by month
                                        rows between unbounded preceding and current row))::bigint as n_active
    from flows
)
select * from final;
