-- contributions spread over months keep every Rupiah collected (whole Rupiah, no rounding
-- drift), and a programme split exists only for BPU
select 'loaded' as what, (select coalesce(sum(amount_rp), 0) from stg_contributions) as expected,
       coalesce(sum(contrib_rp), 0) as got
from mart_contrib_monthly where not is_estimate
having coalesce(sum(contrib_rp), 0) <> (select coalesce(sum(amount_rp), 0) from stg_contributions)
union all
select 'split', count(*), 0 from mart_contrib_monthly
where (programme_code = 'TOTAL') = has_programme_split(segment_code) or contrib_rp < 0
having count(*) > 0
union all
select 'spells', count(*), 0 from int_contrib_spells
where amount_rp is not null and jkk_rp + jkm_rp + jht_rp + unsplit_rp <> amount_rp
having count(*) > 0;
