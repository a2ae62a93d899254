-- one row per claim number
select claim_id, count(*) as n from claims group by claim_id having count(*) > 1;
