-- History the builds keep (not models: no file of etl/sql/{rules,staging,intermediate,marts}
-- builds them). Before the models are rebuilt, etl/marts.py copies the published state it is
-- about to replace into hist_prev_* (members' status, the regencies, the loads seen so far);
-- after the models and their tests pass, it appends this build's change decomposition
-- (int_change_regency, int_change_added) to hist_change and hist_added, so mart_changes can
-- show every load's effect. A failed build keeps none of it; a rollback brings back the
-- history of the warehouse it restores.
create table if not exists hist_prev_status (     -- members as the previous build published them
    member_key uhugeint, regency_code varchar, is_goal boolean, is_registered boolean, is_active boolean,
    member_load_id integer, spell_load_id integer
);
create table if not exists hist_prev_meta (       -- one row: what the previous build had seen
    as_of_month date, max_load_id integer, built_at timestamp
);
create table if not exists hist_prev_regency (    -- regencies as the previous build published them
    regency_code varchar, n_active bigint, tier integer
);
create table if not exists hist_build (           -- one row per build that published
    build_id integer, built_at timestamp, as_of_before date, as_of_after date,
    first_load_id integer, last_load_id integer
);
create table if not exists hist_change (          -- per build x regency x component x load
    build_id integer, regency_code varchar, component varchar, load_id integer, n_members bigint
);
create table if not exists hist_added (           -- per build x kind x programme x load
    build_id integer, kind varchar, programme_code varchar, load_id integer, n_rows bigint, amount_rp bigint
);
