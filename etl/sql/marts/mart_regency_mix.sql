-- mart_regency_mix: what each regency's active members are made of, at the as-of month;
-- every cell passes the one suppression stage (int_disclosure, families mix:<dimension>).
-- grain: one row per regency x dimension x category (every category, zeros included)
-- key: regency_code, dimension, category_code
-- columns:
--   regency_code         Kemendagri code
--   dimension            'segment' (every segment, all members), 'sector', 'payer',
--                        'payer_group' ('budget' / 'own'), the last three for the goal segments
--   category_code        the segment, sector, payer or group
--   name_id              its name in Indonesian (payer groups are named by the page)
--   name_en              its name in English
--   sort_order           display order
--   is_goal_segment      segment rows: it counts toward the goal
--   is_budget_paid       payer rows: paid by a budget or donor
--   n_active             active members (NULL when hidden)
--   share_pct            0-100 of the dimension's total in the regency (NULL when hidden)
--   latest_end_month     payer rows: when that payer's current cohort runs out (NULL when hidden)
--   is_suppressed        the cell's figures are hidden (small counts)
--   as_of_month          the month the data speaks for
with
hidden as (select family, cell_id, is_hidden from int_disclosure where family like 'mix:%'),
totals as (select regency_code, dimension, sum(n_active) as total from int_mix_counts group by all),
final as (
    select m.regency_code, m.dimension, m.category_code, m.name_id, m.name_en, m.sort_order,
           m.is_goal_segment, m.is_budget_paid,
           case when not h.is_hidden then m.n_active end as n_active,
           case when not h.is_hidden and t.total > 0 then round(100.0 * m.n_active / t.total, 1) end as share_pct,
           case when not h.is_hidden then m.latest_end_month end as latest_end_month,
           h.is_hidden as is_suppressed,
           (select as_of_month from int_as_of) as as_of_month
    from int_mix_counts m
    join totals t using (regency_code, dimension)
    join hidden h on h.family = 'mix:' || m.dimension and h.cell_id = m.regency_code || ':' || m.category_code
)
select * from final order by regency_code, dimension, sort_order
