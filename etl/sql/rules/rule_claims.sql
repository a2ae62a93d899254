-- Claim rules, defined once (int_claims applies them to every claim; mart_claims_ratio
-- groups contributions the same way):
--   programme_group(programme): 'JKK_JKM' for the insurance programmes (work accident,
--   death: a loss ratio), 'JHT_JP' for the savings and pension programmes (withdrawals of
--   what was saved: not a loss ratio).
--   incurred_date(incident, filed, paid): the date a claim is incurred: the accident or
--   death date when the export has it, else the filing date, else the payment date.
--   incurred_basis(incident, filed, paid): which of them it is: 'incident', 'filed', 'paid'.
create or replace macro programme_group(programme_code) as (
    case when programme_code in ('JKK', 'JKM') then 'JKK_JKM'
         when programme_code in ('JHT', 'JP') then 'JHT_JP' end
);

create or replace macro incurred_date(incident, filed, paid) as coalesce(incident, filed, paid);

create or replace macro incurred_basis(incident, filed, paid) as (
    case when incident is not null then 'incident' when filed is not null then 'filed' else 'paid' end
);
