-- stg_members: the member list as loaded (one row per member, the newest list's status),
-- typed and named once for every model downstream.
-- materialized: view
-- grain: one row per member
-- key: member_key
-- columns:
--   member_key           pseudonym of the NIK (keyed hash; the NIK never enters)
--   regency_code         Kemendagri code of the member list's regency (53.xx)
--   district_code        Kemendagri district code, when the list named a known one
--   village_code         Kemendagri village code, when the list named a known one
--   segment_code         BPU, PU, JAKON or PMI
--   sector_code          sector of the occupation text (ref_occupation), 'lainnya' when unmatched
--   occupation_text      the occupation as written
--   payer_code           who pays the member's contributions, by the member list
--   registered_date      date of registration
--   registered_month     its month
--   last_paid_month      the list's last paid month (BLTH Iuran Terakhir), when given
--   declared_income_rp   declared monthly income, Rupiah
--   programmes           programmes taken, as written
--   is_nik_outside_ntt   the NIK's region is outside NTT (province 53)
--   as_of_month          the month the member list speaks for
--   load_id              the load that brought the row (load_log)
select member_key, regency_code, district_code, village_code, segment_code, sector_code,
       occupation_text, payer_code, registered_date,
       date_trunc('month', registered_date)::date as registered_month,
       last_paid_month, declared_income_rp, programmes, is_nik_outside_ntt, as_of_month, load_id
from members
