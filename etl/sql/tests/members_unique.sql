-- one row per member
select member_key, count(*) as n from members group by member_key having count(*) > 1;
