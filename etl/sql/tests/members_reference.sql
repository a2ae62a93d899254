-- every member's regency, segment and sector exist in the reference tables
select m.member_key from stg_members m
where m.regency_code not in (select kemendagri_code from ref_regency)
   or m.segment_code not in (select segment_code from ref_segment)
   or m.sector_code not in (select sector_code from ref_sector)
   or m.payer_code not in (select payer_code from ref_payer);
