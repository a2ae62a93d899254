-- Warehouse tables written by the loader. Marts (etl/sql/marts) are rebuilt
-- from these after every load. Personal data never appears here: a member is
-- known by member_key = HMAC-SHA256(secret key, NIK); names, addresses and
-- phone numbers are dropped at ingestion.

create table if not exists load_log (
    load_id integer primary key,        -- one row per file loaded
    file_name varchar not null,
    sha256 varchar not null,
    kind varchar not null,
    status varchar not null,            -- loaded | dry-run
    rows_read bigint not null,          -- data rows (blank rows not counted)
    rows_loaded bigint not null,
    rows_quarantined bigint not null,
    rows_blank bigint not null,
    rows_flagged bigint not null,       -- loaded rows with a warning in load_issue
    as_of_month date,                   -- newest month the file speaks for
    started_at timestamp not null,
    finished_at timestamp not null,
    columns_used varchar,               -- header -> field, as mapped
    columns_ignored varchar,
    as_of_rule varchar                  -- what decided as_of_month: option, title, file_name,
                                        -- last_paid_month, registered_date (members), load_month
);
alter table load_log add column if not exists as_of_rule varchar;
alter table load_log add column if not exists loaded_by varchar;   -- who: the signed-in e-mail, cli:<os user>
alter table load_log add column if not exists size_bytes bigint;   -- the file's size as read

create table if not exists quarantine (
    load_id integer not null,
    file_name varchar not null,
    sheet varchar,                      -- worksheet, for Excel files
    row_number bigint not null,         -- line / spreadsheet row in the file
    reason_code varchar not null,       -- docs/contracts.md; rendered by etl/reasons.py
    content varchar not null,           -- JSON of the contract's fields, NIK masked, no names
    params json                         -- the reason's parameters (values masked), not a sentence
);

create table if not exists load_issue (  -- loaded rows with a recorded fallback or flag
    load_id integer not null,
    sheet varchar,
    row_number bigint not null,
    issue_code varchar not null,        -- NIK_OUTSIDE_NTT, OCCUPATION_FALLBACK, MEMBER_CONFLICT_REGENCY, ...
    params json                         -- the issue's parameters (NIK masked), not a sentence
);

-- warehouses written before reasons became codes kept English sentences: dropped
alter table quarantine add column if not exists params json;
alter table quarantine drop column if exists message;
alter table load_issue add column if not exists params json;
alter table load_issue drop column if exists message;

create table if not exists members (     -- one row per member; the newest member list wins
    member_key uhugeint not null,      -- unique (data test members_unique); the pseudonym's 128 bits
    regency_code varchar not null,      -- Kemendagri 53.xx
    district_code varchar,
    village_code varchar,
    segment_code varchar not null,
    sector_code varchar not null,
    occupation_text varchar,
    payer_code varchar not null,
    registered_date date not null,
    last_paid_month date,
    declared_income_rp bigint,
    programmes varchar,
    is_nik_outside_ntt boolean not null,
    as_of_month date,
    load_id integer not null,
    row_number bigint not null
);

create table if not exists contributions (  -- one row per paid spell of months
    member_key uhugeint not null,
    period_start_month date not null,
    period_end_month date not null,
    amount_rp bigint not null,
    payer_code varchar not null,
    regency_code varchar,
    programmes varchar,
    load_id integer not null,
    row_number bigint not null
);

create table if not exists claims (
    claim_id varchar not null,         -- unique (data test claims_unique)
    member_key uhugeint not null,
    programme_code varchar not null,
    filed_date date,
    paid_date date not null,
    amount_rp bigint not null,
    regency_code varchar not null,
    segment_code varchar,
    cause varchar,
    load_id integer not null,
    row_number bigint not null,
    incident_date date                  -- accident (JKK) or death (JKM), when the export has it
);
alter table contributions add column if not exists n_rows integer default 1;   -- rows of the file in a run
alter table claims add column if not exists incident_date date;   -- warehouses built before it

create table if not exists subsidies (
    member_key uhugeint not null,
    scheme varchar not null,
    tranche integer not null,
    paid_date date not null,
    amount_rp bigint not null,
    regency_code varchar not null,
    load_id integer not null,
    row_number bigint not null
);

create table if not exists meta (key varchar primary key, value varchar);
