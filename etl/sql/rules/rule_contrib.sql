-- Contribution rules, defined once:
--   has_programme_split(segment): the segment's contributions are split by programme (BPU
--   only: the sourced BPU rates; no per-programme rates are sourced for PU, JAKON, PMI).
--   int_contrib_spells splits with it; mart_claims_ratio knows from it where a
--   programme's contributions exist.
-- The PP 49/2020 contribution relief (reference/bpjs_facts.md, section C): JKK and JKM
-- contributions cut by 99% for the contribution months Aug 2020 - Jan 2021 (signed 31 Aug
-- 2020); benefits unchanged.
--   relief_first_month(), relief_last_month(): the first and last relieved month.
--   relief_keep_share(): the share of the JKK + JKM contribution still paid (1%).
--   is_relief_month(m): month m is a relief month.
create or replace macro has_programme_split(segment_code) as (segment_code = 'BPU');

create or replace macro relief_first_month() as date '2020-08-01';

create or replace macro relief_last_month() as date '2021-01-01';

create or replace macro relief_keep_share() as 0.01;

create or replace macro is_relief_month(m) as
    (m::date between relief_first_month() and relief_last_month());
