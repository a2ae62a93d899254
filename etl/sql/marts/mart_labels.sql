-- mart_labels: the names of every category a page shows, in both languages (segments,
-- sectors, payers, programmes), from the reference tables.
-- grain: one row per dimension x code
-- key: dimension, code
-- columns:
--   dimension            'segment', 'sector', 'payer' or 'programme'
--   code                 the category's code
--   name_id              its name in Indonesian
--   name_en              its name in English
--   sort_order           display order within the dimension
select 'segment' as dimension, segment_code as code, name_id, name_en,
       list_position(['BPU', 'PU', 'JAKON', 'PMI'], segment_code) as sort_order
from ref_segment
union all
select 'sector', sector_code, name_id, name_en, sort_order from ref_sector
union all
select 'payer', payer_code, name_id, name_en, row_number() over (order by is_budget_paid, payer_code) from ref_payer
union all
select 'programme', programme_code, name_id, name_en,
       list_position(['JKK', 'JKM', 'JHT', 'JP'], programme_code) from ref_programme
